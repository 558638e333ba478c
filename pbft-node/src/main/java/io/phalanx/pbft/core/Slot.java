package io.phalanx.pbft.core;

import io.phalanx.crypto.Digest;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The protocol state of one sequence number in the current view. */
final class Slot {
  final long sequence;
  SignedMessage prePrepare;
  long prePrepareRecord = -1;
  final TreeMap<Integer, SignedMessage> prepares = new TreeMap<>();
  final TreeMap<Integer, SignedMessage> commits = new TreeMap<>();
  SignedMessage ownPrepare;
  long ownPrepareRecord = -1;
  SignedMessage ownCommit;
  long ownCommitRecord = -1;
  boolean prepared;
  boolean committed;

  /** When this replica last answered each lagging peer for this sequence. */
  private final TreeMap<Integer, Long> answeredTick = new TreeMap<>();

  Slot(long sequence) {
    this.sequence = sequence;
  }

  /** At most one answer per peer per retransmission period, so two replicas never ping-pong. */
  boolean mayAnswer(int replica, long tick, int periodTicks) {
    Long last = answeredTick.get(replica);
    if (last != null && tick - last < periodTicks) {
      return false;
    }
    answeredTick.put(replica, tick);
    return true;
  }

  boolean hasPrePrepare() {
    return prePrepare != null;
  }

  PrePrepare prePrepareMessage() {
    return prePrepare.as(PrePrepare.class);
  }

  Digest digest() {
    return prePrepareMessage().batchDigest();
  }

  /** Envelopes of prepares matching the pre-prepare, from replicas other than {@code primary}. */
  List<SignedMessage> matchingPrepares(int primary) {
    List<SignedMessage> matching = new ArrayList<>();
    for (SignedMessage signed : prepares.values()) {
      Prepare prepare = signed.as(Prepare.class);
      if (prepare.replica() != primary && prepare.batchDigest().equals(digest())) {
        matching.add(signed);
      }
    }
    return matching;
  }

  /** Envelopes of commits matching the pre-prepare's digest, in replica order. */
  List<io.phalanx.crypto.Bytes> matchingCommitEnvelopes() {
    List<io.phalanx.crypto.Bytes> matching = new ArrayList<>();
    for (SignedMessage signed : commits.values()) {
      if (signed.as(Commit.class).batchDigest().equals(digest())) {
        matching.add(signed.envelope());
      }
    }
    return matching;
  }

  int matchingCommitCount() {
    int count = 0;
    for (SignedMessage signed : commits.values()) {
      if (signed.as(Commit.class).batchDigest().equals(digest())) {
        count++;
      }
    }
    return count;
  }
}
