package io.meerkat.server.modules.vcard;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.storage.DatabaseFixture;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import org.junit.jupiter.api.Test;

/** What every {@link VcardBackend} must do; run against H2 and PostgreSQL. */
interface VcardBackendContract extends DatabaseFixture {

  Jid ALICE = Jid.parse("alice@example.com");
  Jid BOB = Jid.parse("bob@example.com");

  default VcardBackend backend() {
    return new RdbmsVcardBackend(database().jdbc());
  }

  static XmlElement vcard(String fn) {
    return XmlElement.builder("vCard", Namespaces.VCARD)
        .textChild("FN", fn)
        .child(
            XmlElement.builder("N", Namespaces.VCARD)
                .textChild("GIVEN", "Ålice <&> \"Ünïcode\" 🦦")
                .build())
        .child(XmlElement.empty("x-custom", "urn:example:other"))
        .build();
  }

  @Test
  default void aStoredVcardComesBackEqualIncludingForeignNamespacesAndEscapes() {
    backend().set(ALICE, vcard("Alice"));
    assertThat(backend().get(ALICE)).contains(vcard("Alice"));
  }

  @Test
  default void aUserWithoutVcardHasNone() {
    backend().set(ALICE, vcard("Alice"));
    assertThat(backend().get(BOB)).isEmpty();
  }

  @Test
  default void settingAgainReplacesTheWholeVcard() {
    backend().set(ALICE, vcard("Alice"));
    backend().set(ALICE, XmlElement.empty("vCard", Namespaces.VCARD));
    assertThat(backend().get(ALICE)).contains(XmlElement.empty("vCard", Namespaces.VCARD));
  }

  @Test
  default void removeDeletesOnlyThatUsersVcard() {
    backend().set(ALICE, vcard("Alice"));
    backend().set(BOB, vcard("Bob"));
    backend().remove(ALICE);
    backend().remove(Jid.parse("nobody@example.com"));
    assertThat(backend().get(ALICE)).isEmpty();
    assertThat(backend().get(BOB)).contains(vcard("Bob"));
  }

  @Test
  default void usersOfDifferentDomainsAreSeparate() {
    Jid other = Jid.parse("alice@other.example");
    backend().set(ALICE, vcard("Alice"));
    assertThat(backend().get(other)).isEmpty();
  }
}
