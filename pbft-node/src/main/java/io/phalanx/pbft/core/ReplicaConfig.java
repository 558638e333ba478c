package io.phalanx.pbft.core;

import java.util.Objects;

/**
 * A replica's protocol parameters. Times are in ticks of the driver's timer.
 *
 * @param replicas n = 3f+1
 * @param self this replica's index
 * @param checkpointInterval K: a checkpoint every K sequences
 * @param watermarkWindow L: H = h + L, a multiple of K
 * @param batchRequestsMax at most this many requests per batch
 * @param batchBytesMax at most this many request envelope bytes per batch (one request always fits)
 * @param batchDelayTicks a partial batch leaves after its oldest request waited this long
 * @param requestTimeoutTicks a backup starts a view change when a request waits this long
 * @param retransmitTicks own messages for unfinished sequences are resent this often
 * @param ledgerTimeBoundMillis a backup accepts a proposed ledger time within this of its clock
 * @param pendingRequestsMax bound on requests waiting to be ordered (one per client)
 * @param mutation test-only protocol bug, {@link Mutation#NONE} in production
 */
public record ReplicaConfig(int replicas, int self, int checkpointInterval, int watermarkWindow,
    int batchRequestsMax, int batchBytesMax, int batchDelayTicks, int requestTimeoutTicks,
    int retransmitTicks, long ledgerTimeBoundMillis, int pendingRequestsMax, Mutation mutation) {

  public ReplicaConfig {
    Objects.requireNonNull(mutation, "mutation");
    if (replicas < 4 || (replicas - 1) % 3 != 0) {
      throw new IllegalArgumentException("replicas must be 3f+1 with f >= 1: " + replicas);
    }
    if (self < 0 || self >= replicas) {
      throw new IllegalArgumentException("self out of range: " + self);
    }
    if (checkpointInterval < 1 || watermarkWindow < checkpointInterval
        || watermarkWindow % checkpointInterval != 0) {
      throw new IllegalArgumentException("watermarkWindow must be a positive multiple of checkpointInterval");
    }
    if (batchRequestsMax < 1 || batchBytesMax < 1 || batchDelayTicks < 0 || requestTimeoutTicks < 1
        || retransmitTicks < 1 || ledgerTimeBoundMillis < 0 || pendingRequestsMax < 1) {
      throw new IllegalArgumentException("bounds must be positive");
    }
  }

  /** Sensible defaults for {@code replicas} replicas, for one tick of about 10 ms. */
  public static ReplicaConfig defaults(int replicas, int self) {
    return new ReplicaConfig(replicas, self, 8, 16, 16, 256 * 1024, 2, 60, 20, 5_000, 1024,
        Mutation.NONE);
  }

  public ReplicaConfig withSelf(int index) {
    return new ReplicaConfig(replicas, index, checkpointInterval, watermarkWindow, batchRequestsMax,
        batchBytesMax, batchDelayTicks, requestTimeoutTicks, retransmitTicks, ledgerTimeBoundMillis,
        pendingRequestsMax, mutation);
  }

  public ReplicaConfig withBatching(int requestsMax, int bytesMax, int delayTicks) {
    return new ReplicaConfig(replicas, self, checkpointInterval, watermarkWindow, requestsMax,
        bytesMax, delayTicks, requestTimeoutTicks, retransmitTicks, ledgerTimeBoundMillis,
        pendingRequestsMax, mutation);
  }

  public ReplicaConfig withCheckpoints(int interval, int window) {
    return new ReplicaConfig(replicas, self, interval, window, batchRequestsMax,
        batchBytesMax, batchDelayTicks, requestTimeoutTicks, retransmitTicks, ledgerTimeBoundMillis,
        pendingRequestsMax, mutation);
  }

  public ReplicaConfig withMutation(Mutation value) {
    return new ReplicaConfig(replicas, self, checkpointInterval, watermarkWindow, batchRequestsMax,
        batchBytesMax, batchDelayTicks, requestTimeoutTicks, retransmitTicks, ledgerTimeBoundMillis,
        pendingRequestsMax, value);
  }

  /** f: how many Byzantine replicas are tolerated. */
  public int faults() {
    return (replicas - 1) / 3;
  }

  /** Matching prepares from distinct backups that, with the pre-prepare, make a batch prepared. */
  public int prepareQuorum() {
    return mutation == Mutation.ACCEPT_2F_MINUS_1_PREPARES ? 2 * faults() - 1 : 2 * faults();
  }

  /** 2f+1: commits, checkpoints, view-changes. */
  public int quorum() {
    return 2 * faults() + 1;
  }

  /** f+1: enough view-changes for higher views to make a replica join. */
  public int joinQuorum() {
    return faults() + 1;
  }

  public int primary(long view) {
    return (int) (view % replicas);
  }
}
