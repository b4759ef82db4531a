package io.meerkat.server.modules.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.hooks.HookResult;
import io.meerkat.server.modules.roster.RosterApi.MutualAction;
import io.meerkat.server.modules.roster.RosterModule;
import io.meerkat.server.testing.ImClient;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Presence broadcast, probes, directed and unavailable presence over real sockets (§4). */
class PresenceBroadcastTest {

  @TempDir static Path dataDir;
  static TestNode node;

  @BeforeAll
  static void start() {
    node = TestNode.start(dataDir, "\n[modules.mod_roster]\n[modules.mod_presence]\n");
    for (String user :
        new String[] {"ann", "ben", "cat", "dan", "eve", "fay", "gus", "hal", "ivy", "jon"}) {
      node.node().users().register(Jid.parse(user + "@localhost"), user + "-pw");
    }
    connect("ann", "ben");
    connect("cat", "dan");
    connect("fay", "gus");
    connect("hal", "ivy");
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static void connect(String a, String b) {
    node.node()
        .module(RosterModule.class)
        .orElseThrow()
        .api()
        .setMutualSubscription(
            Jid.parse(a + "@localhost"), Jid.parse(b + "@localhost"), MutualAction.CONNECT);
  }

  private static ImClient login(String user, String resource) throws Exception {
    return ImClient.login(node, user, resource);
  }

  @Test
  void initialPresenceGoesToContactsAndOwnResourcesAndContactsPresenceComesBack() throws Exception {
    try (ImClient ben = login("ben", "home");
        ImClient ann = login("ann", "laptop");
        ImClient annPhone = login("ann", "phone");
        ImClient eve = login("eve", "outsider")) {
      ben.send("<presence><show>dnd</show><status>busy</status><priority>3</priority></presence>");
      ben.expectPresence("ben@localhost/home", null);
      annPhone.send("<presence/>");
      annPhone.expectPresence("ann@localhost/phone", null);
      XmlElement benSeen = annPhone.expectPresence("ben@localhost/home", null);
      assertThat(benSeen.attribute("to")).isEqualTo("ann@localhost/phone");
      assertThat(benSeen.childText("status", Namespaces.CLIENT)).isEqualTo("busy");
      assertThat(ben.expectPresence("ann@localhost/phone", null)).isNotNull();

      ann.send("<presence><status>here</status></presence>");
      assertThat(ann.expectPresence("ann@localhost/laptop", null)).as("own echo").isNotNull();
      assertThat(ann.expectPresence("ben@localhost/home", null)).as("probe answer").isNotNull();
      assertThat(ann.expectPresence("ann@localhost/phone", null))
          .as("the other resource of the same account")
          .isNotNull();
      assertThat(annPhone.expectPresence("ann@localhost/laptop", null)).isNotNull();
      XmlElement annSeen = ben.expectPresence("ann@localhost/laptop", null);
      assertThat(annSeen.childText("status", Namespaces.CLIENT)).isEqualTo("here");
      ann.sync();
      eve.send("<presence/>");
      assertThat(eve.sync())
          .as("no presence from people who did not let eve subscribe")
          .noneMatch(
              e ->
                  e.attribute("from").startsWith("ann@") || e.attribute("from").startsWith("ben@"));

      ann.send("<presence><show>away</show></presence>");
      XmlElement update = ben.expectPresence("ann@localhost/laptop", null);
      assertThat(update.childText("show", Namespaces.CLIENT)).isEqualTo("away");
    }
  }

  @Test
  void aLostConnectionSendsUnavailableToContacts() throws Exception {
    try (ImClient dan = login("dan", "desk")) {
      dan.send("<presence/>");
      dan.expectPresence(dan.jid(), null);
      ImClient cat = login("cat", "mobile");
      cat.send("<presence/>");
      dan.expectPresence("cat@localhost/mobile", null);
      cat.sync();
      cat.raw().close();
      XmlElement gone = dan.expectPresence("cat@localhost/mobile", "unavailable");
      assertThat(gone.attribute("to")).isEqualTo("dan@localhost");
    }
  }

  @Test
  void explicitUnavailableIsBroadcastWithItsStatusAndNothingMoreOnDisconnect() throws Exception {
    try (ImClient gus = login("gus", "watcher");
        ImClient fay = login("fay", "leaving")) {
      gus.send("<presence/>");
      gus.expectPresence(gus.jid(), null);
      fay.send("<presence/>");
      gus.expectPresence("fay@localhost/leaving", null);
      fay.send("<presence type='unavailable'><status>bye</status></presence>");
      XmlElement bye = gus.expectPresence("fay@localhost/leaving", "unavailable");
      assertThat(bye.childText("status", Namespaces.CLIENT)).isEqualTo("bye");
      fay.sync();
      fay.close();
      org.awaitility.Awaitility.await()
          .until(() -> node.node().sessions().session(Jid.parse(fay.jid())).isEmpty());
      assertThat(gus.sync()).noneMatch(e -> e.name().equals("presence"));
    }
  }

  @Test
  void directedPresenceIsFollowedByUnavailableWhenTheSenderLeaves() throws Exception {
    try (ImClient jon = login("jon", "stranger")) {
      jon.send("<presence/>");
      jon.expectPresence(jon.jid(), null);
      ImClient eve = login("eve", "direct");
      eve.send("<presence/>");
      eve.send("<presence to='jon@localhost/stranger'><status>psst</status></presence>");
      XmlElement directed = jon.expectPresence("eve@localhost/direct", null);
      assertThat(directed.childText("status", Namespaces.CLIENT)).isEqualTo("psst");
      eve.sync();
      eve.close();
      assertThat(jon.expectPresence("eve@localhost/direct", "unavailable")).isNotNull();
    }
  }

  @Test
  void aProbeFromASubscriberIsAnsweredWithUnavailableWhenTheContactIsOffline() throws Exception {
    try (ImClient hal = login("hal", "prober");
        ImClient jon = login("jon", "prober")) {
      hal.send("<presence/>");
      hal.send("<presence type='probe' to='ivy@localhost'/>");
      XmlElement answer = hal.expectPresence("ivy@localhost", "unavailable");
      assertThat(answer).isNotNull();
      jon.send("<presence type='probe' to='ivy@localhost'/>");
      assertThat(jon.sync()).as("a non-subscriber learns nothing").isEmpty();
    }
  }

  @Test
  void theInitialPresenceHookRunsOnceAfterThePresenceUpdate() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    node.node()
        .hooks()
        .presenceUpdate
        .add(
            99,
            "test",
            (acc, u) -> {
              if (u.after().jid().localpart().equals("eve")) {
                events.add(u.after().available() ? "update" : "update-unavailable");
              }
              return HookResult.next(acc);
            });
    node.node()
        .hooks()
        .initialPresence
        .add(
            99,
            "test",
            (acc, s) -> {
              if (s.jid().localpart().equals("eve")) {
                events.add("initial");
              }
              return HookResult.next(acc);
            });
    try (ImClient eve = login("eve", "hooks")) {
      eve.send("<presence/>");
      eve.send("<presence><show>chat</show></presence>");
      eve.send("<presence type='unavailable'/>");
      eve.send("<presence/>");
      eve.sync();
      assertThat(events)
          .containsExactly("update", "initial", "update", "update-unavailable", "update");
    } finally {
      node.node().hooks().presenceUpdate.removeAll("test");
      node.node().hooks().initialPresence.removeAll("test");
    }
  }
}
