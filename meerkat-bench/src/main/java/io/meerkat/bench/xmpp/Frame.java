package io.meerkat.bench.xmpp;

import java.nio.charset.StandardCharsets;

/**
 * A view of one element's bytes as the server sent them, with the byte-level look-ups the load
 * generator needs. Reused by the scanner: never keep a reference after the callback returns.
 */
public final class Frame {

  private byte[] buf;
  private int start;
  private int end;

  void set(byte[] bytes, int from, int to) {
    this.buf = bytes;
    this.start = from;
    this.end = to;
  }

  /** Builds a frame over a whole array (tests, micro-benchmarks). */
  public static Frame of(byte[] bytes) {
    Frame f = new Frame();
    f.set(bytes, 0, bytes.length);
    return f;
  }

  public int length() {
    return end - start;
  }

  /** Whether the element's qualified name is {@code name} (e.g. {@code "message"}). */
  public boolean is(String name) {
    int n = name.length();
    if (end - start < n + 2) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (buf[start + 1 + i] != name.charAt(i)) {
        return false;
      }
    }
    byte after = buf[start + 1 + n];
    return after == ' ' || after == '>' || after == '/' || after == '\t' || after == '\n';
  }

  /** Index of {@code needle} in the element, or -1. */
  public int indexOf(byte[] needle, int from) {
    int last = end - needle.length;
    outer:
    for (int i = Math.max(from, start); i <= last; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (buf[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  public boolean contains(byte[] needle) {
    return indexOf(needle, start) >= 0;
  }

  /** Value of attribute {@code name} of the element's own start tag, or null. */
  public String attribute(String name) {
    int tagEnd = indexOf(new byte[] {'>'}, start);
    byte[] key = (" " + name + "=").getBytes(StandardCharsets.US_ASCII);
    int at = indexOf(key, start);
    if (at < 0 || (tagEnd >= 0 && at > tagEnd)) {
      return null;
    }
    int q = at + key.length;
    byte quote = buf[q];
    int close = q + 1;
    while (close < end && buf[close] != quote) {
      close++;
    }
    return new String(buf, q + 1, close - q - 1, StandardCharsets.UTF_8);
  }

  /** Text between {@code open} and the next {@code <}, or null (no unescaping). */
  public String textAfter(byte[] open) {
    int at = indexOf(open, start);
    if (at < 0) {
      return null;
    }
    int from = at + open.length;
    int to = from;
    while (to < end && buf[to] != '<') {
      to++;
    }
    return new String(buf, from, to - from, StandardCharsets.UTF_8);
  }

  /** Text of an element without children: between its first {@code >} and the next {@code <}. */
  public String content() {
    int from = start;
    while (from < end && buf[from] != '>') {
      from++;
    }
    if (from >= end - 1 || buf[from - 1] == '/') {
      return null;
    }
    int to = ++from;
    while (to < end && buf[to] != '<') {
      to++;
    }
    return new String(buf, from, to - from, StandardCharsets.UTF_8);
  }

  /**
   * Parses the decimal number that follows {@code marker}, or returns -1. Allocation-free: used on
   * every received message to read the send timestamp.
   */
  public long numberAfter(byte[] marker) {
    int at = indexOf(marker, start);
    if (at < 0) {
      return -1;
    }
    long value = 0;
    int i = at + marker.length;
    int digits = 0;
    while (i < end && buf[i] >= '0' && buf[i] <= '9') {
      value = value * 10 + (buf[i] - '0');
      i++;
      digits++;
    }
    return digits == 0 ? -1 : value;
  }

  @Override
  public String toString() {
    return new String(buf, start, end - start, StandardCharsets.UTF_8);
  }
}
