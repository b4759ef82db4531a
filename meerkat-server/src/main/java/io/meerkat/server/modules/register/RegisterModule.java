package io.meerkat.server.modules.register;

import io.meerkat.server.config.ModuleOptions;
import io.meerkat.server.config.spec.ConfigSpec;
import io.meerkat.server.config.spec.ConfigValues;
import io.meerkat.server.config.spec.OptionType;
import io.meerkat.server.module.EnabledModules;
import io.meerkat.server.module.FeatureModule;
import io.meerkat.server.module.ModuleContext;
import io.meerkat.server.module.ModuleFactory;
import io.meerkat.server.module.ModuleInfo;
import io.meerkat.server.module.PreAuthExtensions;
import io.meerkat.server.module.Protocol;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Namespaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code mod_register}: XEP-0077 in-band registration before authentication, password change and
 * account removal after it. By default only clients on loopback addresses may register.
 */
public final class RegisterModule implements FeatureModule {

  static final ConfigSpec IP_RULE =
      ConfigSpec.builder()
          .option(
              new io.meerkat.server.config.spec.Option(
                  "address",
                  new OptionType.Text(Set.of(), false, IpAccess::check),
                  null,
                  true,
                  "Address or range such as 127.0.0.0/8."))
          .oneOf("policy", "allow", Set.of("allow", "deny"), "Whether the range may register.")
          .build();

  static final ConfigSpec SPEC =
      ConfigSpec.builder()
          .list(
              "ip_access",
              new OptionType.Section(IP_RULE),
              List.of(
                  rule("127.0.0.0/8", "allow"),
                  rule("::1", "allow"),
                  rule("0.0.0.0/0", "deny"),
                  rule("::/0", "deny")),
              "Who may register by client address; first match wins, default loopback only.")
          .string("access", "register", "Access rule deciding which JIDs may be registered.")
          .integer("password_strength", 0, 0, 1024, "Minimum password entropy in bits (0: off).")
          .section(
              "welcome_message",
              ConfigSpec.builder()
                  .string("subject", "", "Subject of the message sent to new users.")
                  .string("body", "", "Body; no message is sent when empty.")
                  .build(),
              "Message sent to each new user.")
          .list(
              "registration_watchers",
              ConfigSpec.text(Set.of(), false),
              List.of(),
              "JIDs told about each registration.")
          .build();

  static final ModuleInfo INFO =
      new ModuleInfo(
          "mod_register",
          "In-band registration, password change and account removal.",
          List.of(Protocol.xep(77, "In-Band Registration", "2.4")),
          List.of(Namespaces.REGISTER),
          SPEC);

  public static final ModuleFactory FACTORY =
      new ModuleFactory() {
        @Override
        public ModuleInfo info() {
          return INFO;
        }

        @Override
        public FeatureModule create(
            ModuleContext context, ModuleOptions options, EnabledModules enabled) {
          return new RegisterModule(context, options);
        }
      };

  private final ModuleContext context;
  private final Registration registration;
  private final PreAuthExtensions.PreAuthIqHandler preAuthHandler;
  private final PreAuthExtensions.PreAuthFeature feature;

  RegisterModule(ModuleContext context, ModuleOptions options) {
    this.context = context;
    this.registration = new Registration(context, options, ipAccess(options));
    this.preAuthHandler =
        new PreAuthExtensions.PreAuthIqHandler() {
          @Override
          public boolean handles(XmlElement iq) {
            XmlElement payload = iq.firstElement();
            return payload != null && payload.is("query", Namespaces.REGISTER);
          }

          @Override
          public XmlElement handle(XmlElement iq, String domain, java.net.InetAddress client) {
            return registration.beforeAuth(iq, domain, client);
          }
        };
    this.feature =
        (domain, client, tls) ->
            registration.mayRegisterFrom(client)
                ? XmlElement.empty("register", Namespaces.REGISTER_FEATURE)
                : null;
  }

  private static ConfigValues rule(String address, String policy) {
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    values.put("address", address);
    values.put("policy", policy);
    return new ConfigValues(values);
  }

  @SuppressWarnings("unchecked")
  private static IpAccess ipAccess(ModuleOptions options) {
    List<IpAccess.Rule> rules = new ArrayList<>();
    for (ConfigValues v : (List<ConfigValues>) options.get("ip_access", List.class)) {
      rules.add(IpAccess.parse(v.string("address"), v.string("policy").equals("allow")));
    }
    return new IpAccess(rules);
  }

  @Override
  public ModuleInfo info() {
    return INFO;
  }

  @Override
  public void start() {
    context.preAuth().addIqHandler(preAuthHandler);
    context.preAuth().addFeature(feature);
    context.iqHandlers().registerServer(Namespaces.REGISTER, registration::afterAuth);
  }

  @Override
  public void stop() {
    context.preAuth().removeIqHandler(preAuthHandler);
    context.preAuth().removeFeature(feature);
    context.iqHandlers().unregisterServer(Namespaces.REGISTER);
  }
}
