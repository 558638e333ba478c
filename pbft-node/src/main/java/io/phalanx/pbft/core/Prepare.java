package io.phalanx.pbft.core;

import io.phalanx.crypto.Digest;
import java.util.Objects;

/** PREPARE(view, sequence, batch digest, replica). */
public record Prepare(long view, long sequence, Digest batchDigest, int replica) implements Message {
  public Prepare {
    Objects.requireNonNull(batchDigest, "batchDigest");
  }
}
