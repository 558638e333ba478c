package io.phalanx.wire;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.phalanx.crypto.Ed25519Verifier;
import io.phalanx.crypto.PublicKey;
import io.phalanx.crypto.Signature;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.protocol.Payload;
import io.phalanx.protocol.SenderKind;
import io.phalanx.protocol.SignedEnvelope;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds and checks {@link SignedEnvelope}s. The signature always covers exactly the payload
 * bytes: the signer signs the bytes it puts in the envelope, and the checker verifies the bytes
 * it received, never a re-serialisation (protobuf encoding is not canonical).
 */
public final class Envelopes {
  /** The envelope layout this code writes and accepts. */
  public static final int VERSION = 1;

  private Envelopes() {}

  /** An envelope carrying {@code payload}'s serialisation, signed over exactly those bytes. */
  public static SignedEnvelope sign(SenderKind senderKind, long senderId, Payload payload,
      SigningKeyPair key) {
    return sign(senderKind, senderId, Objects.requireNonNull(payload, "payload").toByteString(),
        key);
  }

  /** An envelope carrying exactly {@code payload}, signed over exactly those bytes. */
  public static SignedEnvelope sign(SenderKind senderKind, long senderId, ByteString payload,
      SigningKeyPair key) {
    Objects.requireNonNull(senderKind, "senderKind");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(key, "key");
    Signature signature = key.sign(payload.toByteArray());
    return SignedEnvelope.newBuilder()
        .setVersion(VERSION)
        .setSenderKind(senderKind)
        .setSenderId(senderId)
        .setPayload(payload)
        .setSignature(ByteString.copyFrom(signature.toByteArray()))
        .build();
  }

  /**
   * Checks the version and that the signature verifies over the payload bytes as received.
   * Says nothing about whether {@code key} belongs to the named sender: that is the caller's
   * membership check.
   */
  public static EnvelopeCheck check(SignedEnvelope envelope, PublicKey key) {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(key, "key");
    if (envelope.getVersion() != VERSION) {
      return EnvelopeCheck.UNSUPPORTED_VERSION;
    }
    if (envelope.getSignature().size() != Signature.LENGTH_BYTES) {
      return EnvelopeCheck.MALFORMED_SIGNATURE;
    }
    Signature signature = Signature.of(envelope.getSignature().toByteArray());
    return Ed25519Verifier.isValid(key, envelope.getPayload().toByteArray(), signature)
        ? EnvelopeCheck.VALID : EnvelopeCheck.BAD_SIGNATURE;
  }

  /** Parses a frame body; empty if it is not a well-formed envelope. Never throws on bad input. */
  public static Optional<SignedEnvelope> parse(byte[] frame) {
    Objects.requireNonNull(frame, "frame");
    try {
      return Optional.of(SignedEnvelope.parseFrom(frame));
    } catch (InvalidProtocolBufferException malformed) {
      return Optional.empty();
    }
  }

  /** Parses an envelope's payload; empty if it is not a well-formed {@link Payload}. */
  public static Optional<Payload> parsePayload(SignedEnvelope envelope) {
    try {
      return Optional.of(Payload.parseFrom(envelope.getPayload()));
    } catch (InvalidProtocolBufferException malformed) {
      return Optional.empty();
    }
  }
}
