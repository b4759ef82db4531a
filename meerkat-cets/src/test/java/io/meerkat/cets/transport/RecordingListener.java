package io.meerkat.cets.transport;

import java.util.ArrayList;
import java.util.List;

/** Records listener events as strings ({@code "up name#inc"}, {@code "down name#inc reason"}). */
public final class RecordingListener implements TransportListener {

  private final List<String> events = new ArrayList<>();

  @Override
  public synchronized void nodeUp(NodeId node) {
    events.add("up " + node);
  }

  @Override
  public synchronized void nodeDown(NodeId node, String reason) {
    events.add("down " + node + " " + reason);
  }

  public synchronized List<String> events() {
    return List.copyOf(events);
  }

  /** The events about {@code node}, without reasons: {@code "up"} or {@code "down"}. */
  public synchronized List<String> kinds(NodeId node) {
    List<String> kinds = new ArrayList<>();
    for (String event : events) {
      String[] parts = event.split(" ", 3);
      if (parts[1].equals(node.toString())) {
        kinds.add(parts[0]);
      }
    }
    return kinds;
  }

  /** The reason of the last down event for {@code node}, or null. */
  public synchronized String lastDownReason(NodeId node) {
    String reason = null;
    for (String event : events) {
      String[] parts = event.split(" ", 3);
      if (parts[0].equals("down") && parts[1].equals(node.toString())) {
        reason = parts[2];
      }
    }
    return reason;
  }
}
