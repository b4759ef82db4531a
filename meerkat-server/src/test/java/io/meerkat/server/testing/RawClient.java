package io.meerkat.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.xml.XmlElement;
import io.meerkat.xml.XmlLimits;
import io.meerkat.xml.XmlStreamException;
import io.meerkat.xml.XmlStreamHandler;
import io.meerkat.xml.XmlStreamParser;
import io.meerkat.xmpp.Namespaces;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A deliberately simple XMPP client over a plain socket for protocol tests: it sends raw text and
 * reads the server's stream with the same streaming parser. It can do STARTTLS and PLAIN.
 */
public final class RawClient implements AutoCloseable {

  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private XmlStreamParser parser =
      new XmlStreamParser(XmlLimits.DEFAULT.withMaxStanzaBytes(1 << 20));
  private final ArrayDeque<XmlElement> received = new ArrayDeque<>();
  private XmlElement header;
  private boolean streamClosed;
  private final byte[] buffer = new byte[8192];

  private final XmlStreamHandler handler =
      new XmlStreamHandler() {
        @Override
        public void onStreamOpen(XmlElement h, Map<String, String> namespaces) {
          header = h;
        }

        @Override
        public void onElement(XmlElement element) {
          received.add(element);
        }

        @Override
        public void onStreamClose() {
          streamClosed = true;
        }
      };

  public RawClient(int port) throws IOException {
    this(new Socket(InetAddress.getLoopbackAddress(), port));
  }

  private RawClient(Socket socket) throws IOException {
    this.socket = socket;
    socket.setSoTimeout(10_000);
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** A client already over TLS (Direct TLS listener). */
  public static RawClient directTls(int port) throws IOException {
    RawClient c = new RawClient(port);
    c.wrapTls();
    return c;
  }

  public void send(String xml) throws IOException {
    out.write(xml.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  public void sendBytes(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Sends a stream header to {@code domain} and returns the features. */
  public XmlElement openStream(String domain) throws IOException {
    send(
        "<?xml version='1.0'?><stream:stream to='"
            + domain
            + "' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'"
            + " version='1.0'>");
    XmlElement features = next();
    assertThat(features.is("features", Namespaces.STREAMS)).as("features: " + features).isTrue();
    return features;
  }

  public XmlElement header() {
    return header;
  }

  /** The next top-level element from the server; fails after 10 s. */
  public XmlElement next() throws IOException {
    while (received.isEmpty()) {
      if (streamClosed) {
        throw new IOException("stream closed by server");
      }
      readMore();
    }
    return received.poll();
  }

  /** Reads until the server closes the stream or the socket; returns the last element seen. */
  public XmlElement readUntilClosed() throws IOException {
    XmlElement last = null;
    try {
      while (true) {
        while (!received.isEmpty()) {
          last = received.poll();
        }
        if (!readMore()) {
          return last;
        }
      }
    } catch (SocketTimeoutException e) {
      throw new IOException("server did not close the connection", e);
    }
  }

  /** True when the server closed the socket (EOF) within the socket timeout. */
  public boolean closedByServer() throws IOException {
    try {
      while (readMore()) {
        received.clear();
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  public boolean streamClosed() {
    return streamClosed;
  }

  private boolean readMore() throws IOException {
    int n = in.read(buffer);
    if (n < 0) {
      if (received.isEmpty()) {
        streamClosed = true;
      }
      return false;
    }
    try {
      parser.feed(buffer, 0, n);
      parser.drain(handler);
    } catch (XmlStreamException e) {
      throw new IOException("server sent bad XML: " + e.getMessage(), e);
    }
    return true;
  }

  /** STARTTLS: asks, expects {@code <proceed/>}, then upgrades the socket. */
  public void startTls() throws IOException {
    send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
    XmlElement proceed = next();
    assertThat(proceed.is("proceed", Namespaces.TLS)).as(proceed.toString()).isTrue();
    wrapTls();
  }

  private void wrapTls() throws IOException {
    try {
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, new TrustManager[] {new TrustAll()}, null);
      SSLSocket tls =
          (SSLSocket)
              ssl.getSocketFactory().createSocket(socket, "localhost", socket.getPort(), true);
      tls.startHandshake();
      socket = tls;
      in = tls.getInputStream();
      out = tls.getOutputStream();
      parser = new XmlStreamParser(XmlLimits.DEFAULT.withMaxStanzaBytes(1 << 20));
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException(e);
    }
  }

  /** SASL PLAIN; returns the server's answer ({@code success} or {@code failure}). */
  public XmlElement authPlain(String user, String password) throws IOException {
    String data =
        Base64.getEncoder()
            .encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + data + "</auth>");
    return next();
  }

  /** The restarted stream after SASL success: new parser, new header, features. */
  public XmlElement restart(String domain) throws IOException {
    parser = new XmlStreamParser(XmlLimits.DEFAULT.withMaxStanzaBytes(1 << 20));
    return openStream(domain);
  }

  /** Binds a resource and returns the bound full JID. */
  public String bind(String resource) throws IOException {
    send(
        "<iq type='set' id='bind1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
            + (resource == null ? "" : "<resource>" + resource + "</resource>")
            + "</bind></iq>");
    XmlElement result = next();
    assertThat(result.attribute("type")).as(result.toString()).isEqualTo("result");
    return result.firstElement().childText("jid", Namespaces.BIND);
  }

  /** Registers (XEP-0077) on an open, unauthenticated stream. */
  public XmlElement register(String user, String password) throws IOException {
    send(
        "<iq type='set' id='reg1'><query xmlns='jabber:iq:register'><username>"
            + user
            + "</username><password>"
            + password
            + "</password></query></iq>");
    return next();
  }

  /** Opens, STARTTLS, PLAIN auth, restart, bind: a ready session. */
  public static RawClient loggedIn(int starttlsPort, String user, String password, String resource)
      throws IOException {
    RawClient c = new RawClient(starttlsPort);
    c.openStream("localhost");
    c.startTls();
    c.openStream("localhost");
    XmlElement auth = c.authPlain(user, password);
    assertThat(auth.name()).as(auth.toString()).isEqualTo("success");
    c.restart("localhost");
    c.bind(resource);
    return c;
  }

  /** The TLS session once TLS is up. */
  public javax.net.ssl.SSLSession tlsSession() {
    return ((SSLSocket) socket).getSession();
  }

  public void setTimeout(int millis) throws IOException {
    socket.setSoTimeout(millis);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
