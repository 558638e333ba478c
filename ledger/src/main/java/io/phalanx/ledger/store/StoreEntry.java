package io.phalanx.ledger.store;

import io.phalanx.crypto.Bytes;
import java.util.Objects;

/** A key and its value in a {@link LedgerStore}. */
public record StoreEntry(Bytes key, Bytes value) {
  public StoreEntry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
