package io.meerkat.cets.transport.netty;

import java.io.IOException;

/**
 * Why {@link NettyClusterTransport#connect} could not open a link: the peer was unreachable,
 * refused the handshake (wrong secret, version, gate), timed out, or was this node itself.
 */
public final class LinkFailedException extends IOException {

  private static final long serialVersionUID = 1L;

  public LinkFailedException(String message) {
    super(message);
  }

  public LinkFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
