package io.phalanx.pbft.core;

import java.util.List;

/**
 * VIEW-CHANGE(new view, s, C, P, replica): s is the sender's stable checkpoint, C its proof (2f+1
 * signed checkpoints, empty for the genesis checkpoint 0), P one prepared certificate per sequence
 * above s that prepared at the sender.
 */
public record ViewChange(long newView, long stableSequence, List<SignedMessage> checkpointProof,
    List<PreparedCertificate> prepared, int replica) implements Message {
  public ViewChange {
    checkpointProof = List.copyOf(checkpointProof);
    prepared = List.copyOf(prepared);
  }
}
