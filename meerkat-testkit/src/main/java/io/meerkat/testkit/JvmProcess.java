package io.meerkat.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Java main class running in its own JVM, started with the test's classpath: its output lines
 * (stdout and stderr merged) are captured and can be awaited, lines can be sent to its stdin, and
 * it can be stopped gracefully, killed like {@code kill -9}, or paused and resumed like {@code kill
 * -STOP/-CONT}.
 *
 * <p>Start it through {@link JvmProcesses} so that it is always cleaned up when the test ends.
 * Mains written for it should exit when their stdin ends: then they also go away if the test JVM
 * itself is killed.
 */
public final class JvmProcess implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JvmProcess.class);

  private final String name;
  private final Process process;
  private final Writer stdin;
  private final List<String> lines = new ArrayList<>();
  private final BitSet consumed = new BitSet();
  private boolean outputEnded;

  private JvmProcess(String name, Process process) {
    this.name = name;
    this.process = process;
    this.stdin = process.outputWriter(StandardCharsets.UTF_8);
    Thread.ofPlatform().daemon().name("jvm-process-" + name).start(this::readOutput);
  }

  /**
   * Starts {@code mainClass} in a new JVM with the current classpath.
   *
   * @param name for logs and thread names
   * @param jvmArgs extra JVM options (for example {@code -Xmx128m})
   * @param systemProperties passed as {@code -Dkey=value}
   * @param args the program arguments
   */
  static JvmProcess start(
      String name,
      Class<?> mainClass,
      List<String> jvmArgs,
      Map<String, String> systemProperties,
      List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.addAll(jvmArgs);
    systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add(mainClass.getName());
    command.addAll(args);
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      LOG.info("Started {} as pid {}: {}", name, process.pid(), mainClass.getName());
      return new JvmProcess(name, process);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name, e);
    }
  }

  private void readOutput() {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        LOG.info("[{}] {}", name, line);
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      LOG.debug("Output of {} ended: {}", name, e.toString());
    } finally {
      synchronized (lines) {
        outputEnded = true;
        lines.notifyAll();
      }
    }
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Every line printed so far. */
  public List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /**
   * Waits for an output line matching {@code pattern} (searched with {@link Matcher#find()}) that
   * no earlier call returned: the first such line printed so far, or the next one to come. So a
   * test can await events in any order, and awaits a repeated event once per occurrence.
   *
   * @return the match, so groups can be read
   * @throws IllegalStateException when no such line comes within {@code timeout} or the output ends
   *     first; the message quotes the last lines
   */
  public Matcher awaitLine(Pattern pattern, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lines) {
      while (true) {
        for (int i = consumed.nextClearBit(0); i < lines.size(); i = consumed.nextClearBit(i + 1)) {
          Matcher matcher = pattern.matcher(lines.get(i));
          if (matcher.find()) {
            consumed.set(i);
            return matcher;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || outputEnded) {
          throw new IllegalStateException(
              name
                  + (outputEnded ? " ended without a line matching " : " printed no line matching ")
                  + pattern
                  + " within "
                  + timeout
                  + "; last lines: "
                  + lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        }
        try {
          lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for " + name, e);
        }
      }
    }
  }

  /** Waits for a line matching {@code regex}. */
  public Matcher awaitLine(String regex, Duration timeout) {
    return awaitLine(Pattern.compile(regex), timeout);
  }

  /** Sends one line to the process's stdin. */
  public void send(String line) {
    try {
      stdin.write(line);
      stdin.write('\n');
      stdin.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write to " + name, e);
    }
  }

  /** Kills the process at once ({@code SIGKILL}: no shutdown hooks, no goodbye on its sockets). */
  public void kill() {
    // through the handle: Process.destroy* would also close our end of its output pipe
    process.toHandle().destroyForcibly();
    waitFor(Duration.ofSeconds(10));
    LOG.info("Killed {}", name);
  }

  /**
   * Asks the process to stop ({@code SIGTERM}, shutdown hooks run); kills it if it is still alive
   * after {@code grace}.
   *
   * @return the exit code
   */
  public int stop(Duration grace) {
    process.toHandle().destroy();
    if (!waitFor(grace)) {
      LOG.warn("{} did not stop within {}; killing it", name, grace);
      kill();
    }
    return process.exitValue();
  }

  /** Freezes the process ({@code SIGSTOP}): it keeps its sockets but runs no code. */
  public void pause() {
    signal("STOP");
  }

  /** Lets a paused process run again ({@code SIGCONT}). */
  public void resume() {
    signal("CONT");
  }

  private void signal(String signal) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + signal + " " + pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits for the process to end; returns whether it did. */
  public boolean waitFor(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Kills the process if it is still alive (resuming it first if paused). */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      if (!waitFor(Duration.ofSeconds(10))) {
        LOG.warn("{} (pid {}) is still alive after SIGKILL", name, pid());
      }
    }
  }
}
