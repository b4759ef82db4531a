package io.meerkat.cets.rpc;

import io.meerkat.cets.transport.NodeId;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Reads what {@link WireWriter} wrote; truncated or corrupt input raises {@link WireException}. */
public final class WireReader {

  private final ByteBuffer buffer;

  public WireReader(byte[] payload) {
    this.buffer = ByteBuffer.wrap(payload);
  }

  public int readByte() {
    try {
      return buffer.get();
    } catch (BufferUnderflowException e) {
      throw new WireException("truncated message");
    }
  }

  public boolean readBoolean() {
    return readByte() != 0;
  }

  public int readInt() {
    try {
      return buffer.getInt();
    } catch (BufferUnderflowException e) {
      throw new WireException("truncated message");
    }
  }

  public long readLong() {
    try {
      return buffer.getLong();
    } catch (BufferUnderflowException e) {
      throw new WireException("truncated message");
    }
  }

  public byte[] readBytes() {
    int length = readInt();
    if (length < 0 || length > buffer.remaining()) {
      throw new WireException("bad length " + length);
    }
    byte[] value = new byte[length];
    buffer.get(value);
    return value;
  }

  public String readString() {
    return new String(readBytes(), StandardCharsets.UTF_8);
  }

  public NodeId readNode() {
    return new NodeId(readString(), readLong());
  }

  /** Thrown for malformed input from a peer. */
  public static final class WireException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WireException(String message) {
      super(message);
    }
  }
}
