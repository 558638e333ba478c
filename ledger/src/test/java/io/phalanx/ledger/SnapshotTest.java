package io.phalanx.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.ledger.store.LevelDbLedgerStore;
import io.phalanx.ledger.store.MemoryLedgerStore;
import io.phalanx.protocol.BlockHeader;
import io.phalanx.protocol.LedgerSnapshot;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTest {
  final Workload workload = new Workload(11, 4, 6);
  Ledger source;

  @BeforeEach
  void run40Blocks() {
    source = Ledger.open(new MemoryLedgerStore(), TestConsortium.config());
    for (long sequence = 1; sequence <= 40; sequence++) {
      source.applyBatch(workload.batch(sequence));
    }
  }

  @Test
  void anImportedSnapshotContinuesTheChainLikeTheSource(@TempDir Path directory)
      throws Exception {
    try (Ledger target = Ledger.open(LevelDbLedgerStore.open(directory),
        TestConsortium.config())) {
      target.importSnapshot(source.exportSnapshot(), source.stateDigest());

      assertEquals(source.stateDigest(), target.stateDigest());
      assertEquals(40, target.lastExecutedSequence());
      assertEquals(source.lastBlockHash(), target.lastBlockHash());
      assertEquals(source.exportSnapshot(), target.exportSnapshot());
      for (long sequence = 41; sequence <= 60; sequence++) {
        assertEquals(source.applyBatch(workload.batch(sequence)),
            target.applyBatch(workload.batch(sequence)), "block " + sequence);
      }
    }
  }

  @Test
  void aTamperedEntryIsRejectedAndChangesNothing() throws Exception {
    LedgerSnapshot snapshot = LedgerSnapshot.parseFrom(source.exportSnapshot().toByteArray());
    int last = snapshot.getEntriesCount() / 2;
    ByteString value = snapshot.getEntries(last).getValue();
    byte[] changed = value.toByteArray();
    changed[changed.length - 1] ^= 1;
    Bytes tampered = Bytes.wrapOwned(snapshot.toBuilder().setEntries(last,
        snapshot.getEntries(last).toBuilder().setValue(ByteString.copyFrom(changed)))
        .build().toByteArray());
    Ledger target = Ledger.open(new MemoryLedgerStore(), TestConsortium.config());
    Digest before = target.stateDigest();

    assertThrows(SnapshotRejectedException.class,
        () -> target.importSnapshot(tampered, source.stateDigest()));
    assertEquals(before, target.stateDigest());
    assertEquals(0, target.lastExecutedSequence());
  }

  @Test
  void theWrongDigestOrGarbageIsRejected() {
    Ledger target = Ledger.open(new MemoryLedgerStore(), TestConsortium.config());

    assertThrows(SnapshotRejectedException.class,
        () -> target.importSnapshot(source.exportSnapshot(), target.stateDigest()));
    assertThrows(SnapshotRejectedException.class,
        () -> target.importSnapshot(Bytes.wrapOwned(new byte[] {0x0a, 0x7f}),
            source.stateDigest()));
  }

  @Test
  void aHeaderForAnotherStateIsRejected() throws Exception {
    LedgerSnapshot snapshot = LedgerSnapshot.parseFrom(source.exportSnapshot().toByteArray());
    BlockHeader header = BlockHeader.parseFrom(snapshot.getLastHeader());
    Bytes otherHeader = Bytes.wrapOwned(snapshot.toBuilder().setLastHeader(header.toBuilder()
        .setStateDigest(ByteString.copyFrom(new byte[32])).build().toByteString())
        .build().toByteArray());
    Ledger target = Ledger.open(new MemoryLedgerStore(), TestConsortium.config());

    assertThrows(SnapshotRejectedException.class,
        () -> target.importSnapshot(otherHeader, source.stateDigest()));
  }
}
