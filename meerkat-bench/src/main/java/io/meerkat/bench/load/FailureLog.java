package io.meerkat.bench.load;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints each distinct kind of failure once (on standard error), so a failing run says why without
 * flooding the terminal with thousands of identical lines.
 */
final class FailureLog {

  private static final int MAX_KINDS = 20;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  void note(String reason) {
    String kind = reason.length() > 60 ? reason.substring(0, 60) : reason;
    if (seen.size() < MAX_KINDS && seen.add(kind)) {
      System.err.println("failure: " + (reason.length() > 300 ? reason.substring(0, 300) : reason));
    }
  }
}
