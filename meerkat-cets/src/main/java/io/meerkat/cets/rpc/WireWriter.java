package io.meerkat.cets.rpc;

import io.meerkat.cets.transport.NodeId;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Builds one binary message: big-endian numbers, length-prefixed strings and byte arrays. */
public final class WireWriter {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
  private final DataOutputStream out = new DataOutputStream(bytes);

  public WireWriter writeByte(int value) {
    try {
      out.writeByte(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  public WireWriter writeBoolean(boolean value) {
    return writeByte(value ? 1 : 0);
  }

  public WireWriter writeInt(int value) {
    try {
      out.writeInt(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  public WireWriter writeLong(long value) {
    try {
      out.writeLong(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  public WireWriter writeBytes(byte[] value) {
    writeInt(value.length);
    try {
      out.write(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  public WireWriter writeString(String value) {
    return writeBytes(value.getBytes(StandardCharsets.UTF_8));
  }

  public WireWriter writeNode(NodeId node) {
    return writeString(node.name()).writeLong(node.incarnation());
  }

  public byte[] toByteArray() {
    return bytes.toByteArray();
  }
}
