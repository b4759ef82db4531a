package io.meerkat.cets.cluster;

import io.meerkat.testkit.JvmProcess;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;

/**
 * The test's side of a {@link ClusterNodeMain} process: sends commands and waits for their answers,
 * one at a time.
 */
final class NodeProcess {

  /** Generous: the CI machine is small and shared. */
  static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

  private final String name;
  private final JvmProcess process;
  private int nextId;

  NodeProcess(String name, JvmProcess process) {
    this.name = name;
    this.process = process;
  }

  String name() {
    return name;
  }

  JvmProcess process() {
    return process;
  }

  /** Waits until the node listens and runs discovery; returns its cluster port. */
  int awaitReady() {
    return Integer.parseInt(
        process.awaitLine("^READY " + name + " (\\d+)$", ANSWER_TIMEOUT).group(1));
  }

  /**
   * Runs one command and returns its result.
   *
   * @throws AssertionError when the node answers with an error
   */
  synchronized String call(String command) {
    int id = ++nextId;
    process.send(id + " " + command);
    Matcher answer = process.awaitLine("^R " + id + " (ok|err) ?(.*)$", ANSWER_TIMEOUT);
    if (!answer.group(1).equals("ok")) {
      throw new AssertionError(name + ": '" + command + "' failed: " + answer.group(2));
    }
    return answer.group(2);
  }

  /** A command answering a comma-separated list. */
  List<String> list(String command) {
    String result = call(command);
    return result.isEmpty() ? List.of() : Arrays.asList(result.split(","));
  }

  @Override
  public String toString() {
    return name;
  }
}
