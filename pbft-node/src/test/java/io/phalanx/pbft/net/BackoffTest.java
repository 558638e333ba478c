package io.phalanx.pbft.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void theCeilingDoublesPerFailureUpToTheMaximum() {
    Backoff backoff = new Backoff(100, 1_000, new SplittableRandom(1));
    assertEquals(List.of(100L, 200L, 400L, 800L, 1_000L, 1_000L),
        List.of(backoff.ceilingMillis(1), backoff.ceilingMillis(2), backoff.ceilingMillis(3),
            backoff.ceilingMillis(4), backoff.ceilingMillis(5), backoff.ceilingMillis(6)));
    assertEquals(1_000L, backoff.ceilingMillis(Integer.MAX_VALUE));
  }

  @Test
  void everyDelayLiesInTheUpperHalfBelowTheCeiling() {
    Backoff backoff = new Backoff(100, 1_000, new SplittableRandom(2));
    for (int failures = 1; failures < 20; failures++) {
      for (int draw = 0; draw < 50; draw++) {
        long delay = backoff.delayMillis(failures);
        long ceiling = backoff.ceilingMillis(failures);
        assertTrue(delay >= ceiling / 2 && delay <= ceiling, delay + " for ceiling " + ceiling);
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameDelaysAndAnotherSeedJittersThem() {
    assertEquals(delays(7), delays(7));
    assertNotEquals(delays(7), delays(8));
  }

  @Test
  void impossibleBoundsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Backoff(0, 10, new SplittableRandom()));
    assertThrows(IllegalArgumentException.class, () -> new Backoff(20, 10, new SplittableRandom()));
    Backoff backoff = new Backoff(1, 10, new SplittableRandom());
    assertThrows(IllegalArgumentException.class, () -> backoff.delayMillis(0));
  }

  private static List<Long> delays(long seed) {
    Backoff backoff = new Backoff(100, 60_000, new SplittableRandom(seed));
    List<Long> delays = new ArrayList<>();
    for (int failures = 1; failures <= 12; failures++) {
      delays.add(backoff.delayMillis(failures));
    }
    return delays;
  }
}
