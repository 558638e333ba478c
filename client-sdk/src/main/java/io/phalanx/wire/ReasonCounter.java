package io.phalanx.wire;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One counter per value of an enum of reasons. Thread-safe and lock-free: any thread may count,
 * any thread may take a snapshot (each counter in it is exact; the set is not an atomic cut).
 */
public final class ReasonCounter<R extends Enum<R>> {
  private final Class<R> reasons;
  private final AtomicLongArray counts;

  public ReasonCounter(Class<R> reasons) {
    this.reasons = Objects.requireNonNull(reasons, "reasons");
    this.counts = new AtomicLongArray(reasons.getEnumConstants().length);
  }

  public void increment(R reason) {
    counts.incrementAndGet(reason.ordinal());
  }

  public void add(R reason, long delta) {
    counts.addAndGet(reason.ordinal(), delta);
  }

  public long get(R reason) {
    return counts.get(reason.ordinal());
  }

  /** Every reason with its count, zeros included, in declaration order; unmodifiable. */
  public Map<R, Long> snapshot() {
    EnumMap<R, Long> copy = new EnumMap<>(reasons);
    for (R reason : reasons.getEnumConstants()) {
      copy.put(reason, counts.get(reason.ordinal()));
    }
    return Collections.unmodifiableMap(copy);
  }
}
