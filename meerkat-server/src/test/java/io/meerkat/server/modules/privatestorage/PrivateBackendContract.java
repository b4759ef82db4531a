package io.meerkat.server.modules.privatestorage;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.storage.DatabaseFixture;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link PrivateBackend} must do; run against H2 and PostgreSQL. */
interface PrivateBackendContract extends DatabaseFixture {

  Jid ALICE = Jid.parse("alice@example.com");
  Jid BOB = Jid.parse("bob@example.com");
  String PREFS = "urn:example:prefs";
  String BOOKMARKS = "storage:bookmarks";

  default PrivateBackend backend() {
    return new RdbmsPrivateBackend(database().jdbc());
  }

  static XmlElement prefs(String nick) {
    return XmlElement.builder("prefs", PREFS).textChild("nick", nick).build();
  }

  static XmlElement bookmarks() {
    return XmlElement.builder("storage", BOOKMARKS)
        .child(
            XmlElement.builder("conference", BOOKMARKS)
                .attribute("jid", "room@conference.example.com")
                .attribute("autojoin", "true")
                .build())
        .build();
  }

  @Test
  default void storedElementsComeBackByNamespace() {
    backend().set(ALICE, Map.of(PREFS, List.of(prefs("Al")), BOOKMARKS, List.of(bookmarks())));
    assertThat(backend().get(ALICE, PREFS)).containsExactly(prefs("Al"));
    assertThat(backend().get(ALICE, BOOKMARKS)).containsExactly(bookmarks());
    assertThat(backend().get(ALICE, "urn:example:none")).isEmpty();
    assertThat(backend().get(BOB, PREFS)).isEmpty();
  }

  @Test
  default void severalElementsOfOneNamespaceAreKeptInOrder() {
    XmlElement second = XmlElement.builder("more", PREFS).text("x").build();
    backend().set(ALICE, Map.of(PREFS, List.of(prefs("Al"), second)));
    assertThat(backend().get(ALICE, PREFS)).containsExactly(prefs("Al"), second);
  }

  @Test
  default void settingANamespaceReplacesOnlyThatNamespace() {
    backend().set(ALICE, Map.of(PREFS, List.of(prefs("Al")), BOOKMARKS, List.of(bookmarks())));
    backend().set(ALICE, Map.of(PREFS, List.of(prefs("Alice"))));
    assertThat(backend().get(ALICE, PREFS)).containsExactly(prefs("Alice"));
    assertThat(backend().get(ALICE, BOOKMARKS)).containsExactly(bookmarks());
  }

  @Test
  default void removeAllDeletesEverythingOfThatUserOnly() {
    backend().set(ALICE, Map.of(PREFS, List.of(prefs("Al")), BOOKMARKS, List.of(bookmarks())));
    backend().set(BOB, Map.of(PREFS, List.of(prefs("Bob"))));
    backend().removeAll(ALICE);
    assertThat(backend().get(ALICE, PREFS)).isEmpty();
    assertThat(backend().get(ALICE, BOOKMARKS)).isEmpty();
    assertThat(backend().get(BOB, PREFS)).containsExactly(prefs("Bob"));
  }
}
