package io.meerkat.server.api.stanza;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import graphql.schema.idl.RuntimeWiring;
import io.meerkat.server.api.ApiException;
import io.meerkat.server.api.Caller;
import io.meerkat.server.api.Endpoint;
import io.meerkat.server.api.GraphqlCategory;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import java.util.List;
import java.util.Map;

/** {@code stanza}: sending messages and stanzas, and following a user's incoming messages. */
public final class StanzaCategory implements GraphqlCategory {

  private final StanzaApi api;
  private final MessageSubscriptions subscriptions;

  public StanzaCategory(StanzaApi api, MessageSubscriptions subscriptions) {
    this.api = api;
    this.subscriptions = subscriptions;
  }

  @Override
  public List<String> schemaFiles(Endpoint endpoint) {
    return List.of("graphql/" + endpoint.configName() + "/stanza.graphqls");
  }

  @Override
  public void wire(Endpoint endpoint, RuntimeWiring.Builder wiring) {
    boolean admin = endpoint == Endpoint.ADMIN;
    String prefix = admin ? "Admin" : "User";
    wiring.type(prefix + "Mutation", t -> t.dataFetcher("stanza", env -> CATEGORY));
    wiring.type(prefix + "Subscription", t -> t.dataFetcher("stanza", this::subscribe));
    wiring.type(
        "Stanza" + prefix + "Mutation",
        t ->
            t.dataFetcher("sendMessage", send(admin, "chat"))
                .dataFetcher("sendMessageHeadLine", send(admin, "headline"))
                .dataFetcher(
                    "sendStanza",
                    env -> {
                      XmlElement stanza = env.getArgument("stanza");
                      if (!admin) {
                        stanza = ownStanza(env, stanza);
                      }
                      return Map.of("id", api.sendStanza(stanza));
                    }));
  }

  private DataFetcher<Object> send(boolean admin, String type) {
    return env -> {
      Jid from = admin ? env.getArgument("from") : sender(env, env.getArgument("from"));
      String id =
          api.sendMessage(
              from,
              env.getArgument("to"),
              type,
              env.getArgument("subject"),
              env.getArgument("body"));
      return Map.of("id", id);
    };
  }

  /**
   * GraphQL subscriptions stream from a root field, but the commands sit one level down ({@code
   * subscription { stanza { subscribeForMessages(...) } } }): the category field opens the stream
   * named by its selection, and each event carries the value of that nested field.
   */
  private Object subscribe(DataFetchingEnvironment env) {
    List<SelectedField> fields = env.getSelectionSet().getImmediateFields();
    if (fields.size() != 1 || !fields.get(0).getName().equals("subscribeForMessages")) {
      throw new ApiException("bad_request", "Subscribe to exactly one stanza stream at a time");
    }
    Object caller = fields.get(0).getArguments().get("caller");
    Jid user =
        caller == null
            ? Caller.user(env)
            : caller instanceof Jid jid ? jid : Jid.parse(caller.toString());
    return subscriptions.subscribe(user);
  }

  /** The user endpoint's sender: the caller, or one of the caller's own JIDs. */
  private static Jid sender(DataFetchingEnvironment env, Jid requested) {
    Jid caller = Caller.user(env);
    if (requested == null) {
      return caller;
    }
    if (!requested.toBare().equals(caller)) {
      throw new ApiException(
          "no_permissions", "You are " + caller + " and cannot send as " + requested);
    }
    return requested;
  }

  private static XmlElement ownStanza(DataFetchingEnvironment env, XmlElement stanza) {
    String from = stanza.attribute("from");
    Jid sender = sender(env, from == null ? null : Jid.parseOrNull(from));
    if (from != null && Jid.parseOrNull(from) == null) {
      throw new ApiException("bad_request", "Invalid JID in 'from': " + from);
    }
    return stanza.withAttribute("from", sender.toString());
  }
}
