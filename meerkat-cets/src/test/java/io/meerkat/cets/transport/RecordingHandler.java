package io.meerkat.cets.transport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Records received messages as {@code "sender-name:channel:text"} strings. */
public final class RecordingHandler {

  private final List<String> received = new ArrayList<>();

  public MessageHandler on(Channel channel) {
    return (from, payload) -> record(from.name() + ":" + channel + ":" + text(payload));
  }

  private synchronized void record(String message) {
    received.add(message);
  }

  public synchronized List<String> received() {
    return List.copyOf(received);
  }

  public synchronized int count() {
    return received.size();
  }

  public static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  public static String text(byte[] payload) {
    return new String(payload, StandardCharsets.UTF_8);
  }
}
