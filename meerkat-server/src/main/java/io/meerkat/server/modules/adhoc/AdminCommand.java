package io.meerkat.server.modules.adhoc;

import io.meerkat.server.acl.AccessRules;
import io.meerkat.server.modules.forms.DataForm;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import io.meerkat.xmpp.StanzaError;
import io.meerkat.xmpp.StanzaError.Condition;
import java.util.ArrayList;
import java.util.List;

/**
 * What the XEP-0133 commands share: only members of the ACL class {@code admin} may run them, they
 * act on accounts of the domain they are sent to, and their forms carry the admin {@code
 * FORM_TYPE}.
 */
abstract class AdminCommand implements AdhocCommand {

  static final String ADMIN_ACL = "admin";

  private final AccessRules access;

  AdminCommand(AccessRules access) {
    this.access = access;
  }

  /** The command name after {@code http://jabber.org/protocol/admin#}. */
  abstract String action();

  @Override
  public final String node() {
    return Namespaces.ADMIN + "#" + action();
  }

  @Override
  public final boolean allowed(Jid requester, Jid server) {
    return access.inClass(ADMIN_ACL, requester);
  }

  static DataForm form(String title, List<DataForm.Field> fields) {
    List<DataForm.Field> all = new ArrayList<>();
    all.add(DataForm.Field.hidden(DataForm.FORM_TYPE, Namespaces.ADMIN));
    all.addAll(fields);
    return new DataForm("form", title, null, all);
  }

  /** A bare account JID of the command's domain, or (jid {@code null}) the failure to report. */
  record Account(Jid jid, CommandStep failure) {}

  static Account account(String value, Jid server) {
    Jid jid = value == null ? null : Jid.parseOrNull(value.strip());
    if (jid == null || !jid.hasLocalpart() || jid.hasResource()) {
      return new Account(null, failed(Condition.BAD_REQUEST, "Not a bare account JID: " + value));
    }
    if (!jid.domain().equals(server.domain())) {
      return new Account(
          null,
          failed(Condition.NOT_ALLOWED, "Accounts of " + jid.domain() + " are not managed here"));
    }
    return new Account(jid, null);
  }

  static CommandStep failed(Condition condition, String text) {
    return new CommandStep.Failed(StanzaError.of(condition, text));
  }
}
