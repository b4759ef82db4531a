package io.meerkat.server.modules.privatestorage;

import io.meerkat.server.storage.Jdbc;
import io.meerkat.server.storage.StoredXml;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import java.util.List;
import java.util.Map;

/** Private XML in the {@code private_storage} table, one row per user and namespace. */
public final class RdbmsPrivateBackend implements PrivateBackend {

  private final Jdbc jdbc;

  public RdbmsPrivateBackend(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<XmlElement> get(Jid user, String namespace) {
    return jdbc.queryOne(
            "SELECT data FROM private_storage WHERE server = ? AND username = ? AND namespace = ?",
            rs -> rs.getString(1),
            user.domain(),
            user.localpart(),
            namespace)
        .map(StoredXml::read)
        .orElse(List.of());
  }

  @Override
  public void set(Jid user, Map<String, List<XmlElement>> byNamespace) {
    jdbc.inTransactionRetrying(
        c -> {
          for (Map.Entry<String, List<XmlElement>> e : byNamespace.entrySet()) {
            String data = StoredXml.write(e.getValue());
            int updated =
                Jdbc.update(
                    c,
                    "UPDATE private_storage SET data = ? WHERE server = ? AND username = ?"
                        + " AND namespace = ?",
                    data,
                    user.domain(),
                    user.localpart(),
                    e.getKey());
            if (updated == 0) {
              Jdbc.update(
                  c,
                  "INSERT INTO private_storage (server, username, namespace, data)"
                      + " VALUES (?, ?, ?, ?)",
                  user.domain(),
                  user.localpart(),
                  e.getKey(),
                  data);
            }
          }
          return null;
        });
  }

  @Override
  public void removeAll(Jid user) {
    jdbc.update(
        "DELETE FROM private_storage WHERE server = ? AND username = ?",
        user.domain(),
        user.localpart());
  }
}
