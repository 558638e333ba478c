package io.phalanx.pbft.core;

import io.phalanx.crypto.Digest;
import java.util.Objects;

/** CHECKPOINT(sequence, state digest, replica): the state after executing {@code sequence}. */
public record Checkpoint(long sequence, Digest stateDigest, int replica) implements Message {
  public Checkpoint {
    Objects.requireNonNull(stateDigest, "stateDigest");
  }
}
