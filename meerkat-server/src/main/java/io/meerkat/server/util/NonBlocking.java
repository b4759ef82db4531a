package io.meerkat.server.util;

/**
 * Work that runs on a network event loop, where nothing may block. Code about to block (a database
 * call) calls {@link #check} first: inside such a run it throws {@link WouldBlock} before anything
 * is done, and the run reports that the work has to be redone on a thread that may block. So work
 * that usually needs no blocking call (a chat message between two online users) is done where its
 * bytes arrived, and the rest falls back to the session's virtual thread.
 *
 * <p>The work must therefore do its blocking calls before its visible effects (sending, storing);
 * what ran before the {@code WouldBlock} is run again.
 */
public final class NonBlocking {

  private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

  private NonBlocking() {}

  /** Thrown by {@link #check} inside {@link #tryRun}; carries no stack trace. */
  public static final class WouldBlock extends RuntimeException {
    WouldBlock(String what) {
      super(what + " would block an event loop", null, false, false);
    }
  }

  /**
   * Runs {@code work} with blocking calls forbidden.
   *
   * @return false when the work stopped at a blocking call and has to be run again elsewhere
   */
  public static boolean tryRun(Runnable work) {
    if (ACTIVE.get()) {
      work.run();
      return true;
    }
    ACTIVE.set(true);
    try {
      work.run();
      return true;
    } catch (WouldBlock e) {
      return false;
    } finally {
      ACTIVE.set(false);
    }
  }

  /** Throws {@link WouldBlock} when called inside {@link #tryRun}; {@code what} names the call. */
  public static void check(String what) {
    if (ACTIVE.get()) {
      throw new WouldBlock(what);
    }
  }
}
