package io.phalanx.client;

import io.phalanx.crypto.Bytes;
import java.util.BitSet;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Collects replicas' replies to one request until enough of them match. A reply is counted once
 * per replica (the first one it sends for this request wins, so a lying replica cannot vote
 * twice), and replies match when their result bytes are equal: the view a replica reports may
 * differ across a view change, the result may not.
 *
 * <p>An ordered request needs f+1 matching replies (at least one from a correct replica); a
 * read-only query answered without ordering needs 2f+1. Not thread-safe: the SDK confines each
 * quorum to the request's lock.
 */
final class ReplyQuorum {
  private final int replicas;
  private final int needed;
  private final BitSet replied = new BitSet();
  private final Map<Bytes, BitSet> votesByResult = new TreeMap<>();

  private ReplyQuorum(int replicas, int needed) {
    this.replicas = replicas;
    this.needed = needed;
  }

  /** f+1 matching replies out of n = 3f+1. */
  static ReplyQuorum ordered(int replicas) {
    return new ReplyQuorum(replicas, faults(replicas) + 1);
  }

  /** 2f+1 matching replies out of n = 3f+1. */
  static ReplyQuorum readOnly(int replicas) {
    return new ReplyQuorum(replicas, 2 * faults(replicas) + 1);
  }

  static int faults(int replicas) {
    if (replicas < 1) {
      throw new IllegalArgumentException("replicas must be positive, got " + replicas);
    }
    return (replicas - 1) / 3;
  }

  /**
   * Counts {@code result} from {@code replica}.
   *
   * @return the result once {@link #needed()} replicas sent exactly it, else empty
   */
  Optional<Bytes> add(int replica, Bytes result) {
    if (replica < 0 || replica >= replicas) {
      throw new IllegalArgumentException("no replica " + replica + " among " + replicas);
    }
    if (!replied.get(replica)) {
      replied.set(replica);
      votesByResult.computeIfAbsent(result, ignored -> new BitSet()).set(replica);
    }
    return decided();
  }

  Optional<Bytes> decided() {
    for (Map.Entry<Bytes, BitSet> entry : votesByResult.entrySet()) {
      if (entry.getValue().cardinality() >= needed) {
        return Optional.of(entry.getKey());
      }
    }
    return Optional.empty();
  }

  /**
   * True when no result can reach the quorum any more, even if every silent replica answers it:
   * the replicas disagree (a read-only query then falls back to ordered execution).
   */
  boolean isImpossible() {
    int silent = replicas - replied.cardinality();
    int best = 0;
    for (BitSet votes : votesByResult.values()) {
      best = Math.max(best, votes.cardinality());
    }
    return best + silent < needed;
  }

  int needed() {
    return needed;
  }

  int replies() {
    return replied.cardinality();
  }
}
