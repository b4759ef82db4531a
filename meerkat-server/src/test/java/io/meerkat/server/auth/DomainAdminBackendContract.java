package io.meerkat.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meerkat.server.storage.Database;
import org.junit.jupiter.api.Test;

/** What every {@link DomainAdminBackend} must do; each database's test implements this. */
public interface DomainAdminBackendContract {

  /** A migrated database without domain administrators. */
  Database database();

  /** A backend storing SHA-1 and SHA-256 credentials with 4096 iterations. */
  DomainAdminBackend backend();

  @Test
  default void aDomainWithoutPasswordHasNoAdministrator() {
    assertThat(backend().checkPassword("example.com", "")).isFalse();
    assertThat(backend().checkPassword("example.com", "anything")).isFalse();
    assertThat(backend().deletePassword("example.com")).isFalse();
  }

  @Test
  default void aSetPasswordLetsOnlyThatDomainsAdministratorIn() {
    backend().setPassword("example.com", "Domain-Pass-1");
    assertThat(backend().checkPassword("example.com", "Domain-Pass-1")).isTrue();
    assertThat(backend().checkPassword("example.com", "domain-pass-1")).isFalse();
    assertThat(backend().checkPassword("localhost", "Domain-Pass-1")).isFalse();
  }

  @Test
  default void settingAgainReplacesThePasswordAndDeletingRemovesTheAdministrator() {
    backend().setPassword("example.com", "First-1");
    backend().setPassword("example.com", "Second-2");
    assertThat(backend().checkPassword("example.com", "First-1")).isFalse();
    assertThat(backend().checkPassword("example.com", "Second-2")).isTrue();
    assertThat(backend().deletePassword("example.com")).isTrue();
    assertThat(backend().checkPassword("example.com", "Second-2")).isFalse();
    assertThat(backend().deletePassword("example.com")).isFalse();
  }

  @Test
  default void onlySaltedScramCredentialsAreStored() {
    backend().setPassword("example.com", "pencil");
    String stored =
        database()
            .jdbc()
            .queryOne(
                "SELECT pass_details FROM domain_admins WHERE domain = ?",
                row -> row.getString(1),
                "example.com")
            .orElseThrow();
    assertThat(stored).doesNotContain("pencil").startsWith("==MULTI_SCRAM==,4096,");
    assertThat(MultiScramFormat.parse(stored).keySet())
        .containsExactlyInAnyOrder(ScramHash.SHA1, ScramHash.SHA256);
  }

  @Test
  default void passwordsAreSaslPreparedLikeAccountPasswords() {
    backend().setPassword("example.com", "I\u00ADX"); // a soft hyphen is mapped to nothing
    assertThat(backend().checkPassword("example.com", "IX")).isTrue();
    assertThatThrownBy(() -> backend().setPassword("example.com", "bad\u0007"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(backend().checkPassword("example.com", "bad\u0007")).isFalse();
  }
}
