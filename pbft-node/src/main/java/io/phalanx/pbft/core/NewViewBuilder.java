package io.phalanx.pbft.core;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.crypto.Sha256;
import java.util.List;
import java.util.TreeMap;

/**
 * Computes O from V: the new primary uses it to build a new-view, every backup uses it to check
 * one. Pure and deterministic, so both sides get the same answer from the same V.
 */
final class NewViewBuilder {
  private final ReplicaConfig config;
  private final CertificateRules rules;
  private final Bytes nullBatchBytes;
  private final Digest nullBatchDigest;

  NewViewBuilder(ReplicaConfig config, CertificateRules rules, Bytes nullBatchBytes) {
    this.config = config;
    this.rules = rules;
    this.nullBatchBytes = nullBatchBytes;
    this.nullBatchDigest = Sha256.hash(nullBatchBytes);
  }

  /** V must already be valid view-changes (see {@link CertificateRules#isValid(ViewChange)}). */
  NewViewPlan plan(List<ViewChange> viewChanges) {
    ViewChange highest = viewChanges.get(0);
    for (ViewChange viewChange : viewChanges) {
      if (viewChange.stableSequence() > highest.stableSequence()) {
        highest = viewChange;
      }
    }
    long minSequence = highest.stableSequence();
    Digest minDigest = rules.checkpointProofDigest(minSequence, highest.checkpointProof())
        .orElseThrow(() -> new IllegalStateException("plan over an invalid view-change"));
    TreeMap<Long, PreparedCertificate> chosen = highestViewCertificates(viewChanges, minSequence);
    long maxSequence = chosen.isEmpty() ? minSequence : Math.max(minSequence, chosen.lastKey());
    TreeMap<Long, NewViewPlan.Entry> entries = new TreeMap<>();
    for (long sequence = minSequence + 1; sequence <= maxSequence; sequence++) {
      PreparedCertificate certificate = chosen.get(sequence);
      if (certificate == null || config.mutation() == Mutation.NEW_VIEW_DROPS_PREPARED) {
        entries.put(sequence, new NewViewPlan.Entry(sequence, nullBatchDigest, nullBatchBytes,
            Batch.empty()));
      } else {
        PrePrepare prePrepare = certificate.prePrepareMessage();
        entries.put(sequence, new NewViewPlan.Entry(sequence, prePrepare.batchDigest(),
            prePrepare.batchBytes(), prePrepare.batch()));
      }
    }
    return new NewViewPlan(minSequence, minDigest, highest.checkpointProof(), maxSequence, entries);
  }

  private TreeMap<Long, PreparedCertificate> highestViewCertificates(List<ViewChange> viewChanges,
      long minSequence) {
    TreeMap<Long, PreparedCertificate> chosen = new TreeMap<>();
    for (ViewChange viewChange : viewChanges) {
      for (PreparedCertificate certificate : viewChange.prepared()) {
        long sequence = certificate.sequence();
        if (sequence <= minSequence || sequence > minSequence + config.watermarkWindow()) {
          continue;
        }
        PreparedCertificate current = chosen.get(sequence);
        if (current == null || certificate.view() > current.view()) {
          chosen.put(sequence, certificate);
        }
      }
    }
    return chosen;
  }
}
