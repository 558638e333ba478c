package io.phalanx.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RequestClockTest {
  private static final Instant NOW = Instant.parse("2026-11-23T16:00:00.000001Z");

  @Test
  void timestampsAreEpochMicrosecondsAndStrictlyIncreasingUnderAFrozenClock() {
    RequestClock clock = new RequestClock(Clock.fixed(NOW, ZoneOffset.UTC));

    long first = clock.next();
    long second = clock.next();
    long third = clock.next();

    assertEquals(NOW.getEpochSecond() * 1_000_000 + 1, first);
    assertEquals(first + 1, second);
    assertEquals(second + 1, third);
  }

  @Test
  void aClockThatGoesBackwardsNeverMakesATimestampRepeat() {
    MutableClock wall = new MutableClock(NOW);
    RequestClock clock = new RequestClock(wall);
    long before = clock.next();

    wall.now = NOW.minusSeconds(60);

    assertTrue(clock.next() > before);
  }

  @Test
  void aRestartedClientStartsAboveWhatItUsedBefore() {
    RequestClock previousRun = new RequestClock(Clock.fixed(NOW, ZoneOffset.UTC));
    long last = 0;
    for (int i = 0; i < 1000; i++) {
      last = previousRun.next();
    }

    RequestClock restarted = new RequestClock(Clock.fixed(NOW.plusMillis(5), ZoneOffset.UTC));

    assertTrue(restarted.next() > last);
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
