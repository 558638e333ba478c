package io.phalanx.ledger.state;

import io.phalanx.crypto.Bytes;
import io.phalanx.ledger.store.LedgerStore;
import io.phalanx.ledger.store.StoreEntry;
import io.phalanx.ledger.store.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A block's view of the state: reads go through its own writes to the store below; writes stay
 * in memory until {@link #finish}. Savepoints let a linked chain roll back all of its writes.
 */
final class WorkingState {
  private record Undo(Bytes key, Optional<Bytes> previous, boolean wasWritten) {}

  private final LedgerStore store;
  private final TreeMap<Bytes, Optional<Bytes>> writes = new TreeMap<>();
  private final TreeMap<Bytes, Optional<Bytes>> originals = new TreeMap<>();
  private final List<Undo> undoLog = new ArrayList<>();

  WorkingState(LedgerStore store) {
    this.store = store;
  }

  Optional<Bytes> get(Bytes key) {
    Optional<Bytes> written = writes.get(key);
    return written != null ? written : store.get(key);
  }

  void put(Bytes key, Bytes value) {
    write(key, Optional.of(value));
  }

  void delete(Bytes key) {
    write(key, Optional.empty());
  }

  private void write(Bytes key, Optional<Bytes> value) {
    if (key.length() == 0 || key.byteAt(0) != StateKeys.STATE_PREFIX) {
      throw new IllegalArgumentException("not a state key: " + key);
    }
    Optional<Bytes> previous = writes.get(key);
    if (previous == null && !originals.containsKey(key)) {
      originals.put(key, store.get(key));
    }
    undoLog.add(new Undo(key, previous == null ? Optional.empty() : previous, previous != null));
    writes.put(key, value);
  }

  /** A mark to {@link #rollback} to. */
  int savepoint() {
    return undoLog.size();
  }

  /** Undoes every write made since {@code savepoint}. */
  void rollback(int savepoint) {
    for (int i = undoLog.size() - 1; i >= savepoint; i--) {
      Undo undo = undoLog.remove(i);
      if (undo.wasWritten()) {
        writes.put(undo.key(), undo.previous());
      } else {
        writes.remove(undo.key());
      }
    }
  }

  /** Like {@link LedgerStore#scan}, over the store as changed by this block's writes. */
  List<StoreEntry> scan(Bytes from, Bytes to, boolean reversed, int limit) {
    NavigableMap<Bytes, Optional<Bytes>> overlay = writes.subMap(from, true, to, false);
    int deletes = 0;
    for (Optional<Bytes> value : overlay.values()) {
      deletes += value.isEmpty() ? 1 : 0;
    }
    int fetch = limit + deletes;
    List<StoreEntry> stored = store.scan(from, to, reversed, fetch);
    TreeMap<Bytes, Bytes> merged = new TreeMap<>();
    for (StoreEntry entry : stored) {
      merged.put(entry.key(), entry.value());
    }
    for (Map.Entry<Bytes, Optional<Bytes>> write : overlay.entrySet()) {
      if (write.getValue().isPresent()) {
        merged.put(write.getKey(), write.getValue().get());
      } else {
        merged.remove(write.getKey());
      }
    }
    NavigableMap<Bytes, Bytes> ordered = reversed ? merged.descendingMap() : merged;
    if (stored.size() == fetch && !stored.isEmpty()) {
      Bytes boundary = stored.get(stored.size() - 1).key();
      ordered = reversed ? ordered.headMap(boundary, true) : ordered.headMap(boundary, true);
    }
    List<StoreEntry> result = new ArrayList<>();
    for (Map.Entry<Bytes, Bytes> entry : ordered.entrySet()) {
      if (result.size() == limit) {
        break;
      }
      result.add(new StoreEntry(entry.getKey(), entry.getValue()));
    }
    return result;
  }

  /** The block's net writes, with {@code accumulator} advanced over them (it is changed). */
  StateChanges finish(StateDigestAccumulator accumulator) {
    WriteBatch batch = new WriteBatch();
    int changed = 0;
    for (Map.Entry<Bytes, Optional<Bytes>> write : writes.entrySet()) {
      Optional<Bytes> before = originals.get(write.getKey());
      Optional<Bytes> after = write.getValue();
      if (before.equals(after)) {
        continue;
      }
      before.ifPresent(value -> accumulator.remove(write.getKey(), value));
      after.ifPresent(value -> accumulator.add(write.getKey(), value));
      if (after.isPresent()) {
        batch.put(write.getKey(), after.get());
      } else {
        batch.delete(write.getKey());
      }
      changed++;
    }
    return new StateChanges(batch, accumulator.digest(), accumulator, changed);
  }
}
