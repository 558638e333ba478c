package io.phalanx.pbft.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.pbft.core.LogRecord;
import io.phalanx.pbft.core.PreparedCertificate;
import io.phalanx.pbft.core.SignedMessage;
import io.phalanx.pbft.verify.Verification;
import io.phalanx.pbft.verify.Verifier;
import io.phalanx.protocol.ReplicaLogRecord;
import io.phalanx.protocol.StableCheckpointRecord;
import io.phalanx.protocol.ViewState;
import java.util.ArrayList;
import java.util.List;

/**
 * A replica's durable records as {@code ReplicaLogRecord} bytes (storage.proto). Envelopes are
 * stored exactly as signed; reading verifies them again (through the verifier's cache), so a
 * corrupted log is found before the replica acts on it. A record that does not decode is a
 * broken disk, not peer input: it throws {@link IllegalStateException} and the node stops.
 */
public final class LogRecordCodec {
  public static final int VERSION = 1;

  private LogRecordCodec() {}

  public static Bytes encode(LogRecord record) {
    ReplicaLogRecord.Builder builder = ReplicaLogRecord.newBuilder().setVersion(VERSION);
    if (record instanceof LogRecord.OwnMessage own) {
      builder.setOwnMessage(bytes(own.message().envelope()));
    } else if (record instanceof LogRecord.AcceptedMessage accepted) {
      builder.setPeerMessage(bytes(accepted.message().envelope()));
    } else if (record instanceof LogRecord.Prepared prepared) {
      PreparedCertificate certificate = prepared.certificate();
      builder.setPrepared(io.phalanx.protocol.PreparedCertificate.newBuilder()
          .setPrePrepare(bytes(certificate.prePrepare().envelope()))
          .addAllPrepares(envelopes(certificate.prepares())));
    } else if (record instanceof LogRecord.ViewState state) {
      builder.setViewState(ViewState.newBuilder().setView(state.view()).setViewActive(state.active()));
    } else if (record instanceof LogRecord.StableCheckpoint stable) {
      builder.setStableCheckpoint(StableCheckpointRecord.newBuilder().setSequence(stable.sequence())
          .setStateDigest(bytes(stable.stateDigest().toBytes())).addAllProof(envelopes(stable.proof())));
    } else {
      throw new IllegalArgumentException("unknown record " + record);
    }
    return Bytes.wrapOwned(builder.build().toByteArray());
  }

  public static LogRecord decode(Bytes bytes, Verifier verifier) {
    ReplicaLogRecord record;
    try {
      record = ReplicaLogRecord.parseFrom(bytes.toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a replica log record does not parse", e);
    }
    if (record.getVersion() != VERSION) {
      throw new IllegalStateException("unknown replica log record version " + record.getVersion());
    }
    return switch (record.getKindCase()) {
      case OWN_MESSAGE -> new LogRecord.OwnMessage(message(record.getOwnMessage(), verifier));
      case PEER_MESSAGE -> new LogRecord.AcceptedMessage(message(record.getPeerMessage(), verifier));
      case PREPARED -> new LogRecord.Prepared(new PreparedCertificate(
          message(record.getPrepared().getPrePrepare(), verifier),
          messages(record.getPrepared().getPreparesList(), verifier)));
      case VIEW_STATE -> new LogRecord.ViewState(record.getViewState().getView(),
          record.getViewState().getViewActive());
      case STABLE_CHECKPOINT -> new LogRecord.StableCheckpoint(record.getStableCheckpoint().getSequence(),
          Digest.of(record.getStableCheckpoint().getStateDigest().toByteArray()),
          messages(record.getStableCheckpoint().getProofList(), verifier));
      case KIND_NOT_SET -> throw new IllegalStateException("a replica log record without a kind");
    };
  }

  private static SignedMessage message(ByteString envelope, Verifier verifier) {
    Verification verification = verifier.verify(Bytes.wrapOwned(envelope.toByteArray()));
    if (verification instanceof Verification.VerifiedMessage verified) {
      return verified.message();
    }
    throw new IllegalStateException("a logged envelope does not verify: " + verification);
  }

  private static List<SignedMessage> messages(List<ByteString> envelopes, Verifier verifier) {
    List<SignedMessage> messages = new ArrayList<>();
    for (ByteString envelope : envelopes) {
      messages.add(message(envelope, verifier));
    }
    return messages;
  }

  private static List<ByteString> envelopes(List<SignedMessage> signed) {
    return signed.stream().map(message -> bytes(message.envelope())).toList();
  }

  private static ByteString bytes(Bytes value) {
    return PayloadCodec.bytes(value);
  }
}
