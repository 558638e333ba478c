package io.phalanx.pbft.core;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import java.util.List;
import java.util.SortedMap;

/**
 * What a new-view must contain, computed from V alone: min-s with its checkpoint proof, max-s,
 * and for every sequence in (min-s, max-s] the batch to re-propose (a null batch for gaps).
 */
record NewViewPlan(long minSequence, Digest minStateDigest, List<SignedMessage> minProof,
    long maxSequence, SortedMap<Long, Entry> entries) {

  record Entry(long sequence, Digest batchDigest, Bytes batchBytes, Batch batch) {}
}
