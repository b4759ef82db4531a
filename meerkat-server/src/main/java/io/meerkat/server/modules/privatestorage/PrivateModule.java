package io.meerkat.server.modules.privatestorage;

import io.meerkat.server.config.ModuleOptions;
import io.meerkat.server.config.spec.ConfigSpec;
import io.meerkat.server.module.EnabledModules;
import io.meerkat.server.module.FeatureModule;
import io.meerkat.server.module.ModuleContext;
import io.meerkat.server.module.ModuleFactory;
import io.meerkat.server.module.ModuleInfo;
import io.meerkat.server.module.Protocol;
import io.meerkat.server.modules.GuardedIq;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.IqType;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import io.meerkat.xmpp.Stanza;
import io.meerkat.xmpp.StanzaError;
import io.meerkat.xmpp.StanzaError.Condition;
import java.util.List;
import java.util.Set;

/**
 * {@code mod_private}: XEP-0049 private XML storage. Only the owner reads and writes; reserved
 * namespaces are refused with {@code not-acceptable}.
 */
public final class PrivateModule implements FeatureModule {

  static final String NAME = "mod_private";

  static final ConfigSpec SPEC =
      ConfigSpec.builder()
          .oneOf("backend", "rdbms", Set.of("rdbms"), "Where private XML is stored.")
          .build();

  static final ModuleInfo INFO =
      new ModuleInfo(
          NAME,
          "Private XML storage per account and namespace (legacy bookmarks, client settings).",
          List.of(Protocol.xep(49, "Private XML Storage", "1.2")),
          List.of(Namespaces.PRIVATE),
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
          return new PrivateModule(
              context, new PrivateApi(new RdbmsPrivateBackend(context.database().jdbc())));
        }
      };

  private final ModuleContext context;
  private final PrivateApi api;

  PrivateModule(ModuleContext context, PrivateApi api) {
    this.context = context;
    this.api = api;
  }

  /** The operations for the admin and user APIs. */
  public PrivateApi api() {
    return api;
  }

  @Override
  public ModuleInfo info() {
    return INFO;
  }

  XmlElement handle(Jid from, Jid to, XmlElement iq) {
    XmlElement query = iq.firstElement();
    if (!to.equals(from.toBare())) {
      return error(iq, Condition.FORBIDDEN, "Private storage belongs to its owner alone");
    }
    if (!query.is("query", Namespaces.PRIVATE)) {
      return error(iq, Condition.BAD_REQUEST, "Expected <query xmlns='jabber:iq:private'/>");
    }
    List<XmlElement> children = query.elements();
    boolean get = IqType.parse(Stanza.type(iq)) == IqType.GET;
    if (children.isEmpty()) {
      return get
          ? error(iq, Condition.BAD_REQUEST, "Name the element to retrieve")
          : error(iq, Condition.NOT_ACCEPTABLE, "Nothing to store");
    }
    if (get && children.size() > 1) {
      return error(iq, Condition.BAD_REQUEST, "Retrieve one namespace at a time");
    }
    for (XmlElement child : children) {
      if (PrivateApi.reserved(child.namespace())) {
        return error(iq, Condition.NOT_ACCEPTABLE, "Reserved namespace: " + child.namespace());
      }
    }
    if (get) {
      return Stanza.iqResult(
          iq,
          XmlElement.builder("query", Namespaces.PRIVATE)
              .children(api.getPrivate(to, children.get(0)))
              .build());
    }
    api.setPrivate(to, children);
    return Stanza.iqResult(iq, null);
  }

  private static XmlElement error(XmlElement iq, Condition condition, String text) {
    return Stanza.errorReply(iq, StanzaError.of(condition, text));
  }

  @Override
  public void start() {
    // Registered for bare JIDs: requests without 'to' reach it as the sender's own bare JID, and
    // requests to another user's JID reach it too so that they are refused with 'forbidden'.
    context.iqHandlers().registerUser(Namespaces.PRIVATE, GuardedIq.guard(NAME, this::handle));
    context
        .hooks()
        .userRemoved
        .observe(
            50,
            NAME,
            user -> {
              api.removeAll(user);
            });
  }

  @Override
  public void stop() {
    context.iqHandlers().unregisterUser(Namespaces.PRIVATE);
    context.hooks().userRemoved.removeAll(NAME);
  }
}
