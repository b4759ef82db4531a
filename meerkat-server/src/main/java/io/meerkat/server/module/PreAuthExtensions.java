package io.meerkat.server.module;

import io.meerkat.xml.XmlElement;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What modules may add to a client stream before it is authenticated: stream features and IQ
 * handlers (in-band registration). Pre-auth handlers see only the stream's domain and the client
 * address, never the router.
 */
public final class PreAuthExtensions {

  /** An IQ handled before authentication. */
  public interface PreAuthIqHandler {
    /** Handles {@code iq} (no {@code from}) if it is in a namespace this handler owns. */
    boolean handles(XmlElement iq);

    /** The reply to send to the client. */
    XmlElement handle(XmlElement iq, String domain, InetAddress client);
  }

  /** A stream feature offered before authentication. */
  public interface PreAuthFeature {
    /** The feature element, or {@code null} when not offered to this client. */
    XmlElement feature(String domain, InetAddress client, boolean tlsActive);
  }

  private final List<PreAuthIqHandler> iqHandlers = new CopyOnWriteArrayList<>();
  private final List<PreAuthFeature> features = new CopyOnWriteArrayList<>();

  public void addIqHandler(PreAuthIqHandler handler) {
    iqHandlers.add(handler);
  }

  public void removeIqHandler(PreAuthIqHandler handler) {
    iqHandlers.remove(handler);
  }

  public void addFeature(PreAuthFeature feature) {
    features.add(feature);
  }

  public void removeFeature(PreAuthFeature feature) {
    features.remove(feature);
  }

  /** The handler for an IQ, or {@code null}. */
  public PreAuthIqHandler handlerFor(XmlElement iq) {
    for (PreAuthIqHandler h : iqHandlers) {
      if (h.handles(iq)) {
        return h;
      }
    }
    return null;
  }

  public List<XmlElement> features(String domain, InetAddress client, boolean tlsActive) {
    List<XmlElement> result = new java.util.ArrayList<>();
    for (PreAuthFeature f : features) {
      XmlElement e = f.feature(domain, client, tlsActive);
      if (e != null) {
        result.add(e);
      }
    }
    return result;
  }
}
