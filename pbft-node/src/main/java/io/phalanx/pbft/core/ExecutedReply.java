package io.phalanx.pbft.core;

import io.phalanx.crypto.Bytes;
import java.util.Objects;

/**
 * What the executor answered a client in an executed batch: for a new timestamp the result of the
 * operation, for a repeated one the cached result. Requests with older timestamps get none.
 */
public record ExecutedReply(long clientId, long timestamp, Bytes result) {
  public ExecutedReply {
    Objects.requireNonNull(result, "result");
  }
}
