package io.phalanx.ledger;

import com.google.protobuf.InvalidProtocolBufferException;
import io.phalanx.crypto.Ed25519Verifier;
import io.phalanx.crypto.Signature;
import io.phalanx.protocol.BlockHeader;
import io.phalanx.protocol.Commit;
import io.phalanx.protocol.CommitCertificate;
import io.phalanx.protocol.Payload;
import io.phalanx.protocol.SenderKind;
import io.phalanx.protocol.SignedEnvelope;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Checks a block's commit certificate offline: 2f+1 distinct replicas' signed Commit envelopes
 * for the block's (view, sequence, batch digest), each signature verified with the genesis key
 * of its replica over the exact payload bytes. Any invalid envelope fails the certificate.
 */
final class CommitCertificateCheck {
  private CommitCertificateCheck() {}

  /** Why the certificate does not certify {@code header}, or empty if it does. */
  static Optional<String> problem(CommitCertificate certificate, BlockHeader header,
      GenesisConfig genesis) {
    TreeSet<Long> committers = new TreeSet<>();
    for (SignedEnvelope envelope : certificate.getCommitsList()) {
      Optional<String> problem = envelopeProblem(envelope, header, genesis);
      if (problem.isPresent()) {
        return problem;
      }
      committers.add(envelope.getSenderId());
    }
    if (committers.size() < genesis.commitQuorum()) {
      return Optional.of("certificate has commits from " + committers.size()
          + " distinct replicas, " + genesis.commitQuorum() + " needed");
    }
    return Optional.empty();
  }

  private static Optional<String> envelopeProblem(SignedEnvelope envelope, BlockHeader header,
      GenesisConfig genesis) {
    long sender = envelope.getSenderId();
    if (envelope.getVersion() != 1 || envelope.getSenderKind() != SenderKind.SENDER_KIND_REPLICA
        || sender < 0 || sender >= genesis.replicaCount()) {
      return Optional.of("commit envelope not from a known replica (sender " + sender + ")");
    }
    byte[] payload = envelope.getPayload().toByteArray();
    if (envelope.getSignature().size() != Signature.LENGTH_BYTES
        || !Ed25519Verifier.isValid(genesis.replicaKeys().get((int) sender), payload,
            Signature.of(envelope.getSignature().toByteArray()))) {
      return Optional.of("bad commit signature from replica " + sender);
    }
    Commit commit;
    try {
      Payload decoded = Payload.parseFrom(payload);
      if (!decoded.hasCommit()) {
        return Optional.of("envelope from replica " + sender + " is not a commit");
      }
      commit = decoded.getCommit();
    } catch (InvalidProtocolBufferException e) {
      return Optional.of("commit payload from replica " + sender + " does not parse");
    }
    boolean matches = commit.getView() == header.getView()
        && commit.getSequence() == header.getSequence()
        && commit.getBatchDigest().equals(header.getBatchDigest())
        && commit.getReplica() == sender;
    return matches ? Optional.empty() : Optional.of("commit from replica " + sender
        + " is for another view, sequence or batch digest");
  }
}
