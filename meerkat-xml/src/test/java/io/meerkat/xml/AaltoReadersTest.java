package io.meerkat.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The readers of all streams share one name table and namespace cache; each must still see its own.
 */
class AaltoReadersTest {

  private static final int THREADS = 4;
  private static final int STREAMS_PER_THREAD = 300;

  @Test
  void streamsOnManyThreadsEachReadExactlyTheNamesTheyWereSent() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  int checked = 0;
                  for (int s = 0; s < STREAMS_PER_THREAD; s++) {
                    checked += readOneStream(thread, s);
                  }
                  return checked;
                }));
      }
      start.countDown();
      for (Future<Integer> result : results) {
        assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(STREAMS_PER_THREAD * 2);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** One stream with a common stanza and one whose names and namespace nobody else uses. */
  private static int readOneStream(int thread, int stream) throws XmlStreamException {
    String own = "n" + thread + "x" + stream;
    String ownNamespace = "urn:test:" + own;
    String xml =
        XmlStreamParserTest.HEADER
            + "<message to='a@b' type='chat' id='m'><body>hello</body></message>"
            + "<iq type='get' id='q'><"
            + own
            + " xmlns='"
            + ownNamespace
            + "' a-"
            + own
            + "='v-"
            + own
            + "'><item-"
            + own
            + "/></"
            + own
            + "></iq>";
    RecordingHandler handler = new RecordingHandler();
    XmlStreamParserTest.feedAll(
        new XmlStreamParser(XmlLimits.DEFAULT),
        xml.getBytes(StandardCharsets.UTF_8),
        7 + stream % 50,
        handler);

    assertThat(handler.elements).hasSize(2);
    XmlElement message = handler.elements.get(0);
    assertThat(message.name()).isEqualTo("message");
    assertThat(message.attribute("type")).isEqualTo("chat");
    assertThat(message.child("body", XmlStreamParserTest.CLIENT).text()).isEqualTo("hello");
    XmlElement query = handler.elements.get(1).child(own, ownNamespace);
    assertThat(query.name()).isEqualTo(own);
    assertThat(query.namespace()).isEqualTo(ownNamespace);
    assertThat(query.attribute("a-" + own)).isEqualTo("v-" + own);
    XmlElement item = query.child("item-" + own, ownNamespace);
    assertThat(item.name()).isEqualTo("item-" + own);
    assertThat(item.namespace()).isEqualTo(ownNamespace);
    return 2;
  }
}
