package io.phalanx.node;

import io.phalanx.pbft.core.Replica;

/**
 * A consistent snapshot of the core's state, taken on the consensus thread after each round and
 * read by {@code /status} from any thread.
 */
record ReplicaStatus(int replica, int replicas, long view, boolean viewActive, long lastExecuted,
    long stableCheckpoint, boolean isPrimary) {

  static ReplicaStatus of(Replica core) {
    return new ReplicaStatus(core.self(), core.replicas(), core.view(), core.isViewActive(),
        core.lastExecuted(), core.stableSequence(), core.isPrimary());
  }

  /** The primary of the current view. */
  int primary() {
    return (int) (view % replicas);
  }
}
