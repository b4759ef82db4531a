package io.meerkat.server.modules.adhoc;

import io.meerkat.server.config.ModuleOptions;
import io.meerkat.server.config.spec.ConfigSpec;
import io.meerkat.server.module.EnabledModules;
import io.meerkat.server.module.FeatureModule;
import io.meerkat.server.module.ModuleContext;
import io.meerkat.server.module.ModuleFactory;
import io.meerkat.server.module.ModuleInfo;
import io.meerkat.server.module.Protocol;
import io.meerkat.server.modules.disco.DiscoInfo;
import io.meerkat.server.modules.disco.DiscoItem;
import io.meerkat.server.modules.disco.DiscoNodeProvider;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code mod_adhoc}: XEP-0050 ad-hoc commands of the server: {@code ping} for everyone and the
 * XEP-0133 account commands for members of the ACL class {@code admin}. Commands are listed under
 * the disco node {@code http://jabber.org/protocol/commands}, each requester seeing those it may
 * run.
 */
public final class AdhocModule implements FeatureModule, DiscoNodeProvider {

  static final String NAME = "mod_adhoc";

  static final ModuleInfo INFO =
      new ModuleInfo(
          NAME,
          "Ad-hoc commands: ping, and account administration for the ACL class \"admin\".",
          List.of(
              Protocol.xep(50, "Ad-Hoc Commands", "1.3.0"),
              Protocol.xep(4, "Data Forms", "2.13.1"),
              Protocol.xep(133, "Service Administration", "1.3.1")
                  .withNotes("add-user, delete-user, change-user-password, get-online-users-num")),
          List.of(Namespaces.ADHOC),
          ConfigSpec.EMPTY);

  public static final ModuleFactory FACTORY =
      new ModuleFactory() {
        @Override
        public ModuleInfo info() {
          return INFO;
        }

        @Override
        public FeatureModule create(
            ModuleContext context, ModuleOptions options, EnabledModules enabled) {
          return new AdhocModule(context);
        }
      };

  private final ModuleContext context;
  private final Map<String, AdhocCommand> commands = new LinkedHashMap<>();
  private final AdhocHandler handler;

  AdhocModule(ModuleContext context) {
    this.context = context;
    List<AdhocCommand> all =
        List.of(
            new PingCommand(),
            new AddUserCommand(context.access(), context.users(), context.hooks()),
            new DeleteUserCommand(
                context.access(), context.users(), context.hooks(), context.sessions()),
            new ChangePasswordCommand(context.access(), context.users()),
            new OnlineUsersCommand(context.access(), context.sessions()));
    all.forEach(c -> commands.put(c.node(), c));
    this.handler = new AdhocHandler(commands, new CommandSessions(context.clock()));
  }

  @Override
  public ModuleInfo info() {
    return INFO;
  }

  @Override
  public void start() {
    context.iqHandlers().registerServer(Namespaces.ADHOC, handler::handle);
  }

  @Override
  public void stop() {
    context.iqHandlers().unregisterServer(Namespaces.ADHOC);
  }

  @Override
  public Optional<DiscoInfo> nodeInfo(Jid requester, Jid server, String node) {
    if (node.equals(Namespaces.ADHOC)) {
      return Optional.of(
          DiscoInfo.of(DiscoInfo.Identity.of("automation", "command-list", "Commands"), List.of()));
    }
    AdhocCommand command = commands.get(node);
    if (command == null || !command.allowed(requester, server)) {
      return Optional.empty();
    }
    return Optional.of(
        DiscoInfo.of(
            DiscoInfo.Identity.of("automation", "command-node", command.name()),
            List.of(Namespaces.ADHOC, Namespaces.DATA_FORMS)));
  }

  @Override
  public Optional<List<DiscoItem>> nodeItems(Jid requester, Jid server, String node) {
    if (node.equals(Namespaces.ADHOC)) {
      return Optional.of(
          commands.values().stream()
              .filter(c -> c.allowed(requester, server))
              .map(c -> new DiscoItem(server.toString(), c.node(), c.name()))
              .toList());
    }
    return commands.containsKey(node) && commands.get(node).allowed(requester, server)
        ? Optional.of(List.of())
        : Optional.empty();
  }
}
