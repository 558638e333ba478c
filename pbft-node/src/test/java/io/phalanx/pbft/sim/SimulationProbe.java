package io.phalanx.pbft.sim;

import java.util.List;

/** Manual probe: mvn exec is not wired, so run through a test filter. Not part of the suite. */
class SimulationProbe {
  public static void main(String[] args) {
    int replicas = Integer.parseInt(args[0]);
    int seeds = Integer.parseInt(args[1]);
    String strategy = args.length > 2 ? args[2] : "none";
    Simulator simulator = new Simulator(replicas, 3);
    long start = System.nanoTime();
    for (long seed = 1; seed <= seeds; seed++) {
      List<ByzantineStrategy> strategies = strategy.equals("none") ? List.of()
          : java.util.Collections.nCopies((replicas - 1) / 3, ByzantineStrategy.valueOf(strategy));
      long t = System.nanoTime();
      SimulationResult result = simulator.runSeed(SimulationOptions.of(seed, replicas, strategies));
      System.out.println("seed " + seed + " " + (result.passed() ? "ok" : result.violation().get())
          + " committed=" + result.requestsCommitted() + " view=" + result.highestView()
          + " end=" + result.endMillis() + " ms=" + (System.nanoTime() - t) / 1_000_000);
    }
    System.out.println("total ms " + (System.nanoTime() - start) / 1_000_000);
  }
}
