package io.phalanx.ledger.state;

import io.phalanx.crypto.Digest;
import io.phalanx.ledger.store.WriteBatch;
import java.util.Objects;

/**
 * What a block did to the state: the writes (state keys only), the new digest and the
 * accumulator that produced it.
 */
public record StateChanges(WriteBatch writes, Digest stateDigest,
    StateDigestAccumulator accumulator, int changedEntries) {
  public StateChanges {
    Objects.requireNonNull(writes, "writes");
    Objects.requireNonNull(stateDigest, "stateDigest");
    Objects.requireNonNull(accumulator, "accumulator");
  }
}
