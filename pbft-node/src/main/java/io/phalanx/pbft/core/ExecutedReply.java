package io.phalanx.pbft.core;

import io.phalanx.crypto.Bytes;
import java.util.Objects;

/**
 * What the executor answered a client in an executed batch: for a new timestamp the result of the
 * operation, for a repeated one the cached result. Requests with older timestamps get none.
 * {@code replicaShare} is this replica's own addition outside the result (see {@link Reply}),
 * carried into the signed reply as is.
 */
public record ExecutedReply(long clientId, long timestamp, Bytes result, Bytes replicaShare) {
  public ExecutedReply {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(replicaShare, "replicaShare");
  }

  public ExecutedReply(long clientId, long timestamp, Bytes result) {
    this(clientId, timestamp, result, Bytes.empty());
  }
}
