package io.meerkat.server.hooks;

/**
 * What a hook handler returns: the new accumulator, and whether later handlers still run.
 *
 * @param <A> the accumulator type
 */
public record HookResult<A>(A acc, boolean stop) {

  /** Go on with the next handler. */
  public static <A> HookResult<A> next(A acc) {
    return new HookResult<>(acc, false);
  }

  /** Skip the remaining handlers; the caller sees {@code acc}. */
  public static <A> HookResult<A> stop(A acc) {
    return new HookResult<>(acc, true);
  }

  /**
   * A filter's result: go on with {@code acc}, or stop when it dropped the stanza ({@code null}).
   */
  public static <A> HookResult<A> nextUnlessDropped(A acc) {
    return acc == null ? stop(null) : next(acc);
  }
}
