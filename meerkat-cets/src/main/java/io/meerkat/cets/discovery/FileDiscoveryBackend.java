package io.meerkat.cets.discovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the node list from a file at every poll, so edits are seen at the next poll (no watcher).
 *
 * <p>Format, one node per line: {@code <node-name> <host>:<port>} (the host may be an IPv6 literal
 * in brackets). Text after {@code #} is a comment; blank lines are ignored; a line with a name only
 * lists a node whose address is unknown (it is reported unavailable, never connected). A missing or
 * unreadable file, or a malformed line (reported with its line number), fails the poll, which is
 * retried after the {@code after_error} interval.
 */
public final class FileDiscoveryBackend implements DiscoveryBackend {

  private final Path file;

  public FileDiscoveryBackend(Path file) {
    this.file = file;
  }

  @Override
  public List<DiscoveredNode> getNodes() throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<DiscoveredNode> nodes = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int hash = line.indexOf('#');
      String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (content.isEmpty()) {
        continue;
      }
      String[] parts = content.split("\\s+");
      if (parts.length > 2) {
        throw new IOException(file + ":" + (i + 1) + ": expected '<node-name> <host>:<port>'");
      }
      try {
        nodes.add(
            new DiscoveredNode(
                parts[0], parts.length == 2 ? DiscoveredNode.parseAddress(parts[1]) : null));
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return nodes;
  }
}
