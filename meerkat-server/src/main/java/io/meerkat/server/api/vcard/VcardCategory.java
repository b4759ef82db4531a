package io.meerkat.server.api.vcard;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.meerkat.server.api.ApiException;
import io.meerkat.server.api.ApiServices;
import io.meerkat.server.api.Caller;
import io.meerkat.server.api.Endpoint;
import io.meerkat.server.api.GraphqlCategory;
import io.meerkat.server.api.StanzaText;
import io.meerkat.server.api.account.AccountApi;
import io.meerkat.server.modules.vcard.VcardApi;
import io.meerkat.server.modules.vcard.VcardModule;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import java.util.List;

/**
 * {@code vcard}: vCards as {@code vcard-temp} XML. An administrator reads and sets anyone's; a user
 * sets their own and reads anyone's (vCards are public over XMPP too). Errors: {@code
 * user_does_not_exist}, {@code unknown_domain}, {@code vcard_not_found}, {@code bad_request} (not
 * one {@code <vCard xmlns='vcard-temp'/>} element, or over {@code max_size}).
 */
public final class VcardCategory implements GraphqlCategory {

  private final ApiServices services;
  private final AccountApi accounts;

  public VcardCategory(ApiServices services, AccountApi accounts) {
    this.services = services;
    this.accounts = accounts;
  }

  @Override
  public List<String> schemaFiles(Endpoint endpoint) {
    return List.of("graphql/" + endpoint.configName() + "/vcard.graphqls");
  }

  @Override
  public void wire(Endpoint endpoint, RuntimeWiring.Builder wiring) {
    String prefix = endpoint == Endpoint.ADMIN ? "Admin" : "User";
    wiring.type(prefix + "Query", t -> t.dataFetcher("vcard", env -> CATEGORY));
    wiring.type(prefix + "Mutation", t -> t.dataFetcher("vcard", env -> CATEGORY));
    wiring.type(
        "Vcard" + prefix + "Query", t -> t.dataFetcher("getVcard", env -> get(reader(env))));
    wiring.type(
        "Vcard" + prefix + "Mutation",
        t ->
            t.dataFetcher(
                "setVcard",
                env ->
                    set(
                        endpoint == Endpoint.ADMIN ? env.getArgument("user") : Caller.user(env),
                        env.getArgument("vcard"))));
  }

  /** Whose vCard: the {@code user} argument, or on the user endpoint the caller by default. */
  private static Jid reader(DataFetchingEnvironment env) {
    Jid user = env.getArgument("user");
    return user != null ? user : Caller.user(env);
  }

  private String get(Jid user) {
    Jid owner = accounts.requireUser(user);
    return api()
        .getVcard(owner)
        .map(XmlElement::toString)
        .orElseThrow(() -> new ApiException("vcard_not_found", "User " + owner + " has no vCard"));
  }

  private String set(Jid user, String text) {
    Jid owner = accounts.requireUser(user);
    XmlElement vcard;
    try {
      vcard = StanzaText.element(text);
    } catch (IllegalArgumentException e) {
      throw new ApiException("bad_request", e.getMessage());
    }
    VcardApi api = api();
    return switch (api.setVcard(owner, vcard)) {
      case STORED -> vcard.toString();
      case NOT_A_VCARD ->
          throw new ApiException("bad_request", "Expected a <vCard xmlns='vcard-temp'/> element");
      case TOO_LARGE ->
          throw new ApiException(
              "bad_request", "The vCard is larger than " + api.maxSize() + " bytes");
      case UNKNOWN_USER ->
          throw new ApiException("user_does_not_exist", "User " + owner + " does not exist");
    };
  }

  private VcardApi api() {
    return services.module(VcardModule.class, "mod_vcard").api();
  }
}
