package io.meerkat.server.roster;

import io.meerkat.server.router.Router;
import io.meerkat.server.sm.SessionManager;
import io.meerkat.xmpp.Jid;
import java.util.function.Predicate;

/**
 * The roster services of a node wired together: one store, one lock set and one push tracker shared
 * by roster management and subscriptions, so both serialise on the same per-user locks.
 */
public final class Rosters {

  private final RosterStore store;
  private final RosterPushes pushes;
  private final ResourcePresences presences;
  private final RosterService roster;
  private final SubscriptionService subscriptions;

  public Rosters(
      RosterStore store,
      SessionManager sessions,
      Router router,
      Predicate<Jid> userExists,
      boolean versioning) {
    RosterLocks locks = new RosterLocks();
    this.store = store;
    this.pushes = new RosterPushes(sessions, router, versioning);
    this.presences = new ResourcePresences(sessions, router);
    this.roster = new RosterService(store, locks, pushes, presences, router);
    this.subscriptions =
        new SubscriptionService(store, locks, pushes, presences, router, sessions, userExists);
  }

  public RosterStore store() {
    return store;
  }

  public RosterPushes pushes() {
    return pushes;
  }

  public ResourcePresences presences() {
    return presences;
  }

  public RosterService roster() {
    return roster;
  }

  public SubscriptionService subscriptions() {
    return subscriptions;
  }
}
