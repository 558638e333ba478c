package io.phalanx.node.log;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.crypto.InvalidEncodingException;
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
import java.util.Objects;

/**
 * The core's {@link LogRecord}s to and from {@code ReplicaLogRecord} bytes. Signed messages are
 * stored as their original envelopes and, when read back, go through the {@link Verifier} again,
 * so a record altered on disk is refused, never trusted.
 */
final class LogRecordCodec {
  static final int VERSION = 1;

  private final Verifier verifier;

  LogRecordCodec(Verifier verifier) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
  }

  static Bytes encode(LogRecord record) {
    ReplicaLogRecord.Builder builder = ReplicaLogRecord.newBuilder().setVersion(VERSION);
    if (record instanceof LogRecord.OwnMessage own) {
      builder.setOwnMessage(envelope(own.message()));
    } else if (record instanceof LogRecord.AcceptedMessage accepted) {
      builder.setPeerMessage(envelope(accepted.message()));
    } else if (record instanceof LogRecord.Prepared prepared) {
      builder.setPrepared(certificate(prepared.certificate()));
    } else if (record instanceof LogRecord.ViewState view) {
      builder.setViewState(ViewState.newBuilder().setView(view.view()).setViewActive(view.active()));
    } else if (record instanceof LogRecord.StableCheckpoint stable) {
      builder.setStableCheckpoint(checkpoint(stable));
    } else {
      throw new IllegalArgumentException("no encoding for " + record.getClass().getName());
    }
    return Bytes.wrapOwned(builder.build().toByteArray());
  }

  LogRecord decode(Bytes bytes) {
    ReplicaLogRecord record;
    try {
      record = ReplicaLogRecord.parseFrom(bytes.toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw new CorruptLogException("a log record does not parse", e);
    }
    if (record.getVersion() != VERSION) {
      throw new CorruptLogException("log record version " + record.getVersion() + " is unknown");
    }
    return switch (record.getKindCase()) {
      case OWN_MESSAGE -> new LogRecord.OwnMessage(message(record.getOwnMessage()));
      case PEER_MESSAGE -> new LogRecord.AcceptedMessage(message(record.getPeerMessage()));
      case PREPARED -> new LogRecord.Prepared(certificate(record.getPrepared()));
      case VIEW_STATE -> new LogRecord.ViewState(record.getViewState().getView(),
          record.getViewState().getViewActive());
      case STABLE_CHECKPOINT -> checkpoint(record.getStableCheckpoint());
      case KIND_NOT_SET -> throw new CorruptLogException("a log record has no kind");
    };
  }

  private static ByteString envelope(SignedMessage message) {
    return ByteString.copyFrom(message.envelope().toByteArray());
  }

  private static io.phalanx.protocol.PreparedCertificate certificate(PreparedCertificate certificate) {
    io.phalanx.protocol.PreparedCertificate.Builder builder = io.phalanx.protocol.PreparedCertificate
        .newBuilder().setPrePrepare(envelope(certificate.prePrepare()));
    for (SignedMessage prepare : certificate.prepares()) {
      builder.addPrepares(envelope(prepare));
    }
    return builder.build();
  }

  private static StableCheckpointRecord checkpoint(LogRecord.StableCheckpoint stable) {
    StableCheckpointRecord.Builder builder = StableCheckpointRecord.newBuilder()
        .setSequence(stable.sequence())
        .setStateDigest(ByteString.copyFrom(stable.stateDigest().toByteArray()));
    for (SignedMessage proof : stable.proof()) {
      builder.addProof(envelope(proof));
    }
    return builder.build();
  }

  private PreparedCertificate certificate(io.phalanx.protocol.PreparedCertificate certificate) {
    List<SignedMessage> prepares = new ArrayList<>();
    for (ByteString prepare : certificate.getPreparesList()) {
      prepares.add(message(prepare));
    }
    return new PreparedCertificate(message(certificate.getPrePrepare()), prepares);
  }

  private LogRecord.StableCheckpoint checkpoint(StableCheckpointRecord record) {
    List<SignedMessage> proof = new ArrayList<>();
    for (ByteString envelope : record.getProofList()) {
      proof.add(message(envelope));
    }
    try {
      return new LogRecord.StableCheckpoint(record.getSequence(),
          Digest.of(record.getStateDigest().toByteArray()), proof);
    } catch (InvalidEncodingException e) {
      throw new CorruptLogException("a stable checkpoint record has a bad digest", e);
    }
  }

  private SignedMessage message(ByteString envelope) {
    Verification verification = verifier.verify(Bytes.wrapOwned(envelope.toByteArray()));
    if (verification instanceof Verification.VerifiedMessage verified) {
      return verified.message();
    }
    throw new CorruptLogException("a logged envelope no longer verifies: " + verification);
  }
}
