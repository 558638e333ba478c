package io.phalanx.pbft.core;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import java.util.Objects;

/**
 * PRE-PREPARE(view, sequence, batch digest, batch) from the primary of {@code view}.
 * {@code batchBytes} are the exact wire bytes whose SHA-256 is {@code batchDigest}; {@code batch}
 * is their decoded form.
 */
public record PrePrepare(long view, long sequence, Digest batchDigest, Bytes batchBytes, Batch batch,
    int replica) implements Message {
  public PrePrepare {
    Objects.requireNonNull(batchDigest, "batchDigest");
    Objects.requireNonNull(batchBytes, "batchBytes");
    Objects.requireNonNull(batch, "batch");
  }
}
