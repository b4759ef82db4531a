package io.meerkat.server.net;

/** Names of the handlers in client pipelines, in pipeline order. */
public final class HandlerNames {
  private HandlerNames() {}

  /** TLS: present from the start for Direct TLS, inserted first on STARTTLS. */
  public static final String TLS = "tls";

  /** Inbound byte-rate limit ({@code shaper}). */
  public static final String SHAPER = "shaper";

  /** Bytes to stream events. */
  public static final String XML_DECODER = "xml-decoder";

  /** Elements and text to bytes. */
  public static final String XML_ENCODER = "xml-encoder";

  /** Events to the session actor. */
  public static final String C2S = "c2s";
}
