package io.phalanx.pbft.core;

import io.phalanx.crypto.Bytes;
import java.util.Objects;

/**
 * REPLY(view, timestamp, client, replica, result), plus the sequence the request executed at, and
 * {@code replicaShare}: per-replica bytes outside the matched result (a vault get's re-sealed
 * share), signed with the reply and never read by the core; empty for almost every reply.
 */
public record Reply(long view, long timestamp, long clientId, int replica, Bytes result,
    long sequence, Bytes replicaShare) {
  public Reply {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(replicaShare, "replicaShare");
  }

  /** A reply without per-replica bytes. */
  public Reply(long view, long timestamp, long clientId, int replica, Bytes result,
      long sequence) {
    this(view, timestamp, clientId, replica, result, sequence, Bytes.empty());
  }
}
