package io.meerkat.cets.transport.netty;

import io.netty.handler.codec.CorruptedFrameException;

/** A frame a peer sent that does not follow the link protocol; the link is closed. */
final class MalformedFrameException extends CorruptedFrameException {

  private static final long serialVersionUID = 1L;

  MalformedFrameException(String message) {
    super(message);
  }
}
