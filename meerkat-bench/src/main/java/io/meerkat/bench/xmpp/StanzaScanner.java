package io.meerkat.bench.xmpp;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * Splits the bytes a server sends into the stream header, top-level elements and the stream end,
 * without building any tree: it tracks only tag boundaries, quotes and depth. The load generator
 * then looks into each element's bytes for the few things it needs (see {@link Frame}).
 *
 * <p>Assumes what XMPP servers send: no comments, CDATA or processing instructions inside the
 * stream (RFC 6120 §11.1 forbids them); an XML declaration before the header is skipped. Call
 * {@link #restart()} when the stream restarts (after TLS or SASL success), from inside the sink
 * callback if the new header may already be buffered.
 */
public final class StanzaScanner {

  /** Receives what the scanner finds; the frame is only valid during the call. */
  public interface Sink {
    void streamHeader(Frame header);

    void element(Frame element);

    void streamEnd();
  }

  private final Sink sink;
  private final Frame frame = new Frame();
  private final int maxBytes;
  private byte[] buf = new byte[4096];
  private int len;
  private int pos;
  private int depth;
  private int tagStart = -1;
  private int elementStart = -1;
  private byte quote;

  public StanzaScanner(Sink sink, int maxBytes) {
    this.sink = sink;
    this.maxBytes = maxBytes;
  }

  /** The next bytes are a new stream: expect a header again. */
  public void restart() {
    depth = 0;
    elementStart = -1;
  }

  /** Consumes the readable bytes of {@code in} (does not release it). */
  public void feed(ByteBuf in) {
    int n = in.readableBytes();
    ensure(n);
    in.readBytes(buf, len, n);
    len += n;
    scan();
  }

  /** Consumes bytes from an array. */
  public void feed(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, buf, len, length);
    len += length;
    scan();
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      int keep = elementStart >= 0 ? elementStart : (tagStart >= 0 ? tagStart : pos);
      compact(keep);
      if (len + more > buf.length) {
        if (len + more > maxBytes) {
          throw new IllegalStateException("element larger than " + maxBytes + " bytes");
        }
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
      }
    }
  }

  private void compact(int keep) {
    if (keep <= 0) {
      return;
    }
    System.arraycopy(buf, keep, buf, 0, len - keep);
    len -= keep;
    pos -= keep;
    if (tagStart >= 0) {
      tagStart -= keep;
    }
    if (elementStart >= 0) {
      elementStart -= keep;
    }
  }

  private void scan() {
    while (pos < len) {
      byte b = buf[pos];
      if (tagStart < 0) {
        if (b == '<') {
          tagStart = pos;
        }
      } else if (quote != 0) {
        if (b == quote) {
          quote = 0;
        }
      } else if (b == '"' || b == '\'') {
        quote = b;
      } else if (b == '>') {
        tagEnded(tagStart, pos + 1);
        tagStart = -1;
      }
      pos++;
    }
    if (tagStart < 0 && elementStart < 0) {
      len = 0;
      pos = 0;
    }
  }

  private void tagEnded(int start, int end) {
    byte second = buf[start + 1];
    if (second == '?' || second == '!') {
      return;
    }
    if (second == '/') {
      depth--;
      if (depth == 1 && elementStart >= 0) {
        emit(elementStart, end);
        elementStart = -1;
      } else if (depth <= 0) {
        depth = 0;
        sink.streamEnd();
      }
      return;
    }
    boolean empty = buf[end - 2] == '/';
    if (depth == 0) {
      // The stream header opens the stream and stays open.
      depth = 1;
      frame.set(buf, start, end);
      sink.streamHeader(frame);
    } else if (depth == 1) {
      if (empty) {
        emit(start, end);
      } else {
        elementStart = start;
        depth++;
      }
    } else if (!empty) {
      depth++;
    }
  }

  private void emit(int start, int end) {
    frame.set(buf, start, end);
    sink.element(frame);
  }
}
