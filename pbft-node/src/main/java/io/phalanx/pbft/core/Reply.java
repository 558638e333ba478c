package io.phalanx.pbft.core;

import io.phalanx.crypto.Bytes;
import java.util.Objects;

/** REPLY(view, timestamp, client, replica, result), plus the sequence the request executed at. */
public record Reply(long view, long timestamp, long clientId, int replica, Bytes result, long sequence) {
  public Reply {
    Objects.requireNonNull(result, "result");
  }
}
