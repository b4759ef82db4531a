package io.meerkat.cets;

import java.nio.charset.StandardCharsets;

/** A test record: a string key and a string value. */
public record Entry(String key, String value) {

  public static final Codec<Entry> CODEC =
      new Codec<>() {
        @Override
        public byte[] encode(Entry e) {
          return (e.key() + "\u0000" + e.value()).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Entry decode(byte[] bytes) {
          String s = new String(bytes, StandardCharsets.UTF_8);
          int split = s.indexOf('\u0000');
          return new Entry(s.substring(0, split), s.substring(split + 1));
        }
      };

  public static TableOptions.Builder<String, Entry> table(String name) {
    return TableOptions.builder(name, Entry::key, CODEC, Codec.utf8());
  }

  /** The conflict handler used by the tests: the greater value wins (symmetric). */
  public static Entry max(Entry a, Entry b) {
    return a.value().compareTo(b.value()) >= 0 ? a : b;
  }
}
