package io.phalanx.cli;

import io.phalanx.pbft.sim.SeedPlan;
import io.phalanx.pbft.sim.SimulationOptions;
import io.phalanx.pbft.sim.SimulationResult;
import io.phalanx.pbft.sim.Simulator;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code phalanx simulate}: runs the deterministic PBFT simulator over a range of seeds, each
 * twice (the traces must hash equal), and prints a replay command for every failing seed. The
 * last line is always {@code N passed, M failed}; the exit code is non-zero when M > 0.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Run the deterministic PBFT simulator over a range of seeds.")
public final class SimulateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--seeds", defaultValue = "100", description = "How many seeds to run (default: ${DEFAULT-VALUE}).")
  long seeds;

  @Option(names = "--first-seed", defaultValue = "1", description = "The first seed (default: ${DEFAULT-VALUE}).")
  long firstSeed;

  @Option(names = "--replicas", defaultValue = "4", description = "n = 3f+1: 4, 7 or 10 (default: ${DEFAULT-VALUE}).")
  int replicas;

  @Option(names = "--byzantine", defaultValue = "all",
      description = "A strategy (EQUIVOCATING_PRIMARY, SILENT_PRIMARY, CONFLICTING_VOTES, FORGED_SIGNATURES, "
          + "REPLAY, FABRICATED_VIEW_CHANGES, FUTURE_VIEW_FLOOD), all (rotating with the seed) or none "
          + "(default: ${DEFAULT-VALUE}).")
  String byzantine;

  @Option(names = "--byzantine-replicas", description = "How many replicas are Byzantine (default: f).")
  Integer byzantineReplicas;

  @Override
  public Integer call() {
    validate();
    int faults = (replicas - 1) / 3;
    int byzantineCount = byzantineReplicas == null ? faults : byzantineReplicas;
    PrintWriter out = spec.commandLine().getOut();
    Simulator simulator = new Simulator(replicas, 3);
    long passed = 0;
    long failed = 0;
    for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
      SimulationResult result = simulator.runSeed(SimulationOptions.of(seed, replicas,
          SeedPlan.strategies(seed, byzantine, byzantineCount)));
      if (result.passed()) {
        passed++;
      } else {
        failed++;
        out.println("seed " + seed + " FAILED: " + result.violation().orElseThrow());
        out.println("  replay: ./phalanx simulate --seeds 1 --first-seed " + seed + " --replicas "
            + replicas + " --byzantine " + byzantine + " --byzantine-replicas " + byzantineCount);
      }
      out.flush();
    }
    out.println(passed + " passed, " + failed + " failed");
    out.flush();
    return failed > 0 ? 1 : 0;
  }

  private void validate() {
    if (replicas != 4 && replicas != 7 && replicas != 10) {
      throw new ParameterException(spec.commandLine(), "--replicas must be 4, 7 or 10");
    }
    if (seeds < 0) {
      throw new ParameterException(spec.commandLine(), "--seeds must not be negative");
    }
    if (!SeedPlan.isValid(byzantine)) {
      throw new ParameterException(spec.commandLine(), "--byzantine: unknown strategy " + byzantine);
    }
    if (byzantineReplicas != null && (byzantineReplicas < 0 || byzantineReplicas >= replicas)) {
      throw new ParameterException(spec.commandLine(), "--byzantine-replicas must be in [0, n)");
    }
  }
}
