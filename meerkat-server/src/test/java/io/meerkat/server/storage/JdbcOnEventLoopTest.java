package io.meerkat.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.util.NonBlocking;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** No database call starts inside a non-blocking run (a message handled on an event loop). */
class JdbcOnEventLoopTest {

  private final AtomicInteger connectionsAsked = new AtomicInteger();
  private final DataSource dataSource =
      (DataSource)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {DataSource.class},
              (proxy, method, args) -> {
                connectionsAsked.incrementAndGet();
                throw new UnsupportedOperationException("no database in this test");
              });
  private final Jdbc jdbc = new Jdbc(dataSource);

  @Test
  void everyKindOfCallStopsTheRunBeforeAskingForAConnection() {
    assertThat(NonBlocking.tryRun(() -> jdbc.query("SELECT 1", rs -> 1))).isFalse();
    assertThat(NonBlocking.tryRun(() -> jdbc.queryOne("SELECT 1", rs -> 1))).isFalse();
    assertThat(NonBlocking.tryRun(() -> jdbc.update("DELETE FROM t"))).isFalse();
    assertThat(NonBlocking.tryRun(() -> jdbc.insertIfAbsent("INSERT INTO t VALUES (1)"))).isFalse();
    assertThat(NonBlocking.tryRun(() -> jdbc.inTransaction(c -> 1))).isFalse();
    assertThat(NonBlocking.tryRun(() -> jdbc.inTransactionRetrying(c -> 1))).isFalse();
    assertThat(connectionsAsked).hasValue(0);
  }
}
