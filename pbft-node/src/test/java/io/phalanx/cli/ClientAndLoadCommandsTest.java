package io.phalanx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.cli.load.WorkloadResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Argument parsing of {@code phalanx client} and {@code phalanx load}; no consortium runs here. */
class ClientAndLoadCommandsTest {
  private static final int USAGE = CommandLine.ExitCode.USAGE;

  @TempDir
  Path directory;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine command = PhalanxCommand.commandLine();
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  @Test
  void clientNeedsAConfigAndAnAction() {
    assertEquals(USAGE, run("client", "balance", "--account", "1"));
    assertEquals(USAGE, run("client", "--config", "c.yaml"));
    assertTrue(err.toString().contains("Missing action"), err.toString());
  }

  @Test
  void clientActionsRefuseMissingOrMalformedArguments() {
    assertEquals(USAGE, run("client", "--config", "c.yaml", "transfer", "--from", "1", "--to", "2"));
    assertEquals(USAGE, run("client", "--config", "c.yaml", "transfer", "--from", "1", "--to", "2",
        "--amount", "lots"));
    assertEquals(USAGE, run("client", "--config", "c.yaml", "create-account", "--flags", "bogus"));
    assertEquals(USAGE, run("client", "--config", "c.yaml", "history", "--account", "1",
        "--limit", "0"));
    assertEquals(USAGE, run("client", "--config", "c.yaml", "block", "--height", "0"));
    assertEquals(USAGE, run("client", "--config", "c.yaml", "balance"));
    assertEquals(USAGE, run("client", "--config", "c.yaml", "teleport"));
  }

  @Test
  void aMissingClientConfigIsAConfigurationErrorNamingTheFile() {
    Path missing = directory.resolve("client-9.yaml");

    assertEquals(ClientCalls.CONFIG, run("client", "--config", missing.toString(), "balance",
        "--account", "1"));
    assertTrue(err.toString().contains(missing.toString()), err.toString());
  }

  @Test
  void loadRefusesBadArguments() {
    Path config = directory.resolve("client-1.yaml");
    assertEquals(USAGE, run("load", "--config", config.toString()));
    assertEquals(USAGE, run("load", "--config", config.toString(), "--seconds", "0"));
    assertEquals(USAGE, run("load", "--config", config.toString(), "--seconds", "5",
        "--clients", "0"));
    assertEquals(USAGE, run("load", "--config", directory.resolve("replica-0.yaml").toString(),
        "--seconds", "5"));
    assertTrue(err.toString().contains("client-I.yaml"), err.toString());
  }

  @Test
  void loadNeedsAConfigurationForEveryWorkerAndStillEndsWithTheSummaryLine() {
    Path consortium = directory.resolve("c");
    assertEquals(0, run("init", "--dir", consortium.toString(), "--clients", "3",
        "--base-port", "17500"));

    int exit = run("load", "--config", consortium.resolve("client-2.yaml").toString(),
        "--seconds", "1", "--clients", "3");

    assertEquals(1, exit);
    assertTrue(err.toString().contains("client-4.yaml"), err.toString());
    List<String> lines = out.toString().lines().toList();
    assertEquals("acknowledged=0 missing=0 conserved=false", lines.get(lines.size() - 1));
  }

  @Test
  void theSummaryLineHasExactlyTheAgreedShape() {
    WorkloadResult passed = new WorkloadResult(12, 1, 2, 1, 0, true, 6.0, List.of());
    WorkloadResult failed = new WorkloadResult(12, 1, 2, 1, 3, true, 6.0, List.of("lost"));

    assertEquals("acknowledged=12 missing=0 conserved=true", passed.summaryLine());
    assertTrue(passed.passed());
    assertEquals(false, failed.passed());
  }
}
