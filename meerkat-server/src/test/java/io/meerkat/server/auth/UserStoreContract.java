package io.meerkat.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.xmpp.Jid;
import org.junit.jupiter.api.Test;

/** What every {@link UserStore} backend must do; each backend's test implements this. */
public interface UserStoreContract {

  /** A store with SCRAM storage for SHA-1 and SHA-256, 4096 iterations, and no users yet. */
  UserStore scramStore();

  /** A store configured with {@code password.format = "plain"}. */
  UserStore plainStore();

  Jid ALICE = Jid.parse("alice@example.com");
  Jid BOB = Jid.parse("bob@example.com");

  @Test
  default void aRegisteredUserExistsAndLogsInWithItsPassword() {
    UserStore store = scramStore();
    assertThat(store.register(ALICE, "secret")).isTrue();
    assertThat(store.exists(ALICE)).isTrue();
    assertThat(store.checkPassword(ALICE, "secret")).isTrue();
    assertThat(store.checkPassword(ALICE, "Secret")).isFalse();
    assertThat(store.checkPassword(BOB, "secret")).isFalse();
    assertThat(store.exists(BOB)).isFalse();
  }

  @Test
  default void registeringAnExistingUserChangesNothing() {
    UserStore store = scramStore();
    store.register(ALICE, "first");
    assertThat(store.register(ALICE, "second")).isFalse();
    assertThat(store.checkPassword(ALICE, "first")).isTrue();
  }

  @Test
  default void scramStorageKeepsSaltedCredentialsAndNeverThePassword() {
    UserStore store = scramStore();
    store.register(ALICE, "pencil");
    StoredPassword stored = store.storedPassword(ALICE).orElseThrow();
    assertThat(stored.plain()).isEmpty();
    assertThat(stored.scram().keySet()).containsExactlyInAnyOrder(ScramHash.SHA1, ScramHash.SHA256);
    ScramCredential sha256 = stored.scram(ScramHash.SHA256).orElseThrow();
    assertThat(sha256.iterations()).isEqualTo(4096);
    assertThat(sha256.salt()).hasSizeGreaterThanOrEqualTo(16);
    assertThat(sha256.storedKey())
        .isEqualTo(Scram.credential(ScramHash.SHA256, "pencil", sha256.salt(), 4096).storedKey());
    store.register(BOB, "pencil");
    assertThat(store.storedPassword(BOB).orElseThrow().scram(ScramHash.SHA256).orElseThrow().salt())
        .isNotEqualTo(sha256.salt());
  }

  @Test
  default void plainFormatStoresThePasswordItself() {
    UserStore store = plainStore();
    store.register(ALICE, "pencil");
    assertThat(store.storedPassword(ALICE).orElseThrow().plain()).contains("pencil");
    assertThat(store.checkPassword(ALICE, "pencil")).isTrue();
  }

  @Test
  default void passwordsAreComparedAfterSaslPrep() {
    UserStore store = scramStore();
    store.register(ALICE, "I\u00ADX");
    assertThat(store.checkPassword(ALICE, "IX")).isTrue();
    assertThat(store.checkPassword(ALICE, "I\u00A0X")).isFalse();
  }

  @Test
  default void changingThePasswordReplacesTheCredentials() {
    UserStore store = scramStore();
    store.register(ALICE, "old");
    assertThat(store.changePassword(ALICE, "new")).isTrue();
    assertThat(store.checkPassword(ALICE, "old")).isFalse();
    assertThat(store.checkPassword(ALICE, "new")).isTrue();
    assertThat(store.changePassword(BOB, "x")).isFalse();
  }

  @Test
  default void removedUsersAreGone() {
    UserStore store = scramStore();
    store.register(ALICE, "x");
    assertThat(store.remove(ALICE)).isTrue();
    assertThat(store.exists(ALICE)).isFalse();
    assertThat(store.remove(ALICE)).isFalse();
  }

  @Test
  default void usersAreListedAndCountedPerDomain() {
    UserStore store = scramStore();
    store.register(BOB, "x");
    store.register(ALICE, "x");
    store.register(Jid.parse("carol@other.example"), "x");
    assertThat(store.listUsers("example.com")).containsExactly("alice", "bob");
    assertThat(store.countUsers("example.com")).isEqualTo(2);
    assertThat(store.countUsers("other.example")).isEqualTo(1);
    assertThat(store.countUsers("none.example")).isZero();
  }
}
