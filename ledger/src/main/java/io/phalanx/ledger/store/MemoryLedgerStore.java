package io.phalanx.ledger.store;

import io.phalanx.crypto.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** The in-memory twin of {@link LevelDbLedgerStore}: a {@link TreeMap}, same contract. */
public final class MemoryLedgerStore implements LedgerStore {
  private final TreeMap<Bytes, Bytes> entries = new TreeMap<>();
  private boolean closed;

  @Override
  public Optional<Bytes> get(Bytes key) {
    checkOpen();
    return Optional.ofNullable(entries.get(Objects.requireNonNull(key, "key")));
  }

  @Override
  public List<StoreEntry> scan(Bytes fromInclusive, Bytes toExclusive, boolean reversed,
      int limit) {
    checkOpen();
    if (fromInclusive.compareTo(toExclusive) >= 0 || limit <= 0) {
      return List.of();
    }
    NavigableMap<Bytes, Bytes> range = entries.subMap(fromInclusive, true, toExclusive, false);
    if (reversed) {
      range = range.descendingMap();
    }
    List<StoreEntry> result = new ArrayList<>();
    for (var entry : range.entrySet()) {
      if (result.size() == limit) {
        break;
      }
      result.add(new StoreEntry(entry.getKey(), entry.getValue()));
    }
    return result;
  }

  @Override
  public void write(WriteBatch batch) {
    checkOpen();
    for (WriteBatch.Write write : batch.writes()) {
      if (write.value().isPresent()) {
        entries.put(write.key(), write.value().get());
      } else {
        entries.remove(write.key());
      }
    }
  }

  @Override
  public void close() {
    closed = true;
  }

  private void checkOpen() {
    if (closed) {
      throw new LedgerStorageException("the store is closed");
    }
  }
}
