package io.phalanx.pbft.core;

import io.phalanx.crypto.Digest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checkpoint votes above the stable checkpoint, this replica's own checkpoints, and the stable
 * checkpoint with its proof. Each replica keeps at most {@link #votesPerReplicaMax} votes here.
 */
final class CheckpointTracker {
  private final ReplicaConfig config;
  private final int votesPerReplicaMax;
  private final TreeMap<Long, TreeMap<Integer, SignedMessage>> votes = new TreeMap<>();
  private final TreeMap<Long, SignedMessage> own = new TreeMap<>();
  private final TreeMap<Long, Long> ownRecords = new TreeMap<>();
  private long stableSequence;
  private Digest stableDigest = Digest.zero();
  private List<SignedMessage> stableProof = List.of();

  CheckpointTracker(ReplicaConfig config) {
    this.config = config;
    this.votesPerReplicaMax = config.watermarkWindow() / config.checkpointInterval() + 2;
  }

  long stableSequence() {
    return stableSequence;
  }

  Digest stableDigest() {
    return stableDigest;
  }

  List<SignedMessage> stableProof() {
    return stableProof;
  }

  Optional<SignedMessage> latestOwn() {
    return own.isEmpty() ? Optional.empty() : Optional.of(own.lastEntry().getValue());
  }

  Optional<SignedMessage> ownAt(long sequence) {
    return Optional.ofNullable(own.get(sequence));
  }

  /** This replica's own checkpoint and the id of the record it must wait for before sending. */
  void recordOwn(SignedMessage checkpoint, long recordId) {
    long sequence = checkpoint.as(Checkpoint.class).sequence();
    own.put(sequence, checkpoint);
    ownRecords.put(sequence, recordId);
  }

  long ownRecord(long sequence) {
    return ownRecords.getOrDefault(sequence, Long.MAX_VALUE);
  }

  /** Adds a vote; returns the new stable checkpoint if this vote made one. */
  Optional<LogRecord.StableCheckpoint> add(SignedMessage signed) {
    Checkpoint checkpoint = signed.as(Checkpoint.class);
    if (checkpoint.sequence() <= stableSequence) {
      return Optional.empty();
    }
    TreeMap<Integer, SignedMessage> atSequence =
        votes.computeIfAbsent(checkpoint.sequence(), sequence -> new TreeMap<>());
    atSequence.putIfAbsent(checkpoint.replica(), signed);
    dropExcessVotesOf(checkpoint.replica());
    List<SignedMessage> proof = new ArrayList<>();
    for (SignedMessage vote : atSequence.values()) {
      if (vote.as(Checkpoint.class).stateDigest().equals(checkpoint.stateDigest())) {
        proof.add(vote);
      }
    }
    if (proof.size() < config.quorum()) {
      return Optional.empty();
    }
    return Optional.of(new LogRecord.StableCheckpoint(checkpoint.sequence(),
        checkpoint.stateDigest(), proof.subList(0, config.quorum())));
  }

  /** How many distinct replicas sent a checkpoint vote for a sequence above {@code sequence}. */
  int replicasAbove(long sequence) {
    java.util.TreeSet<Integer> replicas = new java.util.TreeSet<>();
    for (TreeMap<Integer, SignedMessage> atSequence : votes.tailMap(sequence, false).values()) {
      replicas.addAll(atSequence.keySet());
    }
    return replicas.size();
  }

  private void dropExcessVotesOf(int replica) {
    List<Long> sequences = new ArrayList<>();
    for (Map.Entry<Long, TreeMap<Integer, SignedMessage>> entry : votes.entrySet()) {
      if (entry.getValue().containsKey(replica)) {
        sequences.add(entry.getKey());
      }
    }
    for (int i = 0; i < sequences.size() - votesPerReplicaMax; i++) {
      TreeMap<Integer, SignedMessage> atSequence = votes.get(sequences.get(i));
      atSequence.remove(replica);
      if (atSequence.isEmpty()) {
        votes.remove(sequences.get(i));
      }
    }
  }

  void enterStable(LogRecord.StableCheckpoint stable) {
    stableSequence = stable.sequence();
    stableDigest = stable.stateDigest();
    stableProof = stable.proof();
    votes.headMap(stableSequence, true).clear();
    own.headMap(stableSequence, false).clear();
    ownRecords.headMap(stableSequence, false).clear();
  }
}
