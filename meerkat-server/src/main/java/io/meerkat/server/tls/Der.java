package io.meerkat.server.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** The few DER (X.690) encodings a self-signed certificate needs. */
final class Der {
  private Der() {}

  static byte[] sequence(byte[]... parts) {
    return tagged(0x30, concat(parts));
  }

  static byte[] set(byte[]... parts) {
    return tagged(0x31, concat(parts));
  }

  static byte[] integer(BigInteger value) {
    return tagged(0x02, value.toByteArray());
  }

  static byte[] oid(int... arcs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(arcs[0] * 40 + arcs[1]);
    for (int i = 2; i < arcs.length; i++) {
      writeBase128(out, arcs[i]);
    }
    return tagged(0x06, out.toByteArray());
  }

  static byte[] utf8(String s) {
    return tagged(0x0C, s.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] generalizedTime(String yyyymmddhhmmssZ) {
    return tagged(0x18, yyyymmddhhmmssZ.getBytes(StandardCharsets.US_ASCII));
  }

  static byte[] octetString(byte[] content) {
    return tagged(0x04, content);
  }

  static byte[] bitString(byte[] content) {
    byte[] withPadding = new byte[content.length + 1];
    System.arraycopy(content, 0, withPadding, 1, content.length);
    return tagged(0x03, withPadding);
  }

  static byte[] nul() {
    return new byte[] {0x05, 0x00};
  }

  static byte[] bool(boolean value) {
    return tagged(0x01, new byte[] {(byte) (value ? 0xFF : 0)});
  }

  /** A context-specific constructed tag, e.g. {@code [0] EXPLICIT}. */
  static byte[] explicit(int number, byte[] content) {
    return tagged(0xA0 | number, content);
  }

  /** A context-specific primitive tag, e.g. {@code [2] IMPLICIT IA5String} in a SAN. */
  static byte[] implicitPrimitive(int number, byte[] content) {
    return tagged(0x80 | number, content);
  }

  static byte[] tagged(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      byte[] len = BigInteger.valueOf(length).toByteArray();
      int start = len[0] == 0 ? 1 : 0;
      out.write(0x80 | (len.length - start));
      out.write(len, start, len.length - start);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static void writeBase128(ByteArrayOutputStream out, int value) {
    int groups = 1;
    for (int v = value >>> 7; v != 0; v >>>= 7) {
      groups++;
    }
    for (int i = groups - 1; i >= 0; i--) {
      int b = (value >>> (7 * i)) & 0x7F;
      out.write(i == 0 ? b : b | 0x80);
    }
  }
}
