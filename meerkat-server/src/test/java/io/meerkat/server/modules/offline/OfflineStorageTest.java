package io.meerkat.server.modules.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.acl.AccessRules;
import io.meerkat.server.config.AccessConfig;
import io.meerkat.server.config.AccessConfig.AccessRule;
import io.meerkat.server.config.AclConfig;
import io.meerkat.server.hooks.Hooks;
import io.meerkat.server.hooks.StanzaEvent;
import io.meerkat.server.router.Router;
import io.meerkat.server.storage.DatabaseException;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The offline_message hook: what the sender hears when a message cannot be kept. */
class OfflineStorageTest {

  private static final Jid ALICE = Jid.parse("alice@localhost/desk");
  private static final Jid BOB = Jid.parse("bob@localhost");

  private final List<XmlElement> routed = new ArrayList<>();
  private final List<StanzaEvent> stored = new ArrayList<>();
  private final Router router =
      new Router() {
        @Override
        public void route(Jid from, Jid to, XmlElement stanza) {
          routed.add(stanza);
        }

        @Override
        public boolean deliverToResource(Jid full, XmlElement stanza) {
          return false;
        }
      };
  private final AccessRules access =
      new AccessRules(
          new AclConfig(Map.of()),
          new AccessConfig(Map.of("quota", List.of(new AccessRule("all", 5L)))),
          List.of("localhost"));

  /** A backend whose store answers {@code result}, or fails when {@code null}. */
  private static OfflineBackend backend(Boolean result, List<Long> limits) {
    return new OfflineBackend() {
      @Override
      public boolean store(Jid user, OfflineMessage message, long maxMessages) {
        limits.add(maxMessages);
        if (result == null) {
          throw new DatabaseException("database down", null);
        }
        return result;
      }

      @Override
      public List<OfflineMessage> messages(Jid user, Instant now) {
        return List.of();
      }

      @Override
      public long count(Jid user) {
        return 0;
      }

      @Override
      public int delete(Jid user, Collection<Long> ids) {
        return 0;
      }

      @Override
      public int removeUser(Jid user) {
        return 0;
      }

      @Override
      public int deleteExpired(String domain, Instant now) {
        return 0;
      }

      @Override
      public int deleteOlderThan(String domain, Instant before) {
        return 0;
      }
    };
  }

  private Boolean undeliverable(OfflineBackend backend) {
    Hooks hooks = new Hooks();
    OfflineStorage storage =
        new OfflineStorage(backend, access, "quota", router, Clock.systemUTC(), hooks);
    hooks.offlineMessage.add(50, "mod_offline", storage::onUndeliverable);
    hooks.offlineMessageStored.observe(0, "test", stored::add);
    XmlElement message =
        XmlElement.builder("message", Namespaces.CLIENT)
            .attribute("from", ALICE.toString())
            .attribute("to", BOB.toString())
            .attribute("id", "m1")
            .attribute("type", "chat")
            .textChild("body", "hello")
            .build();
    return hooks.offlineMessage.run(Boolean.FALSE, new StanzaEvent(ALICE, BOB, message));
  }

  @Test
  void aStoredMessageIsClaimedWithTheQuotaOfTheAccessRule() {
    List<Long> limits = new ArrayList<>();
    assertThat(undeliverable(backend(true, limits))).isTrue();
    assertThat(limits).containsExactly(5L);
    assertThat(routed).isEmpty();
    assertThat(stored).extracting(StanzaEvent::to).containsExactly(BOB);
  }

  @Test
  void aFullQuotaIsClaimedAndAnsweredWithResourceConstraint() {
    assertThat(undeliverable(backend(false, new ArrayList<>()))).isTrue();
    assertThat(routed).hasSize(1);
    XmlElement error = routed.get(0).child("error", Namespaces.CLIENT);
    assertThat(error.child("resource-constraint", Namespaces.STANZA_ERRORS)).isNotNull();
    assertThat(routed.get(0).attribute("to")).isEqualTo(ALICE.toString());
    assertThat(stored).isEmpty();
  }

  @Test
  void aStorageFailureLeavesTheMessageUnclaimedSoTheSenderGetsAnError() {
    assertThat(undeliverable(backend(null, new ArrayList<>()))).isFalse();
    assertThat(stored).isEmpty();
  }
}
