package io.meerkat.server.api.privatestorage;

import graphql.schema.idl.RuntimeWiring;
import io.meerkat.server.api.ApiException;
import io.meerkat.server.api.ApiServices;
import io.meerkat.server.api.Caller;
import io.meerkat.server.api.Endpoint;
import io.meerkat.server.api.GraphqlCategory;
import io.meerkat.server.api.StanzaText;
import io.meerkat.server.api.account.AccountApi;
import io.meerkat.server.modules.privatestorage.PrivateApi;
import io.meerkat.server.modules.privatestorage.PrivateModule;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code private}: XEP-0049 private XML storage; an administrator acts on anyone's, a user on their
 * own. Errors: {@code user_does_not_exist}, {@code unknown_domain}, {@code bad_request} (malformed
 * XML, or a namespace XEP-0049 reserves).
 */
public final class PrivateCategory implements GraphqlCategory {

  /** XML names without a prefix (the namespace comes separately). */
  private static final Pattern ELEMENT_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}._-]*");

  private final ApiServices services;
  private final AccountApi accounts;

  public PrivateCategory(ApiServices services, AccountApi accounts) {
    this.services = services;
    this.accounts = accounts;
  }

  @Override
  public List<String> schemaFiles(Endpoint endpoint) {
    return List.of("graphql/" + endpoint.configName() + "/private.graphqls");
  }

  @Override
  public void wire(Endpoint endpoint, RuntimeWiring.Builder wiring) {
    boolean admin = endpoint == Endpoint.ADMIN;
    String prefix = admin ? "Admin" : "User";
    wiring.type(prefix + "Query", t -> t.dataFetcher("private", env -> CATEGORY));
    wiring.type(prefix + "Mutation", t -> t.dataFetcher("private", env -> CATEGORY));
    wiring.type(
        "Private" + prefix + "Query",
        t ->
            t.dataFetcher(
                "getPrivate",
                env ->
                    get(
                        admin ? env.getArgument("user") : Caller.user(env),
                        env.getArgument("element"),
                        env.getArgument("nameSpace"))));
    wiring.type(
        "Private" + prefix + "Mutation",
        t ->
            t.dataFetcher(
                "setPrivate",
                env ->
                    set(
                        admin ? env.getArgument("user") : Caller.user(env),
                        env.getArgument("elementString"))));
  }

  private String get(Jid user, String name, String namespace) {
    Jid owner = accounts.requireUser(user);
    if (PrivateApi.reserved(namespace)) {
      throw new ApiException("bad_request", "The namespace " + namespace + " cannot be stored");
    }
    if (!ELEMENT_NAME.matcher(name).matches()) {
      throw new ApiException("bad_request", "Invalid element name: " + name);
    }
    return api().getPrivate(owner, XmlElement.empty(name, namespace)).stream()
        .map(XmlElement::toString)
        .collect(Collectors.joining());
  }

  private String set(Jid user, String text) {
    Jid owner = accounts.requireUser(user);
    XmlElement element;
    try {
      element = StanzaText.element(text);
    } catch (IllegalArgumentException e) {
      throw new ApiException("bad_request", e.getMessage());
    }
    if (PrivateApi.reserved(element.namespace())) {
      throw new ApiException(
          "bad_request",
          "The namespace " + element.namespace() + " cannot be stored; give the element its own");
    }
    api().setPrivate(owner, List.of(element));
    return "Private data stored";
  }

  private PrivateApi api() {
    return services.module(PrivateModule.class, "mod_private").api();
  }
}
