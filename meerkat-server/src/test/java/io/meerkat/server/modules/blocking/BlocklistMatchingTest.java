package io.meerkat.server.modules.blocking;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.xmpp.Jid;
import org.junit.jupiter.api.Test;

/** The JID matching rules XEP-0191 takes from XEP-0016. */
class BlocklistMatchingTest {

  private static boolean blocks(String item, String sender) {
    return Blocklists.matches(Jid.parse(item), Jid.parse(sender));
  }

  @Test
  void aFullJidBlocksOnlyThatResource() {
    assertThat(blocks("romeo@example.net/orchard", "romeo@example.net/orchard")).isTrue();
    assertThat(blocks("romeo@example.net/orchard", "romeo@example.net/balcony")).isFalse();
    assertThat(blocks("romeo@example.net/orchard", "romeo@example.net")).isFalse();
  }

  @Test
  void aBareJidBlocksEveryResourceOfTheAccount() {
    assertThat(blocks("romeo@example.net", "romeo@example.net/orchard")).isTrue();
    assertThat(blocks("romeo@example.net", "romeo@example.net")).isTrue();
    assertThat(blocks("romeo@example.net", "mercutio@example.net")).isFalse();
  }

  @Test
  void aDomainWithResourceBlocksOnlyThatJid() {
    assertThat(blocks("example.net/bot", "example.net/bot")).isTrue();
    assertThat(blocks("example.net/bot", "romeo@example.net/bot")).isFalse();
  }

  @Test
  void aDomainBlocksTheDomainAndEveryJidAtIt() {
    assertThat(blocks("example.net", "example.net")).isTrue();
    assertThat(blocks("example.net", "romeo@example.net/orchard")).isTrue();
    assertThat(blocks("example.net", "example.net/bot")).isTrue();
    assertThat(blocks("example.net", "romeo@example.org")).isFalse();
    assertThat(blocks("example.net", "sub.example.net")).isFalse();
  }
}
