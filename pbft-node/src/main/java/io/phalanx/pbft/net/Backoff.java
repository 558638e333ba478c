package io.phalanx.pbft.net;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with jitter for reconnecting: after the k-th consecutive failure the
 * delay is drawn uniformly from [d/2, d] where d = min(max, min·2^(k−1)). The jitter keeps n
 * replicas that lost a peer at the same moment from knocking on its door in lock step.
 * Thread-safe (the generator is used under a lock); deterministic for a seeded generator.
 */
public final class Backoff {
  private final long delayMinMillis;
  private final long delayMaxMillis;
  private final RandomGenerator random;

  public Backoff(long delayMinMillis, long delayMaxMillis, RandomGenerator random) {
    if (delayMinMillis < 1 || delayMaxMillis < delayMinMillis) {
      throw new IllegalArgumentException(
          "need 1 <= delayMinMillis <= delayMaxMillis, got " + delayMinMillis + ", " + delayMaxMillis);
    }
    this.delayMinMillis = delayMinMillis;
    this.delayMaxMillis = delayMaxMillis;
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The delay before the next attempt after {@code failures} (≥ 1) consecutive failures. */
  public long delayMillis(int failures) {
    if (failures < 1) {
      throw new IllegalArgumentException("failures must be at least 1, got " + failures);
    }
    long ceiling = ceilingMillis(failures);
    long floor = ceiling / 2;
    synchronized (random) {
      return floor + random.nextLong(ceiling - floor + 1);
    }
  }

  /** The largest delay {@link #delayMillis} can return after {@code failures} failures. */
  public long ceilingMillis(int failures) {
    int doublings = Math.min(failures - 1, 62);
    long ceiling = delayMinMillis;
    for (int i = 0; i < doublings && ceiling < delayMaxMillis; i++) {
      ceiling *= 2;
    }
    return Math.min(ceiling, delayMaxMillis);
  }
}
