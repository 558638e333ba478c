package io.phalanx.pbft.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.pbft.core.Mutation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Mutation drills: each deliberate protocol bug must be caught by the simulator on one of a
 * fixed list of seeds, and the seed that catches it must pass without the bug.
 */
class MutationDrillTest {
  private static final int SEEDS_MAX = 24;

  private static long caughtOnSeed(Mutation mutation, List<ByzantineStrategy> strategies) {
    Simulator simulator = new Simulator(4, 3);
    for (long seed = 1; seed <= SEEDS_MAX; seed++) {
      SimulationOptions options = SimulationOptions.of(seed, 4, strategies).withMutation(mutation);
      Optional<String> violation = simulator.runSeed(options).violation();
      if (violation.isPresent()) {
        assertTrue(simulator.runSeed(options.withMutation(Mutation.NONE)).passed(),
            "seed " + seed + " passes without " + mutation);
        return seed;
      }
    }
    return -1;
  }

  @Test
  void preparedWithTwoFMinusOnePreparesIsCaught() {
    assertTrue(caughtOnSeed(Mutation.ACCEPT_2F_MINUS_1_PREPARES, List.of()) > 0);
  }

  @Test
  void aCommitSentBeforeItIsPersistedIsCaught() {
    assertTrue(caughtOnSeed(Mutation.COMMIT_BEFORE_PERSIST, List.of()) > 0);
  }

  @Test
  void aNewViewThatDropsAPreparedBatchIsCaught() {
    assertTrue(caughtOnSeed(Mutation.NEW_VIEW_DROPS_PREPARED, List.of()) > 0);
  }

  @Test
  void aPrePrepareAcceptedOutsideTheWaterMarksIsCaught() {
    assertTrue(caughtOnSeed(Mutation.ACCEPT_OUTSIDE_WATERMARKS, List.of(ByzantineStrategy.REPLAY)) > 0);
  }
}
