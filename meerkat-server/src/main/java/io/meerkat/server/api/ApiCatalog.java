package io.meerkat.server.api;

import io.meerkat.server.api.account.AccountApi;
import io.meerkat.server.api.account.AccountCategory;
import io.meerkat.server.api.cets.CetsCategory;
import io.meerkat.server.api.domain.DomainCategory;
import io.meerkat.server.api.last.LastCategory;
import io.meerkat.server.api.offline.OfflineCategory;
import io.meerkat.server.api.privatestorage.PrivateCategory;
import io.meerkat.server.api.roster.RosterCategory;
import io.meerkat.server.api.server.ServerCategory;
import io.meerkat.server.api.session.SessionApi;
import io.meerkat.server.api.session.SessionCategory;
import io.meerkat.server.api.stanza.MessageSubscriptions;
import io.meerkat.server.api.stanza.StanzaApi;
import io.meerkat.server.api.stanza.StanzaCategory;
import io.meerkat.server.api.stat.StatCategory;
import io.meerkat.server.api.vcard.VcardCategory;
import java.util.List;

/** Every GraphQL category Meerkat has: the one place that lists them. */
public final class ApiCatalog {

  private ApiCatalog() {}

  /** The categories of this server, built on the node's services. */
  public static List<GraphqlCategory> standard(ApiServices services) {
    AccountApi accounts = new AccountApi(services);
    return List.of(
        new AccountCategory(accounts),
        new SessionCategory(new SessionApi(services, accounts)),
        new StanzaCategory(
            new StanzaApi(services, accounts), new MessageSubscriptions(services, accounts)),
        new StatCategory(services),
        new RosterCategory(services, accounts),
        new OfflineCategory(services),
        new VcardCategory(services, accounts),
        new PrivateCategory(services, accounts),
        new LastCategory(services, accounts),
        new ServerCategory(services),
        new CetsCategory(services),
        new DomainCategory(services));
  }
}
