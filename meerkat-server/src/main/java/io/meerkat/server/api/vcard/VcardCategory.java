package io.meerkat.server.api.vcard;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.meerkat.server.api.ApiException;
import io.meerkat.server.api.ApiServices;
import io.meerkat.server.api.Caller;
import io.meerkat.server.api.Endpoint;
import io.meerkat.server.api.GraphqlCategory;
import io.meerkat.server.api.account.AccountApi;
import io.meerkat.server.modules.vcard.VcardApi;
import io.meerkat.server.modules.vcard.VcardModule;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import java.util.List;
import java.util.Map;

/**
 * {@code vcard}: vCards as the structured {@code Vcard}/{@code VcardInput} types, stored as the
 * {@code vcard-temp} element XMPP clients read ({@link VcardWriter}, {@link VcardReader}). An
 * administrator reads and sets anyone's; a user sets their own and reads anyone's (vCards are
 * public over XMPP too). Errors: {@code user_does_not_exist}, {@code unknown_domain}, {@code
 * vcard_not_found}, {@code bad_request} (an input {@link VcardWriter} refuses, or over {@code
 * max_size}).
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
    return List.of(
        "graphql/vcard.graphqls", "graphql/" + endpoint.configName() + "/vcard.graphqls");
  }

  @Override
  public void wire(Endpoint endpoint, RuntimeWiring.Builder wiring) {
    String prefix = endpoint == Endpoint.ADMIN ? "Admin" : "User";
    for (String union : List.of("Image", "Sound", "Agent")) {
      wiring.type(
          union,
          t ->
              t.typeResolver(
                  env ->
                      env.getSchema()
                          .getObjectType(
                              (String)
                                  env.<Map<String, Object>>getObject()
                                      .get(VcardReader.TYPE_NAME))));
    }
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

  private Map<String, Object> get(Jid user) {
    Jid owner = accounts.requireUser(user);
    return api()
        .getVcard(owner)
        .map(VcardReader::read)
        .orElseThrow(() -> new ApiException("vcard_not_found", "User " + owner + " has no vCard"));
  }

  private Map<String, Object> set(Jid user, Map<String, Object> input) {
    Jid owner = accounts.requireUser(user);
    XmlElement vcard = VcardWriter.write(input);
    VcardApi api = api();
    return switch (api.setVcard(owner, vcard)) {
      case STORED -> VcardReader.read(vcard);
      case NOT_A_VCARD -> throw new IllegalStateException("the vCard writer made " + vcard.name());
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
