package io.phalanx.ledger.state;

import static io.phalanx.ledger.TestConsortium.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.crypto.Bytes;
import io.phalanx.ledger.store.LedgerStore;
import io.phalanx.ledger.store.MemoryLedgerStore;
import io.phalanx.ledger.store.StoreEntry;
import io.phalanx.ledger.store.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A block's digest update touches what the block changed, never the whole state. */
class IncrementalDigestTest {

  /** Counts how many entries the state machine reads from the store. */
  static final class CountingStore implements LedgerStore {
    final MemoryLedgerStore delegate = new MemoryLedgerStore();
    long entriesRead;

    @Override
    public Optional<Bytes> get(Bytes key) {
      entriesRead++;
      return delegate.get(key);
    }

    @Override
    public List<StoreEntry> scan(Bytes from, Bytes to, boolean reversed, int limit) {
      List<StoreEntry> entries = delegate.scan(from, to, reversed, limit);
      entriesRead += 1 + entries.size();
      return entries;
    }

    @Override
    public void write(WriteBatch batch) {
      delegate.write(batch);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  @Test
  void aBlockReadsAndRewritesOnlyWhatItTouchesWhateverTheStateSize() {
    CountingStore store = new CountingStore();
    StateHarness harness = new StateHarness(store);
    List<Account> accounts = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      accounts.add(Account.create(Uint128.of(1 + i), ALICE, 1, 1, 0));
    }
    harness.accounts(ALICE, accounts.toArray(Account[]::new));
    long before = store.entriesRead;

    harness.block(execution -> null);
    long emptyBlockReads = store.entriesRead - before;
    before = store.entriesRead;
    assertEquals(List.of(ResultCode.EXISTS), harness.accounts(ALICE, accounts.get(7)));
    long oneEventReads = store.entriesRead - before;

    assertTrue(emptyBlockReads <= 5, "an empty block read " + emptyBlockReads + " entries");
    assertTrue(oneEventReads <= 10, "a one-event block read " + oneEventReads + " entries");
  }

  @Test
  void anEmptyBlockChangesOnlyTheSequenceAndTheTime() {
    StateHarness harness = new StateHarness();
    harness.accounts(ALICE, Account.create(Uint128.of(1), ALICE, 1, 1, 0));
    BlockExecution execution = BlockExecution.begin(harness.store, harness.rules, 2,
        harness.timeMillis() + 10, 0);

    assertEquals(2, execution.finish(new StateDigestAccumulator()).changedEntries());
  }
}
