package io.meerkat.bench.micro;

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
 * Decoding one typical chat message (about 300 bytes, a body and a chat-state child) with the
 * server's streaming parser, inside an open stream, the way c2s receives it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class XmlDecodeBenchmark {

  static final byte[] MESSAGE =
      ("<message to='juliet@localhost/balcony' type='chat' id='msg-8f2b1c'"
              + " xml:lang='en'><body>Art thou not Romeo, and a Montague? t=123456789012"
              + "</body><active xmlns='http://jabber.org/protocol/chatstates'/>"
              + "<request xmlns='urn:xmpp:receipts'/></message>")
          .getBytes(StandardCharsets.UTF_8);

  private OpenClientStream stream;

  @Setup
  public void openStream() throws XmlStreamException {
    stream = new OpenClientStream(XmlLimits.DEFAULT);
  }

  @Benchmark
  public XmlElement decodeMessage() throws XmlStreamException {
    return stream.decode(MESSAGE);
  }
}
