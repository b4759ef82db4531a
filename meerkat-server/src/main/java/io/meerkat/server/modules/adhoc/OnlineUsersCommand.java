package io.meerkat.server.modules.adhoc;

import io.meerkat.server.acl.AccessRules;
import io.meerkat.server.modules.forms.DataForm;
import io.meerkat.server.sm.SessionEntry;
import io.meerkat.server.sm.SessionManager;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import java.util.List;

/** XEP-0133 §4.15 Get Number of Online Users: distinct users of the domain with a session. */
final class OnlineUsersCommand extends AdminCommand {

  private final SessionManager sessions;

  OnlineUsersCommand(AccessRules access, SessionManager sessions) {
    super(access);
    this.sessions = sessions;
  }

  @Override
  String action() {
    return "get-online-users-num";
  }

  @Override
  public String name() {
    return "Get Number of Online Users";
  }

  @Override
  public CommandStep start(Jid requester, Jid server) {
    long online =
        sessions.table().listDomain(server.domain()).stream()
            .map(SessionEntry::jid)
            .map(Jid::toBare)
            .distinct()
            .count();
    DataForm result =
        new DataForm(
            "result",
            null,
            null,
            List.of(
                DataForm.Field.hidden(DataForm.FORM_TYPE, Namespaces.ADMIN),
                DataForm.Field.result(
                    "onlineusersnum",
                    "text-single",
                    "The number of online users",
                    List.of(Long.toString(online)))));
    return new CommandStep.Completed(null, result);
  }
}
