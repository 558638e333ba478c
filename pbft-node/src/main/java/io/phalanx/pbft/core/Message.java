package io.phalanx.pbft.core;

/**
 * A replica-to-replica protocol message, decoded and verified at the edge. {@link #replica()} is
 * the replica that signed it (the verifier has checked that it equals the envelope's sender).
 */
public sealed interface Message permits PrePrepare, Prepare, Commit, Checkpoint, ViewChange, NewView {
  int replica();
}
