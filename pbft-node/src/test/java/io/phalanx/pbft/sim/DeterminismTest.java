package io.phalanx.pbft.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.phalanx.pbft.verify.Verifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {

  private static Verifier freshVerifier() {
    return new Verifier(SimKeys.membership(4, Simulation.admittedClients(3)), 1_000);
  }

  @Test
  void theSameSeedGivesTheSameTraceEvenWithFreshCaches() {
    SimulationOptions options = SimulationOptions.of(42, 4, List.of(ByzantineStrategy.CONFLICTING_VOTES));
    SimulationResult first = Simulation.run(options, freshVerifier());
    SimulationResult second = Simulation.run(options, freshVerifier());
    assertEquals(first.traceHash(), second.traceHash());
    assertEquals(first.requestsCommitted(), second.requestsCommitted());
  }

  @Test
  void differentSeedsGiveDifferentTraces() {
    Verifier verifier = freshVerifier();
    assertNotEquals(Simulation.run(SimulationOptions.of(1, 4, List.of()), verifier).traceHash(),
        Simulation.run(SimulationOptions.of(2, 4, List.of()), verifier).traceHash());
  }
}
