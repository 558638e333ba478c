package io.phalanx.node;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.crypto.Sha256;
import io.phalanx.ledger.BatchInput;
import io.phalanx.pbft.core.Commit;
import io.phalanx.pbft.core.Request;
import io.phalanx.pbft.core.SignedMessage;
import io.phalanx.pbft.verify.Verification;
import io.phalanx.pbft.verify.Verifier;
import io.phalanx.ledger.LedgerRequest;
import io.phalanx.protocol.Batch;
import io.phalanx.protocol.CertifiedBlock;
import io.phalanx.protocol.SignedEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Checks a block a peer served during state transfer before anything of it is executed: the
 * batch bytes hash to the digest that 2f+1 distinct replicas signed commits for at this height,
 * and every request in the batch carries a valid client signature. The unsigned header is not
 * trusted; the ledger recomputes its own.
 */
final class CertifiedBlockCheck {
  private final Verifier verifier;
  private final int quorum;

  CertifiedBlockCheck(Verifier verifier, int quorum) {
    this.verifier = verifier;
    this.quorum = quorum;
  }

  /** The block as a ledger input, or empty with the reason logged by the caller. */
  Optional<BatchInput> check(Bytes encoded, long height, StringBuilder why) {
    CertifiedBlock block;
    Batch batch;
    try {
      block = CertifiedBlock.parseFrom(encoded.toByteArray());
      batch = Batch.parseFrom(block.getBatch());
    } catch (InvalidProtocolBufferException e) {
      why.append("block ").append(height).append(" does not parse");
      return Optional.empty();
    }
    Bytes batchBytes = Bytes.wrapOwned(block.getBatch().toByteArray());
    Digest digest = Sha256.hash(batchBytes);
    Optional<Long> view = certifiedView(block, height, digest);
    if (view.isEmpty()) {
      why.append("block ").append(height).append(" lacks ").append(quorum)
          .append(" valid matching commits");
      return Optional.empty();
    }
    List<LedgerRequest> requests = new ArrayList<>();
    for (ByteString envelope : batch.getRequestsList()) {
      Verification verification = verifier.verify(Bytes.wrapOwned(envelope.toByteArray()));
      if (!(verification instanceof Verification.VerifiedRequest verified)) {
        why.append("block ").append(height).append(" holds a request that does not verify");
        return Optional.empty();
      }
      Request request = verified.request().request();
      requests.add(new LedgerRequest(request.clientId(), request.timestamp(), request.operation()));
    }
    Bytes certificate = Bytes.wrapOwned(block.getCertificate().toByteArray());
    return Optional.of(new BatchInput(height, view.get(),
        batch.getNullBatch() ? 0 : batch.getLedgerTimeMillis(), digest, requests, certificate,
        batchBytes));
  }

  /** The view of 2f+1 distinct replicas' valid commits for (height, digest), if there are. */
  private Optional<Long> certifiedView(CertifiedBlock block, long height, Digest digest) {
    TreeSet<Integer> signers = new TreeSet<>();
    Long view = null;
    for (SignedEnvelope envelope : block.getCertificate().getCommitsList()) {
      Verification verification = verifier.verify(Bytes.wrapOwned(envelope.toByteArray()));
      if (!(verification instanceof Verification.VerifiedMessage verified)) {
        continue;
      }
      SignedMessage message = verified.message();
      if (!(message.message() instanceof Commit commit) || commit.sequence() != height
          || !commit.batchDigest().equals(digest) || (view != null && commit.view() != view)) {
        continue;
      }
      view = commit.view();
      signers.add(commit.replica());
    }
    return signers.size() >= quorum ? Optional.of(view) : Optional.empty();
  }
}
