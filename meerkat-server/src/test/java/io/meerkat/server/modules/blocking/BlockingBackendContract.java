package io.meerkat.server.modules.blocking;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.storage.DatabaseFixture;
import io.meerkat.xmpp.Jid;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link BlockingBackend} must do; run against H2 and PostgreSQL. */
interface BlockingBackendContract extends DatabaseFixture {

  Jid ALICE = Jid.parse("alice@example.com");
  Jid BOB = Jid.parse("bob@example.com");
  Jid SPAMMER = Jid.parse("spam@bad.example");
  Jid BAD_DOMAIN = Jid.parse("bad.example");
  Jid ONE_RESOURCE = Jid.parse("carol@example.com/phone");

  default BlockingBackend backend() {
    return new RdbmsBlockingBackend(database().jdbc());
  }

  @Test
  default void blockedJidsOfEveryFormAreListedSorted() {
    backend().block(ALICE, List.of(SPAMMER, BAD_DOMAIN, ONE_RESOURCE));
    assertThat(backend().blocklist(ALICE))
        .containsExactlyElementsOf(
            List.of(SPAMMER, BAD_DOMAIN, ONE_RESOURCE).stream().sorted().toList());
    assertThat(backend().blocklist(BOB)).isEmpty();
  }

  @Test
  default void blockingTwiceKeepsOneEntry() {
    backend().block(ALICE, List.of(SPAMMER));
    backend().block(ALICE, List.of(SPAMMER, BAD_DOMAIN));
    assertThat(backend().blocklist(ALICE)).hasSize(2).contains(SPAMMER, BAD_DOMAIN);
  }

  @Test
  default void unblockRemovesOnlyTheNamedJids() {
    backend().block(ALICE, List.of(SPAMMER, BAD_DOMAIN));
    backend().unblock(ALICE, List.of(SPAMMER, Jid.parse("never@blocked.example")));
    assertThat(backend().blocklist(ALICE)).containsExactly(BAD_DOMAIN);
  }

  @Test
  default void unblockAllEmptiesOneUsersList() {
    backend().block(ALICE, List.of(SPAMMER, BAD_DOMAIN));
    backend().block(BOB, List.of(SPAMMER));
    backend().unblockAll(ALICE);
    assertThat(backend().blocklist(ALICE)).isEmpty();
    assertThat(backend().blocklist(BOB)).containsExactly(SPAMMER);
  }
}
