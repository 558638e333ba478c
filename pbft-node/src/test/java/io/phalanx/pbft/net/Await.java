package io.phalanx.pbft.net;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a deadline: never a bare sleep, never an unbounded wait. */
final class Await {
  static final Duration DEFAULT = Duration.ofSeconds(15);

  private Await() {}

  static void until(BooleanSupplier condition, Supplier<String> whatWasExpected) {
    long deadline = System.nanoTime() + DEFAULT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        fail("not within " + DEFAULT + ": " + whatWasExpected.get());
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
    }
  }
}
