package io.meerkat.server.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.util.NonBlocking;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HookTest {

  private final Hook<String, List<String>> hook = new Hook<>("test");

  @Test
  void aFailingHandlerIsSkippedAndTheOthersStillRun() {
    hook.add(
        10,
        "broken",
        (acc, p) -> {
          throw new IllegalStateException("broken module");
        });
    hook.add(20, "working", (acc, p) -> HookResult.next(append(acc, "working saw " + p)));

    assertThat(hook.run(List.of(), "x")).containsExactly("working saw x");
  }

  @Test
  void aHandlerThatWouldBlockStopsTheWholeNonBlockingRun() {
    List<String> ran = new ArrayList<>();
    hook.add(10, "cache", (acc, p) -> HookResult.next(append(acc, "cached")));
    hook.add(
        20,
        "database",
        (acc, p) -> {
          NonBlocking.check("a database call");
          return HookResult.next(acc);
        });
    hook.add(30, "later", (acc, p) -> HookResult.next(append(acc, "later")));

    boolean finished = NonBlocking.tryRun(() -> ran.addAll(hook.run(List.of(), "x")));

    assertThat(finished).isFalse();
    assertThat(ran).isEmpty();
    assertThat(hook.run(List.of(), "x")).containsExactly("cached", "later");
  }

  private static List<String> append(List<String> list, String item) {
    List<String> copy = new ArrayList<>(list);
    copy.add(item);
    return copy;
  }
}
