package io.phalanx.ledger.store;

import io.phalanx.crypto.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts and deletes that a {@link LedgerStore} applies atomically, in order (a later operation
 * on the same key wins). Not thread-safe; build it on one thread and hand it to the store.
 */
public final class WriteBatch {
  /** One write: a put when {@code value} is present, else a delete. */
  public record Write(Bytes key, Optional<Bytes> value) {
    public Write {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }

  private final List<Write> writes = new ArrayList<>();

  public WriteBatch put(Bytes key, Bytes value) {
    writes.add(new Write(key, Optional.of(value)));
    return this;
  }

  public WriteBatch delete(Bytes key) {
    writes.add(new Write(key, Optional.empty()));
    return this;
  }

  /** The writes in the order they were added. */
  public List<Write> writes() {
    return List.copyOf(writes);
  }

  public int size() {
    return writes.size();
  }
}
