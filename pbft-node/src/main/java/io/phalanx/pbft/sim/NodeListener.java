package io.phalanx.pbft.sim;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.pbft.core.Batch;

/** Where a {@link SimNode} sends what leaves it: the simulator or a test harness. */
interface NodeListener {
  /** {@code to} is a replica index, or -1 for every other replica. */
  void send(SimNode from, int to, Bytes envelope);

  /** A verified replica message reached {@code node} (before the core sees it). */
  default void delivered(SimNode node, io.phalanx.pbft.core.SignedMessage message) {}

  void reply(SimNode from, long clientId, Bytes envelope);

  /** Records were handed to the disk; call {@link SimNode#completePersist} when durable. */
  void persistRequested(SimNode node, long upToRecordId);

  void fetchState(SimNode node, long sequence, Digest stateDigest);

  void executed(SimNode node, long sequence, Digest batchDigest, Batch batch,
      ReferenceApplication.Outcome outcome);

  void trace(SimNode node, String event);
}
