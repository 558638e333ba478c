package io.phalanx.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.crypto.Bytes;
import io.phalanx.ledger.store.LevelDbLedgerStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyChainTest {

  static String run(int expectedStatus, String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status = VerifyChain.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String output = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(expectedStatus, status, output);
    return output;
  }

  @Test
  void reportsAValidChainAndTheFirstBadHeight(@TempDir Path directory) {
    Path genesis = directory.resolve("genesis.pb");
    GenesisFile.write(genesis, TestConsortium.genesis());
    Path ledgerDirectory = directory.resolve("ledger");
    try (Ledger ledger = Ledger.open(LevelDbLedgerStore.open(ledgerDirectory),
        TestConsortium.config())) {
      LedgerDriver driver = new LedgerDriver(ledger);
      driver.block(List.of());
      driver.block(List.of());
    }
    assertTrue(run(0, ledgerDirectory.toString(), genesis.toString()).contains("2 blocks"));

    try (Ledger ledger = Ledger.open(LevelDbLedgerStore.open(ledgerDirectory),
        TestConsortium.config())) {
      ledger.applyBatch(new BatchInput(3, 0, 0, io.phalanx.crypto.Digest.zero(), List.of(),
          Bytes.empty()));
    }
    assertTrue(run(1, ledgerDirectory.toString(), genesis.toString())
        .contains("invalid at height 3"));
    run(2, ledgerDirectory.toString());
    run(2, directory.resolve("nothing").toString(), genesis.toString());
  }
}
