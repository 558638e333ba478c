package io.phalanx.ledger.state;

import io.phalanx.crypto.Bytes;
import java.util.Objects;

/**
 * A client's row of the exactly-once table: the timestamp of its last executed request and the
 * serialised reply result, resent when the same timestamp arrives again. Replicated state.
 */
public record ClientEntry(long lastTimestamp, Bytes reply) {
  public ClientEntry {
    Objects.requireNonNull(reply, "reply");
  }
}
