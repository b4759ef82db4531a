package io.meerkat.server.modules.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.modules.offline.OfflinePolicy.Decision;
import org.junit.jupiter.api.Test;

/** Which undeliverable messages are kept (XEP-0160, XEP-0334, XEP-0085). */
class OfflinePolicyTest {

  private final OfflinePolicy policy = new OfflinePolicy();

  private Decision decide(String xml) {
    return policy.decide(StoredStanzas.read(xml));
  }

  @Test
  void chatAndNormalMessagesWithABodyOrSubjectAreStored() {
    assertThat(decide("<message type='chat'><body>hi</body></message>")).isEqualTo(Decision.STORE);
    assertThat(decide("<message><subject>topic</subject></message>")).isEqualTo(Decision.STORE);
    assertThat(decide("<message type='weird'><body>unknown type is normal</body></message>"))
        .isEqualTo(Decision.STORE);
  }

  @Test
  void otherPayloadsAreContentToo() {
    assertThat(decide("<message type='chat'><x xmlns='jabber:x:oob'><url>u</url></x></message>"))
        .isEqualTo(Decision.STORE);
  }

  @Test
  void errorsHeadlinesAndGroupchatAreNeverStored() {
    assertThat(decide("<message type='error'><body>x</body></message>")).isEqualTo(Decision.REFUSE);
    assertThat(decide("<message type='headline'><body>x</body></message>"))
        .isEqualTo(Decision.REFUSE);
    assertThat(decide("<message type='groupchat'><body>x</body></message>"))
        .isEqualTo(Decision.REFUSE);
  }

  @Test
  void hintsDecideBeforeContent() {
    assertThat(
            decide(
                "<message type='chat'><body>x</body><no-store xmlns='urn:xmpp:hints'/></message>"))
        .isEqualTo(Decision.REFUSE);
    assertThat(decide("<message type='chat'><store xmlns='urn:xmpp:hints'/></message>"))
        .isEqualTo(Decision.STORE);
    assertThat(
            decide("<message type='error'><body>x</body><store xmlns='urn:xmpp:hints'/></message>"))
        .isEqualTo(Decision.REFUSE);
  }

  @Test
  void chatStatesAloneAreDiscardedAndEmptyMessagesRefused() {
    assertThat(
            decide(
                "<message type='chat'><thread>t</thread>"
                    + "<composing xmlns='http://jabber.org/protocol/chatstates'/></message>"))
        .isEqualTo(Decision.DISCARD);
    assertThat(decide("<message type='chat'><thread>t</thread></message>"))
        .isEqualTo(Decision.REFUSE);
  }
}
