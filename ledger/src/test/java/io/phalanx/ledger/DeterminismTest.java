package io.phalanx.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.ledger.store.LevelDbLedgerStore;
import io.phalanx.ledger.store.MemoryLedgerStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same batches give byte-identical blocks, results and digests on every store. */
class DeterminismTest {

  @Test
  void memoryAndLevelDbAgreeAfterEveryBlock(@TempDir Path directory) {
    Workload workload = new Workload(42, 6, 8);
    try (Ledger memory = Ledger.open(new MemoryLedgerStore(), TestConsortium.config());
        Ledger other = Ledger.open(new MemoryLedgerStore(), TestConsortium.config());
        Ledger disk = Ledger.open(LevelDbLedgerStore.open(directory), TestConsortium.config())) {
      assertEquals(memory.stateDigest(), disk.stateDigest());
      for (long sequence = 1; sequence <= 120; sequence++) {
        BatchInput batch = workload.batch(sequence);
        BlockOutcome a = memory.applyBatch(batch);
        BlockOutcome b = other.applyBatch(batch);
        BlockOutcome c = disk.applyBatch(batch);
        assertEquals(a, b, "block " + sequence);
        assertEquals(a, c, "block " + sequence);
        assertEquals(memory.block(sequence), disk.block(sequence));
      }
      assertEquals(memory.exportSnapshot(), disk.exportSnapshot());
    }
  }

  @Test
  void everyBlockGivesANewDigestAndAVerifiableChain() {
    MemoryLedgerStore store = new MemoryLedgerStore();
    Ledger ledger = Ledger.open(store, TestConsortium.config());
    Workload workload = new Workload(7, 4, 6);
    java.util.Set<io.phalanx.crypto.Digest> digests = new java.util.TreeSet<>();
    for (long sequence = 1; sequence <= 30; sequence++) {
      digests.add(ledger.applyBatch(workload.batch(sequence)).stateDigest());
    }
    assertEquals(30, digests.size(), "every block changes at least the last sequence");
    ChainReport report = ChainVerifier.verify(store, TestConsortium.config());
    assertTrue(report.isValid(), report.reason());
  }
}
