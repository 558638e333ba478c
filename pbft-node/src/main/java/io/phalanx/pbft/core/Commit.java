package io.phalanx.pbft.core;

import io.phalanx.crypto.Digest;
import java.util.Objects;

/** COMMIT(view, sequence, batch digest, replica). */
public record Commit(long view, long sequence, Digest batchDigest, int replica) implements Message {
  public Commit {
    Objects.requireNonNull(batchDigest, "batchDigest");
  }
}
