package io.phalanx.pbft.sim;

import io.phalanx.pbft.core.Mutation;
import java.util.List;
import java.util.Objects;

/**
 * One simulated run.
 *
 * @param seed everything random in the run comes from this
 * @param replicas n
 * @param strategies the strategy of each Byzantine replica (empty: all replicas correct); their
 *     count may exceed f only in control tests, where the checkers are expected to fire
 * @param mutation a deliberate protocol bug for mutation drills, NONE otherwise
 * @param clients correct clients
 * @param requestsPerClient each correct client's workload
 * @param faultPhaseMillis simulated time with network faults and crashes before they heal
 * @param livenessBoundMillis after healing, every correct client must finish within this
 */
public record SimulationOptions(long seed, int replicas, List<ByzantineStrategy> strategies,
    Mutation mutation, int clients, int requestsPerClient, long faultPhaseMillis,
    long livenessBoundMillis) {

  public SimulationOptions {
    strategies = List.copyOf(strategies);
    Objects.requireNonNull(mutation, "mutation");
    if (replicas < 4 || (replicas - 1) % 3 != 0) {
      throw new IllegalArgumentException("replicas must be 3f+1: " + replicas);
    }
    if (strategies.size() >= replicas) {
      throw new IllegalArgumentException("at least one replica must be correct");
    }
  }

  public static SimulationOptions of(long seed, int replicas, List<ByzantineStrategy> strategies) {
    return new SimulationOptions(seed, replicas, strategies, Mutation.NONE, 3, 5, 6_000, 60_000);
  }

  public int faults() {
    return (replicas - 1) / 3;
  }

  public SimulationOptions withSeed(long value) {
    return new SimulationOptions(value, replicas, strategies, mutation, clients, requestsPerClient,
        faultPhaseMillis, livenessBoundMillis);
  }

  public SimulationOptions withMutation(Mutation value) {
    return new SimulationOptions(seed, replicas, strategies, value, clients, requestsPerClient,
        faultPhaseMillis, livenessBoundMillis);
  }
}
