package io.meerkat.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JvmProcessTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension final JvmProcesses processes = new JvmProcesses();

  private JvmProcess startEcho() {
    JvmProcess echo =
        processes.start(
            "echo",
            EchoMain.class,
            List.of("-Xmx64m"),
            Map.of("echo.flavour", "mint"),
            List.of("a", "b"));
    echo.awaitLine("^ready", WAIT);
    return echo;
  }

  @Test
  void aChildGetsArgumentsAndPropertiesAndAnswersLinesSentToIt() {
    JvmProcess echo = startEcho();

    echo.send("hello");
    echo.send("world");

    assertThat(echo.awaitLine("^echo: (\\w+)", WAIT).group(1)).isEqualTo("hello");
    assertThat(echo.awaitLine("^echo: (\\w+)", WAIT).group(1)).isEqualTo("world");
    assertThat(echo.lines()).contains("ready a,b mint");
  }

  @Test
  void aKilledChildDiesWithoutRunningItsShutdownHooks() {
    JvmProcess echo = startEcho();

    echo.kill();

    assertThat(echo.isAlive()).isFalse();
    assertThat(echo.lines()).doesNotContain("shutdown hook ran");
  }

  @Test
  void aStoppedChildRunsItsShutdownHooks() {
    JvmProcess echo = startEcho();

    echo.stop(WAIT);

    assertThat(echo.isAlive()).isFalse();
    echo.awaitLine("shutdown hook ran", WAIT);
  }

  @Test
  void waitingForALineThatNeverComesFailsWithTheLastLines() {
    JvmProcess echo = startEcho();

    assertThatThrownBy(() -> echo.awaitLine("never", Duration.ofMillis(300)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ready a,b mint");
  }

  @Test
  void waitingOnAChildThatEndedFailsAtOnce() {
    JvmProcess echo = startEcho();
    echo.send("exit");
    echo.awaitLine("^bye", WAIT);

    assertThatThrownBy(() -> echo.awaitLine("never", WAIT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ended");
  }

  @Test
  void aPausedChildPrintsNothingUntilResumed() {
    JvmProcess echo = startEcho();

    echo.pause();
    echo.send("while paused");
    assertThatThrownBy(() -> echo.awaitLine("^echo: while paused", Duration.ofMillis(500)))
        .isInstanceOf(IllegalStateException.class);
    echo.resume();

    echo.awaitLine("^echo: while paused", WAIT);
  }

  @Test
  void theExtensionKillsWhatATestLeftRunning() {
    JvmProcess first = startEcho();
    JvmProcess second = startEcho();

    processes.closeAll();

    assertThat(first.isAlive()).isFalse();
    assertThat(second.isAlive()).isFalse();
    assertThat(processes.all()).isEmpty();
  }
}
