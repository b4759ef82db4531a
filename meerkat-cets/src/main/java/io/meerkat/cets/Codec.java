package io.meerkat.cets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Turns values into bytes for replication and back. {@code decode(encode(x))} must equal {@code x}:
 * replicas compare records with {@code equals} (bags, {@code deleteObject}, join merges).
 */
public interface Codec<T> {

  byte[] encode(T value);

  T decode(byte[] bytes);

  /** UTF-8 strings. */
  static Codec<String> utf8() {
    return new Codec<>() {
      @Override
      public byte[] encode(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
      }

      @Override
      public String decode(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
      }
    };
  }

  /** 64-bit integers, big-endian. */
  static Codec<Long> int64() {
    return new Codec<>() {
      @Override
      public byte[] encode(Long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
      }

      @Override
      public Long decode(byte[] bytes) {
        return ByteBuffer.wrap(bytes).getLong();
      }
    };
  }
}
