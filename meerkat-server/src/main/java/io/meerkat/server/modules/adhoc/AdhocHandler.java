package io.meerkat.server.modules.adhoc;

import io.meerkat.server.modules.forms.DataForm;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.IqType;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import io.meerkat.xmpp.Stanza;
import io.meerkat.xmpp.StanzaError;
import io.meerkat.xmpp.StanzaError.Condition;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs XEP-0050 command requests: {@code execute} starts a command, {@code next}/{@code complete}
 * (or {@code execute} within a session) submit its form, {@code cancel} ends the session. Errors
 * carry the specific conditions of XEP-0050 §4.6.
 */
final class AdhocHandler {

  private static final Set<String> ACTIONS =
      Set.of("execute", "next", "prev", "complete", "cancel");

  private final Map<String, AdhocCommand> commands;
  private final CommandSessions sessions;

  AdhocHandler(Map<String, AdhocCommand> commands, CommandSessions sessions) {
    this.commands = Map.copyOf(commands);
    this.sessions = sessions;
  }

  XmlElement handle(Jid from, Jid to, XmlElement iq) {
    XmlElement request = iq.firstElement();
    if (!request.is("command", Namespaces.ADHOC) || IqType.parse(Stanza.type(iq)) != IqType.SET) {
      return error(iq, StanzaError.of(Condition.BAD_REQUEST, "Commands are run with IQ set"));
    }
    Jid server = Jid.ofDomain(to.domain());
    String node = request.attribute("node");
    AdhocCommand command = node == null ? null : commands.get(node);
    if (command == null) {
      return error(iq, StanzaError.of(Condition.ITEM_NOT_FOUND, "No such command"));
    }
    if (!command.allowed(from, server)) {
      return error(iq, StanzaError.of(Condition.FORBIDDEN, "This command is for administrators"));
    }
    String action = Optional.ofNullable(request.attribute("action")).orElse("execute");
    if (!ACTIONS.contains(action)) {
      return error(iq, specific(Condition.BAD_REQUEST, "malformed-action", "Unknown action"));
    }
    String sessionId = request.attribute("sessionid");
    if (sessionId == null) {
      if (!action.equals("execute")) {
        return error(
            iq, specific(Condition.BAD_REQUEST, "bad-sessionid", "No session to " + action));
      }
      return start(iq, command, from, server);
    }
    if (sessions.find(sessionId, from, node).isEmpty()) {
      return error(
          iq, specific(Condition.BAD_REQUEST, "bad-sessionid", "Unknown or expired session"));
    }
    return switch (action) {
      case "cancel" -> {
        sessions.close(sessionId);
        yield reply(iq, node, sessionId, "canceled", null);
      }
      case "prev" ->
          error(iq, specific(Condition.BAD_REQUEST, "bad-action", "This command has one stage"));
      default -> submit(iq, request, command, from, server, sessionId);
    };
  }

  private XmlElement start(XmlElement iq, AdhocCommand command, Jid from, Jid server) {
    CommandStep step = command.start(from, server);
    if (step instanceof CommandStep.Form form) {
      Optional<CommandSessions.Session> session = sessions.open(from, command.node());
      if (session.isEmpty()) {
        return error(
            iq, StanzaError.of(Condition.RESOURCE_CONSTRAINT, "Too many open command sessions"));
      }
      XmlElement.Builder actions =
          XmlElement.builder("actions", Namespaces.ADHOC).attribute("execute", "complete");
      actions.child(XmlElement.empty("complete", Namespaces.ADHOC));
      return reply(
          iq,
          command.node(),
          session.get().id(),
          "executing",
          new XmlElement[] {actions.build(), form.form().toElement()});
    }
    return finish(iq, command.node(), CommandSessions.newId(), step);
  }

  private XmlElement submit(
      XmlElement iq,
      XmlElement request,
      AdhocCommand command,
      Jid from,
      Jid server,
      String sessionId) {
    XmlElement x = request.child("x", Namespaces.DATA_FORMS);
    DataForm form = x == null ? null : DataForm.parse(x);
    if (form == null || !form.type().equals("submit")) {
      return error(iq, specific(Condition.BAD_REQUEST, "bad-payload", "Submit the command's form"));
    }
    CommandStep step = command.submit(from, server, form);
    if (!(step instanceof CommandStep.Failed)) {
      sessions.close(sessionId);
    }
    return finish(iq, command.node(), sessionId, step);
  }

  private XmlElement finish(XmlElement iq, String node, String sessionId, CommandStep step) {
    return switch (step) {
      case CommandStep.Failed f -> error(iq, f.error());
      case CommandStep.Completed c -> {
        XmlElement note =
            c.note() == null
                ? null
                : XmlElement.builder("note", Namespaces.ADHOC)
                    .attribute("type", "info")
                    .text(c.note())
                    .build();
        XmlElement result = c.result() == null ? null : c.result().toElement();
        yield reply(iq, node, sessionId, "completed", new XmlElement[] {note, result});
      }
      case CommandStep.Form f ->
          error(iq, StanzaError.of(Condition.INTERNAL_SERVER_ERROR, "Unexpected second form"));
    };
  }

  private static XmlElement reply(
      XmlElement iq, String node, String sessionId, String status, XmlElement[] children) {
    XmlElement.Builder command =
        XmlElement.builder("command", Namespaces.ADHOC)
            .attribute("node", node)
            .attribute("sessionid", sessionId)
            .attribute("status", status);
    if (children != null) {
      for (XmlElement child : children) {
        if (child != null) {
          command.child(child);
        }
      }
    }
    return Stanza.iqResult(iq, command.build());
  }

  private static StanzaError specific(Condition condition, String name, String text) {
    return StanzaError.of(condition, text)
        .withAppCondition(XmlElement.empty(name, Namespaces.ADHOC));
  }

  private static XmlElement error(XmlElement iq, StanzaError error) {
    return Stanza.errorReply(iq, error);
  }
}
