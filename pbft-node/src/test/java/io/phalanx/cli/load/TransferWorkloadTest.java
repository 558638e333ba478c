package io.phalanx.cli.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.cli.PhalanxCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The workload and {@code phalanx load} against the real ledger behind scripted replicas (no
 * PBFT): set-up must pass the ledger's ownership and issuer rules, and the read-back must find
 * every acknowledged transfer and conserved balances.
 */
@Timeout(300)
class TransferWorkloadTest {
  @TempDir
  Path directory;

  private Path consortium(int basePort) {
    Path consortium = directory.resolve("c");
    CommandLine init = PhalanxCommand.commandLine();
    init.setOut(new PrintWriter(new StringWriter()));
    assertEquals(0, init.execute("init", "--dir", consortium.toString(), "--clients", "4",
        "--base-port", Integer.toString(basePort)));
    return consortium;
  }

  @Test
  void everyAcknowledgedTransferIsFoundAndBalancesAreConserved() throws Exception {
    Path consortium = consortium(FreePorts.basePort());
    List<String> progress = new CopyOnWriteArrayList<>();
    try (LedgerBackedConsortium running = new LedgerBackedConsortium(consortium)) {
      WorkloadResult result = new TransferWorkload(
          WorkloadSettings.of(consortium.resolve("client-1.yaml"), 2, 3, 3, 7), progress::add)
          .run();

      assertTrue(result.acknowledged() > 0, result.toString());
      assertEquals(0, result.missing(), result.toString());
      assertTrue(result.conserved(), result.problems().toString());
      assertEquals(0, result.indeterminate());
    }
    assertTrue(progress.stream().anyMatch(line -> line.contains("tx/s=")), progress.toString());
  }

  @Test
  void acknowledgedTransfersTheLedgerNeverExecutedAreReportedMissing() throws Exception {
    Path consortium = consortium(FreePorts.basePort());
    try (LedgerBackedConsortium running = new LedgerBackedConsortium(consortium)) {
      running.forgetEverySecondTransfer();   // funding is one request of many: it still executes

      WorkloadResult result = new TransferWorkload(
          WorkloadSettings.of(consortium.resolve("client-1.yaml"), 1, 2, 2, 7), line -> { })
          .run();

      assertTrue(result.missing() > 0, result.toString());
      assertEquals(false, result.conserved(), result.toString());
      assertEquals(false, result.passed());
    }
  }

  @Test
  void theLoadCommandsLastLineIsTheSummary() throws Exception {
    Path consortium = consortium(FreePorts.basePort());
    try (LedgerBackedConsortium running = new LedgerBackedConsortium(consortium)) {
      StringWriter out = new StringWriter();
      CommandLine load = PhalanxCommand.commandLine();
      load.setOut(new PrintWriter(out, true));
      load.setErr(new PrintWriter(new StringWriter(), true));

      int exit = load.execute("load", "--config", consortium.resolve("client-2.yaml").toString(),
          "--seconds", "1", "--clients", "2", "--accounts-per-client", "2");

      List<String> lines = out.toString().lines().toList();
      String last = lines.get(lines.size() - 1);
      assertTrue(last.matches("acknowledged=[1-9]\\d* missing=0 conserved=true"), out.toString());
      assertEquals(0, exit);
    }
  }
}
