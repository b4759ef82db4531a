package io.meerkat.bench.micro;

import io.meerkat.server.storage.StoredXml;
import io.meerkat.xml.XmlElement;
import io.meerkat.xml.XmlLimits;
import io.meerkat.xml.XmlStreamException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a chat message that another cluster node forwarded (its serialized form): with a fresh
 * XML reader per stanza ({@code StoredXml.readOne}, what the receiving node did first), and with
 * one open stream per sender stripe that every forwarded stanza is fed into (what it does now).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ForwardedStanzaBenchmark {

  private static final String MESSAGE =
      "<message from='romeo@localhost/bench' to='juliet@localhost/balcony' type='chat'"
          + " id='msg-8f2b1c' xml:lang='en'><body>Art thou not Romeo, and a Montague?"
          + " t=123456789012</body><active xmlns='http://jabber.org/protocol/chatstates'/>"
          + "<request xmlns='urn:xmpp:receipts'/></message>";
  private static final byte[] MESSAGE_BYTES = MESSAGE.getBytes(StandardCharsets.UTF_8);
  private OpenClientStream stream;

  @Setup
  public void openStream() throws XmlStreamException {
    stream = new OpenClientStream(new XmlLimits(16 << 20, 64, 256, 100_000));
  }

  @Benchmark
  public XmlElement freshReaderPerStanza() {
    return StoredXml.readOne(new String(MESSAGE_BYTES, StandardCharsets.UTF_8));
  }

  @Benchmark
  public XmlElement oneStreamPerStripe() throws XmlStreamException {
    return stream.decode(MESSAGE_BYTES);
  }
}
