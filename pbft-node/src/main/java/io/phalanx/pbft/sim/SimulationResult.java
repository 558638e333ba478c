package io.phalanx.pbft.sim;

import io.phalanx.crypto.Digest;
import java.util.Optional;

/**
 * The outcome of one run.
 *
 * @param violation the first safety or liveness violation, if any
 * @param traceHash SHA-256 over every event in order: equal runs have equal hashes
 * @param requestsCommitted client requests executed in the agreed order
 * @param highestView the highest view any correct replica reached (view changes in the run)
 */
public record SimulationResult(long seed, Optional<String> violation, Digest traceHash,
    long requestsCommitted, long highestView, long rejectedEnvelopes, long endMillis) {

  public boolean passed() {
    return violation.isEmpty();
  }
}
