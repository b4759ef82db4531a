package io.meerkat.server.modules.adhoc;

import io.meerkat.server.acl.AccessRules;
import io.meerkat.server.auth.UserStore;
import io.meerkat.server.modules.forms.DataForm;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.StanzaError.Condition;
import java.util.List;

/** XEP-0133 §4.7 Change User Password. */
final class ChangePasswordCommand extends AdminCommand {

  private final UserStore users;

  ChangePasswordCommand(AccessRules access, UserStore users) {
    super(access);
    this.users = users;
  }

  @Override
  String action() {
    return "change-user-password";
  }

  @Override
  public String name() {
    return "Change User Password";
  }

  @Override
  public CommandStep start(Jid requester, Jid server) {
    return new CommandStep.Form(
        form(
            "Changing a User Password",
            List.of(
                DataForm.Field.of(
                    "accountjid", "jid-single", "The Jabber ID for this account", true),
                DataForm.Field.of(
                    "password", "text-private", "The password for this account", true))));
  }

  @Override
  public CommandStep submit(Jid requester, Jid server, DataForm form) {
    Account account = account(form.value("accountjid").orElse(null), server);
    if (account.failure() != null) {
      return account.failure();
    }
    String password = form.value("password").orElse("");
    if (password.isEmpty()) {
      return failed(Condition.NOT_ACCEPTABLE, "The password must not be empty");
    }
    try {
      if (!users.changePassword(account.jid(), password)) {
        return failed(Condition.ITEM_NOT_FOUND, "No such account: " + account.jid());
      }
    } catch (IllegalArgumentException e) {
      return failed(Condition.NOT_ACCEPTABLE, "The password contains forbidden characters");
    }
    return new CommandStep.Completed("Password of " + account.jid() + " changed", null);
  }
}
