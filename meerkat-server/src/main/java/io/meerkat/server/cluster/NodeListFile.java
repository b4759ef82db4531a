package io.meerkat.server.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Edits the node-list file of the file discovery backend ({@code <node-name> <host>:<port>} per
 * line). Comments and other lines are kept; a change is written to a temporary file that replaces
 * the list in one rename, so discovery never reads a half-written list.
 */
final class NodeListFile {

  private final Path file;

  NodeListFile(Path file) {
    this.file = file;
  }

  /** Adds or replaces the line of {@code node}; returns false when it was already listed so. */
  synchronized boolean put(String node, String hostPort) throws IOException {
    String line = node + " " + hostPort;
    List<String> lines = new ArrayList<>();
    boolean present = false;
    for (String existing : read()) {
      if (node.equals(nameOf(existing))) {
        present |= existing.strip().equals(line);
        continue;
      }
      lines.add(existing);
    }
    if (present) {
      return false;
    }
    lines.add(line);
    write(lines);
    return true;
  }

  /** Removes the line of {@code node}; returns false when it was not listed. */
  synchronized boolean remove(String node) throws IOException {
    List<String> lines = read();
    List<String> kept = lines.stream().filter(l -> !node.equals(nameOf(l))).toList();
    if (kept.size() == lines.size()) {
      return false;
    }
    write(kept);
    return true;
  }

  private List<String> read() throws IOException {
    return Files.exists(file)
        ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))
        : new ArrayList<>();
  }

  private void write(List<String> lines) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(parent, ".node-list", ".tmp");
    Files.write(temp, lines, StandardCharsets.UTF_8);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The node name of a line, or null for blank and comment lines. */
  private static String nameOf(String line) {
    int hash = line.indexOf('#');
    String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
    return content.isEmpty() ? null : content.split("\\s+")[0];
  }
}
