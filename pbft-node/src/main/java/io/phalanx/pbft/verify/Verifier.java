package io.phalanx.pbft.verify;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.crypto.Ed25519Verifier;
import io.phalanx.crypto.PublicKey;
import io.phalanx.crypto.Sha256;
import io.phalanx.crypto.Signature;
import io.phalanx.pbft.core.Reply;
import io.phalanx.pbft.core.Request;
import io.phalanx.pbft.core.SignedMessage;
import io.phalanx.pbft.core.SignedRequest;
import io.phalanx.protocol.ClientReply;
import io.phalanx.protocol.ClientRequest;
import io.phalanx.protocol.Payload;
import io.phalanx.protocol.SenderKind;
import io.phalanx.protocol.SignedEnvelope;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The verification edge: decodes an envelope, checks its version, that its sender is a member,
 * the Ed25519 signature over the exact payload bytes, and the payload's structure (nested
 * envelopes included), and hands back core records. Never throws on peer input: a refusal is a
 * {@link Verification.Rejected} with a reason, counted.
 *
 * <p>Results are cached by the SHA-256 of the envelope bytes (bounded, least recently used), so an
 * envelope that arrives again, or inside several batches or certificates, verifies once.
 * Thread-safe.
 */
public final class Verifier {
  public static final int ENVELOPE_BYTES_MAX = 16 << 20;
  /** Views and sequences above this are refused, so the core's arithmetic never overflows. */
  static final long NUMBER_MAX = 1L << 60;

  private final Membership membership;
  private final int cacheEntriesMax;
  private final MessageDecoder decoder;
  private final LinkedHashMap<Digest, Verification> cache;
  private final EnumMap<RejectReason, Long> rejections = new EnumMap<>(RejectReason.class);
  private long signatureChecks;
  private long cacheHits;

  public Verifier(Membership membership, int cacheEntriesMax) {
    this.membership = Objects.requireNonNull(membership, "membership");
    if (cacheEntriesMax < 0) {
      throw new IllegalArgumentException("cacheEntriesMax must not be negative");
    }
    this.cacheEntriesMax = cacheEntriesMax;
    this.decoder = new MessageDecoder(this, membership.replicas());
    this.cache = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Digest, Verification> eldest) {
        return size() > Verifier.this.cacheEntriesMax;
      }
    };
  }

  /** Verifies one envelope received from the network. */
  public Verification verify(Bytes envelope) {
    Verification result = verifyNested(Objects.requireNonNull(envelope, "envelope"));
    if (result instanceof Verification.Rejected rejected) {
      synchronized (rejections) {
        rejections.merge(rejected.reason(), 1L, Long::sum);
      }
    }
    return result;
  }

  /** How many envelopes were refused, by reason. */
  public Map<RejectReason, Long> rejections() {
    synchronized (rejections) {
      EnumMap<RejectReason, Long> copy = new EnumMap<>(RejectReason.class);
      copy.putAll(rejections);
      return copy;
    }
  }

  public synchronized long signatureChecks() {
    return signatureChecks;
  }

  public synchronized long cacheHits() {
    return cacheHits;
  }

  Verification verifyNested(Bytes envelope) {
    if (envelope.length() > ENVELOPE_BYTES_MAX) {
      return new Verification.Rejected(RejectReason.TOO_LARGE);
    }
    Digest key = Sha256.hash(envelope);
    synchronized (this) {
      Verification cached = cache.get(key);
      if (cached != null) {
        cacheHits++;
        return cached;
      }
    }
    Verification fresh;
    try {
      fresh = decode(envelope);
    } catch (Rejection rejection) {
      fresh = new Verification.Rejected(rejection.reason);
    }
    synchronized (this) {
      if (cacheEntriesMax > 0) {
        cache.put(key, fresh);
      }
    }
    return fresh;
  }

  private Verification decode(Bytes bytes) {
    SignedEnvelope envelope;
    try {
      envelope = SignedEnvelope.parseFrom(bytes.toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw new Rejection(RejectReason.MALFORMED_ENVELOPE);
    }
    if (envelope.getVersion() != 1) {
      throw new Rejection(RejectReason.UNSUPPORTED_VERSION);
    }
    PublicKey key = senderKey(envelope).orElseThrow(() -> new Rejection(RejectReason.UNKNOWN_SENDER));
    byte[] payloadBytes = envelope.getPayload().toByteArray();
    if (envelope.getSignature().size() != Signature.LENGTH_BYTES) {
      throw new Rejection(RejectReason.BAD_SIGNATURE);
    }
    synchronized (this) {
      signatureChecks++;
    }
    if (!Ed25519Verifier.isValid(key, payloadBytes,
        Signature.of(envelope.getSignature().toByteArray()))) {
      throw new Rejection(RejectReason.BAD_SIGNATURE);
    }
    Payload payload;
    try {
      payload = Payload.parseFrom(payloadBytes);
    } catch (InvalidProtocolBufferException e) {
      throw new Rejection(RejectReason.MALFORMED_PAYLOAD);
    }
    return decodePayload(envelope, payload, bytes);
  }

  private Optional<PublicKey> senderKey(SignedEnvelope envelope) {
    if (envelope.getSenderKind() == SenderKind.SENDER_KIND_REPLICA) {
      return membership.replicaKey(envelope.getSenderId());
    } else if (envelope.getSenderKind() == SenderKind.SENDER_KIND_CLIENT) {
      return membership.clientKey(envelope.getSenderId());
    }
    return Optional.empty();
  }

  private Verification decodePayload(SignedEnvelope envelope, Payload payload, Bytes bytes) {
    boolean fromReplica = envelope.getSenderKind() == SenderKind.SENDER_KIND_REPLICA;
    long sender = envelope.getSenderId();
    switch (payload.getKindCase()) {
      case REQUEST -> {
        ClientRequest request = payload.getRequest();
        require(!fromReplica && request.getClientId() == sender, RejectReason.SENDER_MISMATCH);
        require(isNumber(request.getTimestamp()), RejectReason.MALFORMED_PAYLOAD);
        return new Verification.VerifiedRequest(new SignedRequest(new Request(request.getClientId(),
            request.getTimestamp(), request.getReadOnly(), bytes(request.getOperation())), bytes));
      }
      case REPLY -> {
        ClientReply reply = payload.getReply();
        require(fromReplica && reply.getReplica() == sender, RejectReason.SENDER_MISMATCH);
        return new Verification.VerifiedReply(new Reply(reply.getView(), reply.getTimestamp(),
            reply.getClientId(), reply.getReplica(), bytes(reply.getResult()), reply.getSequence(),
            bytes(reply.getReplicaShare())), bytes);
      }
      case PRE_PREPARE, PREPARE, COMMIT, CHECKPOINT, VIEW_CHANGE, NEW_VIEW -> {
        require(fromReplica, RejectReason.SENDER_MISMATCH);
        return new Verification.VerifiedMessage(
            new SignedMessage(decoder.decode(payload, (int) sender), bytes));
      }
      default -> throw new Rejection(RejectReason.UNEXPECTED_KIND);
    }
  }

  static boolean isNumber(long value) {
    return value >= 0 && value < NUMBER_MAX;
  }

  static void require(boolean condition, RejectReason reason) {
    if (!condition) {
      throw new Rejection(reason);
    }
  }

  static Bytes bytes(ByteString value) {
    return Bytes.wrapOwned(value.toByteArray());
  }

  /** Control flow inside the verifier only; never escapes {@link #verify}. */
  static final class Rejection extends RuntimeException {
    final RejectReason reason;

    Rejection(RejectReason reason) {
      super(reason.name(), null, false, false);
      this.reason = reason;
    }
  }
}
