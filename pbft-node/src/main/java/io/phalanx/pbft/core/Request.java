package io.phalanx.pbft.core;

import io.phalanx.crypto.Bytes;
import java.util.Objects;

/** REQUEST(operation, timestamp, client): the operation is opaque to the core. */
public record Request(long clientId, long timestamp, boolean readOnly, Bytes operation) {
  public Request {
    Objects.requireNonNull(operation, "operation");
  }
}
