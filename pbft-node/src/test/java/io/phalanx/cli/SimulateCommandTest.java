package io.phalanx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulateCommandTest {

  private record Run(int exitCode, List<String> lines) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine commandLine = new CommandLine(new SimulateCommand());
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(new StringWriter()));
    int exitCode = commandLine.execute(args);
    return new Run(exitCode, out.toString().lines().toList());
  }

  @Test
  void passingSeedsEndWithTheSummaryLineAndExitZero() {
    Run run = run("--seeds", "2", "--first-seed", "5", "--byzantine", "silent_primary");
    assertEquals(0, run.exitCode());
    assertEquals("2 passed, 0 failed", run.lines().get(run.lines().size() - 1));
  }

  @Test
  void aFailingSeedPrintsItsReplayCommandAndExitsNonZero() {
    Run run = run("--seeds", "6", "--first-seed", "1", "--byzantine", "EQUIVOCATING_PRIMARY",
        "--byzantine-replicas", "2");
    assertTrue(run.exitCode() != 0);
    String last = run.lines().get(run.lines().size() - 1);
    assertTrue(last.matches("\\d+ passed, [1-9]\\d* failed"), last);
    assertTrue(run.lines().stream().anyMatch(line -> line.contains(
        "./phalanx simulate --seeds 1 --first-seed ")), "a replay command is printed");
  }

  @Test
  void anUnknownStrategyIsAUsageError() {
    assertEquals(2, run("--byzantine", "polite").exitCode());
  }
}
