package io.phalanx.cli.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.cli.PhalanxCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code phalanx client} against the real ledger behind scripted replicas. */
@Timeout(300)
class ClientCommandEndToEndTest {
  @TempDir
  Path directory;

  private StringWriter out;
  private StringWriter err;

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine command = PhalanxCommand.commandLine();
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  @Test
  void accountsTransfersBalancesHistoryAndBlocks() throws Exception {
    Path consortium = directory.resolve("c");
    assertEquals(0, run("init", "--dir", consortium.toString(), "--clients", "2",
        "--base-port", Integer.toString(FreePorts.basePort())));
    String issuer = consortium.resolve("client-1.yaml").toString();
    String member = consortium.resolve("client-2.yaml").toString();
    try (LedgerBackedConsortium running = new LedgerBackedConsortium(consortium)) {
      assertEquals(0, run("client", "--config", issuer, "create-account", "--id", "100",
          "--flags", "issuer"), err.toString());
      assertEquals("account 100: ok", out.toString().strip());
      assertEquals(0, run("client", "--config", member, "create-account", "--id", "200"));
      assertEquals(0, run("client", "--config", issuer, "transfer", "--from", "100", "--to",
          "200", "--amount", "50", "--id", "1"), err.toString());

      assertEquals(1, run("client", "--config", member, "transfer", "--from", "200", "--to",
          "100", "--amount", "51"));
      assertTrue(err.toString().contains("rejected: exceeds_credits"), err.toString());
      assertEquals(1, run("client", "--config", member, "create-account", "--id", "300",
          "--flags", "issuer"));
      assertTrue(err.toString().contains("issuer_role_required"), err.toString());

      assertEquals(0, run("client", "--config", member, "balance", "--account", "200"));
      assertTrue(out.toString().contains("balance 50"), out.toString());
      assertEquals(0, run("client", "--config", member, "history", "--account", "200"));
      assertTrue(out.toString().contains("transfer 1: 50 of asset 1 from 100 to 200"),
          out.toString());
      assertEquals(0, run("client", "--config", member, "block", "--height", "3"), err.toString());
      assertTrue(out.toString().startsWith("block 3:"), out.toString());
      assertEquals(1, run("client", "--config", member, "balance", "--account", "999"));
    }
  }
}
