package io.phalanx.pbft.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import org.junit.jupiter.api.Test;

/** The control: with f+1 colluding Byzantine replicas the checkers must find violations. */
class ByzantineControlTest {

  @Test
  void fPlusOneEquivocatingReplicasBreakAgreementOnSomeSeeds() {
    Simulator simulator = new Simulator(4, 3);
    int violations = 0;
    for (long seed = 1; seed <= 6; seed++) {
      SimulationResult result = simulator.runSeed(SimulationOptions.of(seed, 4,
          Collections.nCopies(2, ByzantineStrategy.EQUIVOCATING_PRIMARY)));
      if (result.violation().filter(v -> v.startsWith("agreement")).isPresent()) {
        violations++;
      }
    }
    assertTrue(violations > 0, "f+1 Byzantine replicas must be able to break agreement");
  }
}
