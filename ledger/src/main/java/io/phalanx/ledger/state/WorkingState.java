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
 * A block's view of the state: reads go through its own writes to the store below (which does
 * not change during the block, so reads are cached); writes stay in memory until
 * {@link #finish}. Savepoints let a linked chain roll back all of its writes.
 */
final class WorkingState {
  /** What the block knows about one key: its value before the block, and after its writes. */
  private static final class Slot {
    /** The value in the store before the block; null until read. */
    Optional<Bytes> original;
    /** The value this block wrote; null if it wrote none. */
    Optional<Bytes> current;

    Optional<Bytes> visible() {
      return current != null ? current : original;
    }
  }

  private record Undo(Slot slot, Optional<Bytes> previous) {}

  private final LedgerStore store;
  private final TreeMap<Bytes, Slot> slots = new TreeMap<>();
  private final List<Undo> undoLog = new ArrayList<>();

  WorkingState(LedgerStore store) {
    this.store = store;
  }

  Optional<Bytes> get(Bytes key) {
    Slot slot = slots.get(key);
    if (slot == null) {
      slot = new Slot();
      slots.put(key, slot);
    }
    if (slot.current == null && slot.original == null) {
      slot.original = store.get(key);
    }
    return slot.visible();
  }

  void put(Bytes key, Bytes value) {
    write(key, Optional.of(value), false);
  }

  /**
   * Puts a key that cannot exist before this block because it embeds a timestamp or id created
   * in this block (timestamps are unique and grow across blocks); saves reading the store.
   */
  void putFresh(Bytes key, Bytes value) {
    write(key, Optional.of(value), true);
  }

  void delete(Bytes key) {
    write(key, Optional.empty(), false);
  }

  private void write(Bytes key, Optional<Bytes> value, boolean fresh) {
    if (key.length() == 0 || key.byteAt(0) != StateKeys.STATE_PREFIX) {
      throw new IllegalArgumentException("not a state key: " + key);
    }
    Slot slot = slots.get(key);
    if (slot == null) {
      slot = new Slot();
      slots.put(key, slot);
    }
    if (slot.original == null) {
      slot.original = fresh ? Optional.empty() : store.get(key);
    }
    undoLog.add(new Undo(slot, slot.current));
    slot.current = value;
  }

  /** A mark to {@link #rollback} to. */
  int savepoint() {
    return undoLog.size();
  }

  /** Undoes every write made since {@code savepoint}. */
  void rollback(int savepoint) {
    for (int i = undoLog.size() - 1; i >= savepoint; i--) {
      Undo undo = undoLog.remove(i);
      undo.slot().current = undo.previous();
    }
  }

  /** Like {@link LedgerStore#scan}, over the store as changed by this block's writes. */
  List<StoreEntry> scan(Bytes from, Bytes to, boolean reversed, int limit) {
    NavigableMap<Bytes, Slot> overlay = slots.subMap(from, true, to, false);
    int deletes = 0;
    for (Slot slot : overlay.values()) {
      deletes += slot.current != null && slot.current.isEmpty() ? 1 : 0;
    }
    int fetch = limit + deletes;
    List<StoreEntry> stored = store.scan(from, to, reversed, fetch);
    TreeMap<Bytes, Bytes> merged = new TreeMap<>();
    for (StoreEntry entry : stored) {
      merged.put(entry.key(), entry.value());
    }
    for (Map.Entry<Bytes, Slot> write : overlay.entrySet()) {
      Optional<Bytes> current = write.getValue().current;
      if (current != null && current.isPresent()) {
        merged.put(write.getKey(), current.get());
      } else if (current != null) {
        merged.remove(write.getKey());
      }
    }
    NavigableMap<Bytes, Bytes> ordered = reversed ? merged.descendingMap() : merged;
    if (stored.size() == fetch && !stored.isEmpty()) {
      // The store had more: only keys up to the last one it returned are known to be complete.
      ordered = ordered.headMap(stored.get(stored.size() - 1).key(), true);
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
    for (Map.Entry<Bytes, Slot> entry : slots.entrySet()) {
      Slot slot = entry.getValue();
      if (slot.current == null || slot.current.equals(slot.original)) {
        continue;
      }
      Bytes key = entry.getKey();
      slot.original.ifPresent(value -> accumulator.remove(key, value));
      if (slot.current.isPresent()) {
        accumulator.add(key, slot.current.get());
        batch.put(key, slot.current.get());
      } else {
        batch.delete(key);
      }
      changed++;
    }
    return new StateChanges(batch, accumulator.digest(), accumulator, changed);
  }
}
