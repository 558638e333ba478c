package io.phalanx.pbft.codec;

import com.google.protobuf.ByteString;
import io.phalanx.crypto.Bytes;
import io.phalanx.pbft.core.Batch;
import io.phalanx.pbft.core.Checkpoint;
import io.phalanx.pbft.core.Commit;
import io.phalanx.pbft.core.Message;
import io.phalanx.pbft.core.MessageKind;
import io.phalanx.pbft.core.NewView;
import io.phalanx.pbft.core.PrePrepare;
import io.phalanx.pbft.core.Prepare;
import io.phalanx.pbft.core.PreparedCertificate;
import io.phalanx.pbft.core.Reply;
import io.phalanx.pbft.core.Request;
import io.phalanx.pbft.core.SignedMessage;
import io.phalanx.pbft.core.SignedRequest;
import io.phalanx.pbft.core.ViewChange;
import io.phalanx.protocol.ClientReply;
import io.phalanx.protocol.ClientRequest;
import io.phalanx.protocol.Payload;
import java.util.List;

/**
 * Encodes core records into payload bytes. Decoding (with verification) is the
 * {@link io.phalanx.pbft.verify.Verifier}'s job. Nested messages are embedded as the exact envelope
 * bytes they were signed in.
 */
public final class PayloadCodec {
  private PayloadCodec() {}

  public static byte[] encode(Message message) {
    Payload.Builder payload = Payload.newBuilder();
    switch (MessageKind.of(message)) {
      case PRE_PREPARE -> payload.setPrePrepare(encodePrePrepare((PrePrepare) message));
      case PREPARE -> {
        Prepare prepare = (Prepare) message;
        payload.setPrepare(io.phalanx.protocol.Prepare.newBuilder().setView(prepare.view())
            .setSequence(prepare.sequence()).setBatchDigest(bytes(prepare.batchDigest().toBytes()))
            .setReplica(prepare.replica()));
      }
      case COMMIT -> {
        Commit commit = (Commit) message;
        payload.setCommit(io.phalanx.protocol.Commit.newBuilder().setView(commit.view())
            .setSequence(commit.sequence()).setBatchDigest(bytes(commit.batchDigest().toBytes()))
            .setReplica(commit.replica()));
      }
      case CHECKPOINT -> {
        Checkpoint checkpoint = (Checkpoint) message;
        payload.setCheckpoint(io.phalanx.protocol.Checkpoint.newBuilder()
            .setSequence(checkpoint.sequence())
            .setStateDigest(bytes(checkpoint.stateDigest().toBytes())).setReplica(checkpoint.replica()));
      }
      case VIEW_CHANGE -> payload.setViewChange(encodeViewChange((ViewChange) message));
      case NEW_VIEW -> {
        NewView newView = (NewView) message;
        payload.setNewView(io.phalanx.protocol.NewView.newBuilder().setView(newView.view())
            .addAllViewChanges(envelopes(newView.viewChanges()))
            .addAllPrePrepares(envelopes(newView.prePrepares())));
      }
    }
    return payload.build().toByteArray();
  }

  private static io.phalanx.protocol.PrePrepare encodePrePrepare(PrePrepare prePrepare) {
    return io.phalanx.protocol.PrePrepare.newBuilder().setView(prePrepare.view())
        .setSequence(prePrepare.sequence()).setBatchDigest(bytes(prePrepare.batchDigest().toBytes()))
        .setBatch(bytes(prePrepare.batchBytes())).build();
  }

  private static io.phalanx.protocol.ViewChange encodeViewChange(ViewChange viewChange) {
    io.phalanx.protocol.ViewChange.Builder builder = io.phalanx.protocol.ViewChange.newBuilder()
        .setNewView(viewChange.newView()).setStableSequence(viewChange.stableSequence())
        .addAllCheckpointProof(envelopes(viewChange.checkpointProof()))
        .setReplica(viewChange.replica());
    for (PreparedCertificate certificate : viewChange.prepared()) {
      builder.addPrepared(io.phalanx.protocol.PreparedCertificate.newBuilder()
          .setPrePrepare(bytes(certificate.prePrepare().envelope()))
          .addAllPrepares(envelopes(certificate.prepares())));
    }
    return builder.build();
  }

  /** The wire bytes of a batch: the pre-prepare's digest is SHA-256 of exactly these. */
  public static Bytes encodeBatch(Batch batch) {
    io.phalanx.protocol.Batch.Builder builder = io.phalanx.protocol.Batch.newBuilder()
        .setLedgerTimeMillis(batch.ledgerTimeMillis()).setNullBatch(batch.nullBatch());
    for (SignedRequest request : batch.requests()) {
      builder.addRequests(bytes(request.envelope()));
    }
    return Bytes.wrapOwned(builder.build().toByteArray());
  }

  public static byte[] encodeRequest(Request request) {
    return Payload.newBuilder().setRequest(ClientRequest.newBuilder().setClientId(request.clientId())
        .setTimestamp(request.timestamp()).setReadOnly(request.readOnly())
        .setOperation(bytes(request.operation()))).build().toByteArray();
  }

  public static byte[] encodeReply(Reply reply) {
    return Payload.newBuilder().setReply(ClientReply.newBuilder().setView(reply.view())
        .setTimestamp(reply.timestamp()).setClientId(reply.clientId()).setReplica(reply.replica())
        .setResult(bytes(reply.result())).setSequence(reply.sequence())
        .setReplicaShare(bytes(reply.replicaShare()))).build().toByteArray();
  }

  private static List<ByteString> envelopes(List<SignedMessage> signed) {
    return signed.stream().map(message -> bytes(message.envelope())).toList();
  }

  static ByteString bytes(Bytes value) {
    return ByteString.copyFrom(value.toByteArray());
  }
}
