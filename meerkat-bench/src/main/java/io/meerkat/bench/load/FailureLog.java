package io.meerkat.bench.load;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints each distinct kind of failure once (on standard error), so a failing run says why without
 * flooding the terminal with thousands of identical lines.
 */
final class FailureLog {

  private static final int MAX_KINDS = 20;
  private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

  private FailureLog() {}

  static void note(String reason) {
    String kind = reason.length() > 60 ? reason.substring(0, 60) : reason;
    if (SEEN.size() < MAX_KINDS && SEEN.add(kind)) {
      System.err.println("failure: " + (reason.length() > 300 ? reason.substring(0, 300) : reason));
    }
  }
}
