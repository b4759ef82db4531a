package io.meerkat.bench.load;

/**
 * How a scenario running in one generator process meets the others: a barrier where the coordinator
 * takes measurements (e.g. server memory with every session up) before all continue.
 */
public interface Coordination {

  /**
   * Blocks until the coordinator lets every process continue past {@code name}; {@code
   * openSessions} is how many sessions this process holds there.
   */
  void barrier(String name, long openSessions);
}
