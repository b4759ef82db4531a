package io.meerkat.bench.micro;

import io.meerkat.xml.XmlElement;
import io.meerkat.xml.XmlWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding one routed chat message (with the {@code from} the server adds) for a client stream: the
 * same calls as the c2s encoder, element to UTF-8 bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class EncodeBenchmark {

  static final XmlElement MESSAGE =
      XmlElement.builder("message", "jabber:client")
          .attribute("from", "romeo@localhost/orchard")
          .attribute("to", "juliet@localhost/balcony")
          .attribute("type", "chat")
          .attribute("id", "msg-8f2b1c")
          .textChild("body", "Art thou not Romeo, and a Montague? t=123456789012 <&>")
          .child(XmlElement.empty("active", "http://jabber.org/protocol/chatstates"))
          .child(XmlElement.empty("request", "urn:xmpp:receipts"))
          .build();

  private static final Map<String, String> STREAM_PREFIXES =
      Map.of("stream", "http://etherx.jabber.org/streams");

  @Benchmark
  public byte[] encodeMessage() {
    StringBuilder sb = new StringBuilder(256);
    XmlWriter.write(MESSAGE, "jabber:client", STREAM_PREFIXES, sb);
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}
