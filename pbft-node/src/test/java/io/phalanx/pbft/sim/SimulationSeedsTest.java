package io.phalanx.pbft.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The default seed sweep: every strategy (and none) at n = 4 and n = 7, f Byzantine replicas,
 * each seed run twice with equal traces, safety checked after every event, then liveness.
 * 13 + 12 seeds per strategy group: 200 fixed seeds, the seeds the soak once failed on, and a
 * few fresh ones printed for replay.
 */
class SimulationSeedsTest {
  private static final int SEEDS_AT_4 = 13;
  private static final int SEEDS_AT_7 = 12;
  /** Seeds the soak once failed on (--byzantine all, n = 4); each must keep passing. */
  private static final long[] REGRESSION_SEEDS = {121, 261};
  private static final List<String> SUMMARY = Collections.synchronizedList(new ArrayList<>());

  @TestFactory
  Stream<DynamicTest> everyStrategyAtFourAndSevenReplicasKeepsSafetyAndLiveness() {
    List<DynamicTest> tests = new ArrayList<>();
    for (int replicas : new int[] {4, 7}) {
      int seeds = replicas == 4 ? SEEDS_AT_4 : SEEDS_AT_7;
      List<String> groups = new ArrayList<>(List.of("none"));
      for (ByzantineStrategy strategy : ByzantineStrategy.values()) {
        groups.add(strategy.name());
      }
      for (String group : groups) {
        tests.add(DynamicTest.dynamicTest("n=" + replicas + " " + group,
            () -> runGroup(replicas, group, 1, seeds)));
      }
    }
    for (long seed : REGRESSION_SEEDS) {
      tests.add(DynamicTest.dynamicTest("regression seed " + seed, () -> runGroup(4, "all", seed, 1)));
    }
    long fresh = System.nanoTime() & 0xffff_ffffL;
    tests.add(DynamicTest.dynamicTest("fresh seeds from " + fresh, () -> runGroup(4, "all", fresh, 4)));
    return tests.stream();
  }

  private static void runGroup(int replicas, String group, long firstSeed, int seeds) {
    Simulator simulator = new Simulator(replicas, 3);
    int faults = (replicas - 1) / 3;
    long committed = 0;
    long viewChanges = 0;
    for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
      SimulationResult result = simulator.runSeed(
          SimulationOptions.of(seed, replicas, SeedPlan.strategies(seed, group, faults)));
      if (!result.passed()) {
        fail("seed " + seed + " failed: " + result.violation().orElseThrow()
            + "\n  replay: ./phalanx simulate --seeds 1 --first-seed " + seed + " --replicas "
            + replicas + " --byzantine " + group);
      }
      committed += result.requestsCommitted();
      viewChanges += result.highestView();
    }
    assertTrue(committed > 0, "requests were committed");
    SUMMARY.add(String.format("n=%d %-24s seeds=%d committed=%d viewChanges=%d", replicas, group,
        seeds, committed, viewChanges));
  }

  @AfterAll
  static void writeSummary() throws IOException {
    List<String> lines = new ArrayList<>(SUMMARY);
    Collections.sort(lines);
    Path target = Path.of("target");
    if (Files.isDirectory(target)) {
      Files.write(target.resolve("simulation-summary.txt"), lines, StandardCharsets.UTF_8);
    }
  }
}
