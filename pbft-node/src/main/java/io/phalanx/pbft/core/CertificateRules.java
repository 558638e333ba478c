package io.phalanx.pbft.core;

import io.phalanx.crypto.Digest;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** The quorum rules for proofs that travel inside view-changes and new-views. */
final class CertificateRules {
  private final ReplicaConfig config;

  CertificateRules(ReplicaConfig config) {
    this.config = config;
  }

  /**
   * The state digest a checkpoint proof certifies: 2f+1 matching checkpoints from distinct
   * replicas for {@code sequence}; the genesis checkpoint 0 needs no proof.
   */
  Optional<Digest> checkpointProofDigest(long sequence, List<SignedMessage> proof) {
    if (sequence == 0 && proof.isEmpty()) {
      return Optional.of(Digest.zero());
    }
    if (proof.isEmpty()) {
      return Optional.empty();
    }
    Digest digest = null;
    TreeSet<Integer> replicas = new TreeSet<>();
    for (SignedMessage signed : proof) {
      if (!(signed.message() instanceof Checkpoint checkpoint) || checkpoint.sequence() != sequence) {
        return Optional.empty();
      }
      if (digest == null) {
        digest = checkpoint.stateDigest();
      } else if (!digest.equals(checkpoint.stateDigest())) {
        return Optional.empty();
      }
      replicas.add(checkpoint.replica());
    }
    return replicas.size() >= config.quorum() ? Optional.of(digest) : Optional.empty();
  }

  /** A pre-prepare from the primary of its view plus 2f matching prepares from distinct backups. */
  boolean isValid(PreparedCertificate certificate) {
    if (!(certificate.prePrepare().message() instanceof PrePrepare prePrepare)
        || prePrepare.replica() != config.primary(prePrepare.view())) {
      return false;
    }
    TreeSet<Integer> backups = new TreeSet<>();
    for (SignedMessage signed : certificate.prepares()) {
      if (!(signed.message() instanceof Prepare prepare) || prepare.view() != prePrepare.view()
          || prepare.sequence() != prePrepare.sequence()
          || !prepare.batchDigest().equals(prePrepare.batchDigest())
          || prepare.replica() == prePrepare.replica()) {
        return false;
      }
      backups.add(prepare.replica());
    }
    return backups.size() >= config.prepareQuorum();
  }

  /** A valid checkpoint proof and valid certificates, one per sequence, inside (s, s+L]. */
  boolean isValid(ViewChange viewChange) {
    if (checkpointProofDigest(viewChange.stableSequence(), viewChange.checkpointProof()).isEmpty()) {
      return false;
    }
    TreeSet<Long> sequences = new TreeSet<>();
    for (PreparedCertificate certificate : viewChange.prepared()) {
      if (!isValid(certificate) || certificate.view() >= viewChange.newView()
          || certificate.sequence() <= viewChange.stableSequence()
          || certificate.sequence() > viewChange.stableSequence() + config.watermarkWindow()
          || !sequences.add(certificate.sequence())) {
        return false;
      }
    }
    return true;
  }
}
