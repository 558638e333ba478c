package io.phalanx.pbft.sim;

/** How a Byzantine replica misbehaves. It runs the correct core and lies on the way out. */
public enum ByzantineStrategy {
  /** As primary, sends different batches to different backups; colluders vote each side. */
  EQUIVOCATING_PRIMARY,
  /** Says nothing while it is primary. */
  SILENT_PRIMARY,
  /** Sends half the replicas prepares, commits and checkpoints for digests that do not exist. */
  CONFLICTING_VOTES,
  /** Sends envelopes with broken signatures, other replicas' ids, impostor keys and forged client requests. */
  FORGED_SIGNATURES,
  /** Replays old-view messages, and as primary proposes outside the water marks. */
  REPLAY,
  /** Sends view-changes with fabricated certificates and stale checkpoints. */
  FABRICATED_VIEW_CHANGES,
  /** Floods view-changes for many future views. */
  FUTURE_VIEW_FLOOD
}
