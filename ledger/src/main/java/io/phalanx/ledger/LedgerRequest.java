package io.phalanx.ledger;

import io.phalanx.crypto.Bytes;
import java.util.Objects;

/**
 * One ordered client request: {@code <REQUEST, op, t, c>} after the node checked its signature.
 *
 * @param clientId the client (member) id
 * @param timestamp the client's request timestamp t (exactly-once: must grow per client)
 * @param operation a serialised {@code LedgerOperation}, exactly as the client sent it
 */
public record LedgerRequest(long clientId, long timestamp, Bytes operation) {
  public LedgerRequest {
    Objects.requireNonNull(operation, "operation");
  }
}
