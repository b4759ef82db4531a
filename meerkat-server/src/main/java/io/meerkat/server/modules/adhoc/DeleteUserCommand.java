package io.meerkat.server.modules.adhoc;

import io.meerkat.server.acl.AccessRules;
import io.meerkat.server.auth.UserStore;
import io.meerkat.server.hooks.Hooks;
import io.meerkat.server.modules.forms.DataForm;
import io.meerkat.server.sm.SessionManager;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.StanzaError.Condition;
import io.meerkat.xmpp.StreamError;
import java.util.ArrayList;
import java.util.List;

/**
 * XEP-0133 §4.2 Delete User. Every JID is checked before anything is deleted; accounts that do not
 * exist are named in the completion note. An administrator cannot delete their own account here
 * (their session would close before the answer arrives); in-band unregistration does that.
 */
final class DeleteUserCommand extends AdminCommand {

  private final UserStore users;
  private final Hooks hooks;
  private final SessionManager sessions;

  DeleteUserCommand(AccessRules access, UserStore users, Hooks hooks, SessionManager sessions) {
    super(access);
    this.users = users;
    this.hooks = hooks;
    this.sessions = sessions;
  }

  @Override
  String action() {
    return "delete-user";
  }

  @Override
  public String name() {
    return "Delete User";
  }

  @Override
  public CommandStep start(Jid requester, Jid server) {
    return new CommandStep.Form(
        form(
            "Deleting a User",
            List.of(
                DataForm.Field.of(
                    "accountjids", "jid-multi", "The Jabber ID(s) to delete", true))));
  }

  @Override
  public CommandStep submit(Jid requester, Jid server, DataForm form) {
    List<Jid> targets = new ArrayList<>();
    for (String value : form.values("accountjids")) {
      Account account = account(value, server);
      if (account.failure() != null) {
        return account.failure();
      }
      if (account.jid().equals(requester.toBare())) {
        return failed(
            Condition.NOT_ALLOWED,
            "Remove your own account with in-band unregistration (XEP-0077)");
      }
      targets.add(account.jid());
    }
    if (targets.isEmpty()) {
      return failed(Condition.BAD_REQUEST, "Name at least one account");
    }
    List<String> deleted = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Jid user : targets) {
      if (!users.exists(user)) {
        missing.add(user.toString());
        continue;
      }
      hooks.userRemoved.run(null, user);
      users.remove(user);
      sessions.kick(user, StreamError.of(StreamError.Condition.NOT_AUTHORIZED, "Account removed"));
      deleted.add(user.toString());
    }
    String note = "Deleted: " + (deleted.isEmpty() ? "none" : String.join(", ", deleted));
    if (!missing.isEmpty()) {
      note += ". No such account: " + String.join(", ", missing);
    }
    return new CommandStep.Completed(note, null);
  }
}
