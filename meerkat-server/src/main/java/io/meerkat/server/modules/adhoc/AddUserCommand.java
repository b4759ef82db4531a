package io.meerkat.server.modules.adhoc;

import io.meerkat.server.acl.AccessRules;
import io.meerkat.server.auth.UserStore;
import io.meerkat.server.hooks.Hooks;
import io.meerkat.server.modules.forms.DataForm;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.StanzaError.Condition;
import java.util.List;

/** XEP-0133 §4.1 Add User. */
final class AddUserCommand extends AdminCommand {

  private final UserStore users;
  private final Hooks hooks;

  AddUserCommand(AccessRules access, UserStore users, Hooks hooks) {
    super(access);
    this.users = users;
    this.hooks = hooks;
  }

  @Override
  String action() {
    return "add-user";
  }

  @Override
  public String name() {
    return "Add User";
  }

  @Override
  public CommandStep start(Jid requester, Jid server) {
    return new CommandStep.Form(
        form(
            "Adding a User",
            List.of(
                DataForm.Field.of(
                    "accountjid", "jid-single", "The Jabber ID for the account to be added", true),
                DataForm.Field.of(
                    "password", "text-private", "The password for this account", true),
                DataForm.Field.of("password-verify", "text-private", "Retype password", true))));
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
    if (!password.equals(form.value("password-verify").orElse(null))) {
      return failed(Condition.NOT_ACCEPTABLE, "The passwords do not match");
    }
    boolean created;
    try {
      created = users.register(account.jid(), password);
    } catch (IllegalArgumentException e) {
      return failed(Condition.NOT_ACCEPTABLE, "The password contains forbidden characters");
    }
    if (!created) {
      return failed(Condition.CONFLICT, "The account " + account.jid() + " already exists");
    }
    hooks.userRegistered.run(null, account.jid());
    return new CommandStep.Completed("Account " + account.jid() + " created", null);
  }
}
