package io.meerkat.server.module;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the list of supported standards ({@code docs/protocols.md}) from what the core and each
 * module declare, so the page names exactly what the code claims. A standard declared by several
 * providers appears once, naming all of them.
 */
public final class ProtocolDocs {
  private ProtocolDocs() {}

  /** What the server implements without any module. */
  public static final List<Protocol> CORE =
      List.of(
          Protocol.rfc(6120, "XMPP: Core")
              .withNotes("client connections; no server-to-server federation yet"),
          Protocol.rfc(6121, "XMPP: Instant Messaging and Presence")
              .withNotes("message and presence delivery rules (§8)"),
          Protocol.rfc(7622, "XMPP: Address Format"),
          Protocol.rfc(7590, "Use of TLS in XMPP"),
          Protocol.rfc(4616, "The PLAIN SASL Mechanism"),
          Protocol.rfc(5802, "SCRAM SASL and GSS-API Mechanisms"),
          Protocol.rfc(7677, "SCRAM-SHA-256 and SCRAM-SHA-256-PLUS"),
          Protocol.rfc(5929, "Channel Bindings for TLS").withNotes("tls-server-end-point"),
          Protocol.rfc(9266, "Channel Bindings for TLS 1.3").withNotes("tls-exporter"),
          Protocol.xep(368, "SRV records for XMPP over TLS", "1.1.0")
              .withNotes("Direct TLS listeners"),
          Protocol.xep(440, "SASL Channel-Binding Type Capability", "1.0.0"));

  /** One standard with every provider and each provider's notes (provider, text). */
  private record Row(Protocol protocol, List<String> providers, List<String[]> notes) {

    String renderedNotes() {
      boolean several = providers.size() > 1;
      return String.join(
          "; ", notes.stream().map(n -> several ? n[0] + ": " + n[1] : n[1]).toList());
    }
  }

  /** The page for the core protocols and the given modules (all modules Meerkat has). */
  public static String render(List<ModuleInfo> modules) {
    Map<String, Row> rows = new LinkedHashMap<>();
    CORE.forEach(p -> add(rows, p, "core"));
    for (ModuleInfo m : modules) {
      m.protocols().forEach(p -> add(rows, p, "`" + m.name() + "`"));
    }
    List<Row> sorted = new ArrayList<>(rows.values());
    sorted.sort(
        Comparator.comparing((Row r) -> kind(r.protocol()))
            .thenComparing(r -> number(r.protocol())));
    StringBuilder out = new StringBuilder();
    out.append("# Supported standards\n\n")
        .append("<!-- Generated from the modules' declarations by ProtocolDocsTest; do not edit by")
        .append(" hand. -->\n\n")
        .append(
            "The RFCs and XEPs Meerkat implements, the version followed, and what provides each:")
        .append(" `core` is always on, a module only when enabled with `[modules.<name>]` (see")
        .append(" [configuration.md](configuration.md)). Notes say what is partial.\n\n")
        .append("| Standard | Title | Version | Provided by | Notes |\n|---|---|---|---|---|\n");
    for (Row r : sorted) {
      Protocol p = r.protocol();
      out.append("| ")
          .append(link(p))
          .append(" | ")
          .append(p.title())
          .append(" | ")
          .append(p.version())
          .append(" | ")
          .append(String.join(", ", r.providers()))
          .append(" | ")
          .append(r.renderedNotes())
          .append(" |\n");
    }
    return out.toString();
  }

  private static void add(Map<String, Row> rows, Protocol p, String provider) {
    Row row = rows.computeIfAbsent(p.id(), id -> new Row(p, new ArrayList<>(), new ArrayList<>()));
    row.providers().add(provider);
    if (!p.notes().isEmpty()) {
      row.notes().add(new String[] {provider, p.notes()});
    }
  }

  private static int kind(Protocol p) {
    return p.id().startsWith("RFC") ? 0 : 1;
  }

  private static int number(Protocol p) {
    return Integer.parseInt(p.id().replaceAll("[^0-9]", ""));
  }

  private static String link(Protocol p) {
    int n = number(p);
    String url =
        kind(p) == 0
            ? "https://www.rfc-editor.org/rfc/rfc" + n
            : String.format("https://xmpp.org/extensions/xep-%04d.html", n);
    return "[" + p.id() + "](" + url + ")";
  }
}
