package io.meerkat.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts {@link JvmProcess}es for a test and kills whatever is left of them when the test ends (and
 * when the test JVM exits, as a last resort).
 *
 * <pre>{@code
 * @RegisterExtension final JvmProcesses processes = new JvmProcesses();
 *
 * JvmProcess node = processes.start("node1", NodeMain.class, List.of("-Xmx128m"),
 *     Map.of("meerkat.node", "node1"), List.of());
 * node.awaitLine("listening on (\\S+)", Duration.ofSeconds(30));
 * }</pre>
 *
 * Processes live for one test: register it as an instance field; everything it started is killed
 * after each test.
 */
public final class JvmProcesses implements AfterEachCallback {

  private final List<JvmProcess> started = new ArrayList<>();
  private final Thread shutdownHook = new Thread(this::closeAll, "jvm-processes-cleanup");
  private boolean hookInstalled;

  /** Starts {@code mainClass} in a new JVM with the current classpath; see {@link JvmProcess}. */
  public synchronized JvmProcess start(
      String name,
      Class<?> mainClass,
      List<String> jvmArgs,
      Map<String, String> systemProperties,
      List<String> args) {
    if (!hookInstalled) {
      Runtime.getRuntime().addShutdownHook(shutdownHook);
      hookInstalled = true;
    }
    JvmProcess process = JvmProcess.start(name, mainClass, jvmArgs, systemProperties, args);
    started.add(process);
    return process;
  }

  /** Starts {@code mainClass} with no extra options. */
  public JvmProcess start(String name, Class<?> mainClass, String... args) {
    return start(name, mainClass, List.of(), Map.of(), List.of(args));
  }

  /** The processes started and not yet cleaned up. */
  public synchronized List<JvmProcess> all() {
    return List.copyOf(started);
  }

  /** Kills every process still running. */
  public synchronized void closeAll() {
    for (JvmProcess process : started) {
      process.close();
    }
    started.clear();
    if (hookInstalled && Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // the JVM is exiting: the hook runs anyway
      }
    }
    hookInstalled = false;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    closeAll();
  }
}
