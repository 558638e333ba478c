package io.phalanx.ledger.store;

import io.phalanx.crypto.Bytes;
import java.util.List;
import java.util.Optional;

/**
 * An ordered key-value store with atomic, durable write batches: what the ledger needs from
 * storage. Keys are ordered as unsigned bytes ({@link Bytes#compareTo}).
 *
 * <p>Single-threaded: the ledger's executor thread owns it. Every failure is a
 * {@link LedgerStorageException}.
 */
public interface LedgerStore extends AutoCloseable {

  /** The value of {@code key}, if present. */
  Optional<Bytes> get(Bytes key);

  /**
   * Up to {@code limit} entries with {@code fromInclusive <= key < toExclusive}, in ascending key
   * order, or descending when {@code reversed}.
   */
  List<StoreEntry> scan(Bytes fromInclusive, Bytes toExclusive, boolean reversed, int limit);

  /**
   * Applies every write of {@code batch} atomically and durably (synced before returning): after a
   * crash, either all of them are visible or none.
   */
  void write(WriteBatch batch);

  @Override
  void close();
}
