package io.phalanx.cli.load;

import io.phalanx.client.Ids;
import io.phalanx.protocol.Transfer;
import io.phalanx.protocol.Uint128;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The workload's own record of what the consortium answered: every acknowledged transfer, every
 * transfer whose outcome is unknown, and counts. Thread-safe: all workers write, the progress
 * line and the final check read.
 */
final class Ledgerbook {
  private static final long TRANSFER_ID_BASE = 1L << 40;

  private final long runId;
  private final AtomicLong nextTransfer = new AtomicLong();
  private final ConcurrentLinkedQueue<Transfer> acknowledged = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Transfer> indeterminate = new ConcurrentLinkedQueue<>();
  private final AtomicLong acknowledgedCount = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicInteger inFlight = new AtomicInteger();

  Ledgerbook(long runId) {
    this.runId = runId;
  }

  /** A transfer id no other transfer of any run is likely to have. */
  Uint128 nextTransferId() {
    return Ids.uint128(runId, TRANSFER_ID_BASE + nextTransfer.incrementAndGet());
  }

  void onSent() {
    inFlight.incrementAndGet();
  }

  void onAcknowledged(Transfer transfer) {
    acknowledged.add(transfer);
    acknowledgedCount.incrementAndGet();
    inFlight.decrementAndGet();
  }

  void onRejected() {
    rejected.incrementAndGet();
    inFlight.decrementAndGet();
  }

  void onIndeterminate(Transfer transfer) {
    indeterminate.add(transfer);
    inFlight.decrementAndGet();
  }

  long acknowledgedCount() {
    return acknowledgedCount.get();
  }

  long rejectedCount() {
    return rejected.get();
  }

  int inFlight() {
    return inFlight.get();
  }

  List<Transfer> acknowledged() {
    return List.copyOf(acknowledged);
  }

  List<Transfer> indeterminate() {
    return List.copyOf(indeterminate);
  }
}
