package io.meerkat.server.roster;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.xmpp.Jid;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link RosterStore} backend must do; each backend's test implements this. */
public interface RosterStoreContract {

  /** A store with no rosters yet. */
  RosterStore store();

  Jid ALICE = Jid.parse("alice@example.com");
  Jid BOB = Jid.parse("bob@example.com");
  Jid CAROL = Jid.parse("carol@example.com");

  private static RosterItem item(Jid contact, String name, String... groups) {
    return RosterItem.empty(contact, true).withNameAndGroups(name, List.of(groups));
  }

  @Test
  default void anUnknownUserHasAnEmptyRosterAtVersionZero() {
    RosterStore store = store();
    assertThat(store.items(ALICE)).isEmpty();
    assertThat(store.item(ALICE, BOB)).isEmpty();
    assertThat(store.version(ALICE)).isZero();
  }

  @Test
  default void anItemIsStoredWithEveryFieldAndReadBack() {
    RosterStore store = store();
    RosterItem bob =
        item(BOB, "Bobby", "Work", "Friends")
            .withSubscription(Subscription.FROM, true, true, true)
            .withAskMessage("let me in");
    store.put(ALICE, bob);
    RosterItem read = store.item(ALICE, BOB).orElseThrow();
    assertThat(read.contact()).isEqualTo(BOB);
    assertThat(read.name()).isEqualTo("Bobby");
    assertThat(read.subscription()).isEqualTo(Subscription.FROM);
    assertThat(read.pendingOut()).isTrue();
    assertThat(read.pendingIn()).isTrue();
    assertThat(read.approved()).isTrue();
    assertThat(read.visible()).isTrue();
    assertThat(read.askMessage()).isEqualTo("let me in");
    assertThat(read.groups()).containsExactlyInAnyOrder("Work", "Friends");
  }

  @Test
  default void putReplacesAnItemIncludingItsGroups() {
    RosterStore store = store();
    store.put(ALICE, item(BOB, "Bob", "A", "B"));
    store.put(ALICE, item(BOB, "Robert", "C"));
    RosterItem read = store.item(ALICE, BOB).orElseThrow();
    assertThat(read.name()).isEqualTo("Robert");
    assertThat(read.groups()).containsExactly("C");
    assertThat(store.items(ALICE)).hasSize(1);
  }

  @Test
  default void invisibleItemsAreKeptAndListed() {
    RosterStore store = store();
    store.put(
        ALICE,
        RosterItem.empty(BOB, false).withSubscription(Subscription.NONE, false, true, false));
    assertThat(store.items(ALICE))
        .singleElement()
        .satisfies(i -> assertThat(i.visible()).isFalse());
  }

  @Test
  default void itemsAreListedByContactAndRostersAreSeparatePerUser() {
    RosterStore store = store();
    store.put(ALICE, item(CAROL, "Carol"));
    store.put(ALICE, item(BOB, "Bob", "G"));
    store.put(BOB, item(ALICE, "Alice"));
    assertThat(store.items(ALICE)).extracting(RosterItem::contact).containsExactly(BOB, CAROL);
    assertThat(store.items(BOB)).extracting(RosterItem::contact).containsExactly(ALICE);
    assertThat(store.item(BOB, CAROL)).isEmpty();
  }

  @Test
  default void everyChangeBumpsTheVersion() {
    RosterStore store = store();
    long v1 = store.put(ALICE, item(BOB, "Bob"));
    long v2 = store.put(ALICE, item(CAROL, "Carol"));
    long v3 = store.remove(ALICE, BOB);
    assertThat(v1).isPositive();
    assertThat(v2).isGreaterThan(v1);
    assertThat(v3).isGreaterThan(v2);
    assertThat(store.version(ALICE)).isEqualTo(v3);
    assertThat(store.version(BOB)).isZero();
  }

  @Test
  default void removeDeletesOneItemWithItsGroups() {
    RosterStore store = store();
    store.put(ALICE, item(BOB, "Bob", "G1", "G2"));
    store.put(ALICE, item(CAROL, "Carol", "G1"));
    store.remove(ALICE, BOB);
    assertThat(store.item(ALICE, BOB)).isEmpty();
    assertThat(store.item(ALICE, CAROL).orElseThrow().groups()).containsExactly("G1");
    store.put(ALICE, item(BOB, "Bob again"));
    assertThat(store.item(ALICE, BOB).orElseThrow().groups()).isEmpty();
  }

  @Test
  default void removeAllDeletesTheWholeRosterAndItsVersion() {
    RosterStore store = store();
    store.put(ALICE, item(BOB, "Bob", "G"));
    store.put(ALICE, item(CAROL, "Carol"));
    store.put(BOB, item(ALICE, "Alice"));
    store.removeAll(ALICE);
    assertThat(store.items(ALICE)).isEmpty();
    assertThat(store.version(ALICE)).isZero();
    assertThat(store.items(BOB)).hasSize(1);
  }

  @Test
  default void namesAndGroupsKeepNonAsciiText() {
    RosterStore store = store();
    store.put(ALICE, item(BOB, "Bób ☃", "Família", "友達"));
    RosterItem read = store.item(ALICE, BOB).orElseThrow();
    assertThat(read.name()).isEqualTo("Bób ☃");
    assertThat(read.groups()).containsExactlyInAnyOrder("Família", "友達");
  }
}
