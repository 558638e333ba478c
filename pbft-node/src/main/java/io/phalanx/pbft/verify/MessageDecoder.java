package io.phalanx.pbft.verify;

import static io.phalanx.pbft.verify.Verifier.bytes;
import static io.phalanx.pbft.verify.Verifier.isNumber;
import static io.phalanx.pbft.verify.Verifier.require;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.crypto.Sha256;
import io.phalanx.pbft.core.Batch;
import io.phalanx.pbft.core.Checkpoint;
import io.phalanx.pbft.core.Commit;
import io.phalanx.pbft.core.Message;
import io.phalanx.pbft.core.NewView;
import io.phalanx.pbft.core.PrePrepare;
import io.phalanx.pbft.core.Prepare;
import io.phalanx.pbft.core.PreparedCertificate;
import io.phalanx.pbft.core.SignedMessage;
import io.phalanx.pbft.core.SignedRequest;
import io.phalanx.pbft.core.ViewChange;
import io.phalanx.protocol.Payload;
import java.util.ArrayList;
import java.util.List;

/** Maps a verified replica payload to a core record, verifying every nested envelope. */
final class MessageDecoder {
  static final int BATCH_REQUESTS_MAX = 4096;
  static final int CERTIFICATES_MAX = 4096;

  private final Verifier verifier;
  private final int replicas;

  MessageDecoder(Verifier verifier, int replicas) {
    this.verifier = verifier;
    this.replicas = replicas;
  }

  Message decode(Payload payload, int sender) {
    return switch (payload.getKindCase()) {
      case PRE_PREPARE -> decodePrePrepare(payload.getPrePrepare(), sender);
      case PREPARE -> {
        io.phalanx.protocol.Prepare prepare = payload.getPrepare();
        require(prepare.getReplica() == sender, RejectReason.SENDER_MISMATCH);
        yield new Prepare(number(prepare.getView()), number(prepare.getSequence()),
            digest(prepare.getBatchDigest()), sender);
      }
      case COMMIT -> {
        io.phalanx.protocol.Commit commit = payload.getCommit();
        require(commit.getReplica() == sender, RejectReason.SENDER_MISMATCH);
        yield new Commit(number(commit.getView()), number(commit.getSequence()),
            digest(commit.getBatchDigest()), sender);
      }
      case CHECKPOINT -> {
        io.phalanx.protocol.Checkpoint checkpoint = payload.getCheckpoint();
        require(checkpoint.getReplica() == sender, RejectReason.SENDER_MISMATCH);
        yield new Checkpoint(number(checkpoint.getSequence()), digest(checkpoint.getStateDigest()), sender);
      }
      case VIEW_CHANGE -> decodeViewChange(payload.getViewChange(), sender);
      case NEW_VIEW -> decodeNewView(payload.getNewView(), sender);
      default -> throw new Verifier.Rejection(RejectReason.UNEXPECTED_KIND);
    };
  }

  private PrePrepare decodePrePrepare(io.phalanx.protocol.PrePrepare prePrepare, int sender) {
    Bytes batchBytes = bytes(prePrepare.getBatch());
    Digest digest = digest(prePrepare.getBatchDigest());
    require(Sha256.hash(batchBytes).equals(digest), RejectReason.DIGEST_MISMATCH);
    io.phalanx.protocol.Batch batch;
    try {
      batch = io.phalanx.protocol.Batch.parseFrom(prePrepare.getBatch());
    } catch (InvalidProtocolBufferException e) {
      throw new Verifier.Rejection(RejectReason.MALFORMED_PAYLOAD);
    }
    require(batch.getRequestsCount() <= BATCH_REQUESTS_MAX, RejectReason.TOO_LARGE);
    require(!batch.getNullBatch() || (batch.getRequestsCount() == 0 && batch.getLedgerTimeMillis() == 0),
        RejectReason.MALFORMED_PAYLOAD);
    require(isNumber(batch.getLedgerTimeMillis()), RejectReason.MALFORMED_PAYLOAD);
    List<SignedRequest> requests = new ArrayList<>();
    for (ByteString request : batch.getRequestsList()) {
      if (!(verifier.verifyNested(bytes(request)) instanceof Verification.VerifiedRequest verified)) {
        throw new Verifier.Rejection(RejectReason.BAD_REQUEST_IN_BATCH);
      }
      requests.add(verified.request());
    }
    return new PrePrepare(number(prePrepare.getView()), number(prePrepare.getSequence()), digest,
        batchBytes, new Batch(requests, batch.getLedgerTimeMillis(), batch.getNullBatch()), sender);
  }

  private ViewChange decodeViewChange(io.phalanx.protocol.ViewChange viewChange, int sender) {
    require(viewChange.getReplica() == sender, RejectReason.SENDER_MISMATCH);
    require(viewChange.getCheckpointProofCount() <= replicas
        && viewChange.getPreparedCount() <= CERTIFICATES_MAX, RejectReason.TOO_LARGE);
    List<SignedMessage> proof = nested(viewChange.getCheckpointProofList(), Checkpoint.class);
    List<PreparedCertificate> prepared = new ArrayList<>();
    for (io.phalanx.protocol.PreparedCertificate certificate : viewChange.getPreparedList()) {
      require(certificate.getPreparesCount() <= replicas, RejectReason.TOO_LARGE);
      prepared.add(new PreparedCertificate(nested(certificate.getPrePrepare(), PrePrepare.class),
          nested(certificate.getPreparesList(), Prepare.class)));
    }
    return new ViewChange(number(viewChange.getNewView()), number(viewChange.getStableSequence()),
        proof, prepared, sender);
  }

  private NewView decodeNewView(io.phalanx.protocol.NewView newView, int sender) {
    require(newView.getViewChangesCount() <= replicas
        && newView.getPrePreparesCount() <= CERTIFICATES_MAX, RejectReason.TOO_LARGE);
    return new NewView(number(newView.getView()), nested(newView.getViewChangesList(), ViewChange.class),
        nested(newView.getPrePreparesList(), PrePrepare.class), sender);
  }

  private List<SignedMessage> nested(List<ByteString> envelopes, Class<? extends Message> kind) {
    List<SignedMessage> messages = new ArrayList<>();
    for (ByteString envelope : envelopes) {
      messages.add(nested(envelope, kind));
    }
    return messages;
  }

  private SignedMessage nested(ByteString envelope, Class<? extends Message> kind) {
    if (!(verifier.verifyNested(bytes(envelope)) instanceof Verification.VerifiedMessage verified)
        || !kind.isInstance(verified.message().message())) {
      throw new Verifier.Rejection(RejectReason.BAD_NESTED_MESSAGE);
    }
    return verified.message();
  }

  private static long number(long value) {
    require(isNumber(value), RejectReason.MALFORMED_PAYLOAD);
    return value;
  }

  private static Digest digest(ByteString value) {
    require(value.size() == Digest.LENGTH_BYTES, RejectReason.MALFORMED_PAYLOAD);
    return Digest.of(value.toByteArray());
  }
}
