package io.meerkat.server.modules.vcard;

import io.meerkat.server.storage.Jdbc;
import io.meerkat.server.storage.StoredXml;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import java.util.Optional;

/** vCards in the {@code vcard} table, serialized XML per account. */
public final class RdbmsVcardBackend implements VcardBackend {

  private final Jdbc jdbc;

  public RdbmsVcardBackend(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<XmlElement> get(Jid user) {
    return jdbc.queryOne(
            "SELECT vcard FROM vcard WHERE server = ? AND username = ?",
            rs -> rs.getString(1),
            user.domain(),
            user.localpart())
        .map(StoredXml::readOne);
  }

  @Override
  public void set(Jid user, XmlElement vcard) {
    String xml = StoredXml.write(vcard);
    jdbc.inTransactionRetrying(
        c -> {
          int updated =
              Jdbc.update(
                  c,
                  "UPDATE vcard SET vcard = ? WHERE server = ? AND username = ?",
                  xml,
                  user.domain(),
                  user.localpart());
          if (updated == 0) {
            Jdbc.update(
                c,
                "INSERT INTO vcard (server, username, vcard) VALUES (?, ?, ?)",
                user.domain(),
                user.localpart(),
                xml);
          }
          return null;
        });
  }

  @Override
  public void remove(Jid user) {
    jdbc.update(
        "DELETE FROM vcard WHERE server = ? AND username = ?", user.domain(), user.localpart());
  }
}
