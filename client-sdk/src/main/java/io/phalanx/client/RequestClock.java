package io.phalanx.client;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Request timestamps for one client identity: strictly increasing, and starting above anything a
 * previous run of the same identity could have used (the wall clock in microseconds since the
 * epoch, which a restarted client cannot have outrun unless it sent more than a million requests
 * a second). The ledger executes a timestamp at most once and refuses older ones as stale.
 *
 * <p>Confined to the client's protocol thread.
 */
final class RequestClock {
  private final Clock clock;
  private long last;

  RequestClock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** max(last + 1, now in microseconds). */
  long next() {
    Instant now = clock.instant();
    long micros = Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L),
        now.getNano() / 1_000);
    last = Math.max(last + 1, micros);
    return last;
  }

  long last() {
    return last;
  }
}
