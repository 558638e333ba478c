package io.phalanx.pbft.net;

import com.google.protobuf.ByteString;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.PublicKey;
import io.phalanx.crypto.Sha256;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.protocol.LinkHello;
import io.phalanx.protocol.Payload;
import io.phalanx.protocol.SenderKind;
import io.phalanx.protocol.SignedEnvelope;
import io.phalanx.wire.Envelopes;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes and reads the hellos of the link handshake (see {@code README-net.md}), each a
 * {@code SignedEnvelope} from a replica carrying a {@code LinkHello}:
 *
 * <ul>
 *   <li>the opening: {@code LinkHello{challenge = c, consortium_id}}; nothing in it is trusted;
 *   <li>a proof: {@code LinkHello{challenge = c_mine, peer_challenge = binding(c_peer, peer),
 *       consortium_id}}, signed by the sender's replica key, where binding(c, r) =
 *       SHA-256("phalanx/link-hello/v1" ‖ c ‖ r as 4 bytes big-endian). Binding the recipient's
 *       number into the echoed challenge means a proof made for one replica is worthless to
 *       another, so a replica cannot relay a peer's proof to impersonate it.
 * </ul>
 *
 * Stateless and thread-safe.
 */
final class LinkHellos {
  static final int CHALLENGE_BYTES = 32;
  /** A hello is about 200 bytes; frames before authentication are limited to this. */
  static final int HELLO_BYTES_MAX = 1024;
  private static final byte[] BINDING_DOMAIN =
      "phalanx/link-hello/v1".getBytes(StandardCharsets.US_ASCII);

  private final int self;
  private final String consortiumId;
  private final SigningKeyPair key;
  private final Map<Integer, PublicKey> replicaKeys;

  LinkHellos(int self, String consortiumId, SigningKeyPair key, Map<Integer, PublicKey> replicaKeys) {
    this.self = self;
    this.consortiumId = Objects.requireNonNull(consortiumId, "consortiumId");
    this.key = Objects.requireNonNull(key, "key");
    this.replicaKeys = Map.copyOf(replicaKeys);
  }

  /** Who sent an accepted hello, and the challenge it carried. */
  record Hello(int replica, Bytes challenge) {}

  /** An accepted hello or the reason it was refused: exactly one of the two is present. */
  record Outcome(Optional<Hello> hello, Optional<TransportCounter> rejection) {
    static Outcome accepted(int replica, ByteString challenge) {
      return new Outcome(Optional.of(new Hello(replica, Bytes.of(challenge.toByteArray()))),
          Optional.empty());
    }

    static Outcome rejected(TransportCounter reason) {
      return new Outcome(Optional.empty(), Optional.of(reason));
    }
  }

  byte[] openingFrame(Bytes myChallenge) {
    return hello(LinkHello.newBuilder().setChallenge(byteString(myChallenge)));
  }

  byte[] proofFrame(Bytes myChallenge, Bytes peerChallenge, int peer) {
    return hello(LinkHello.newBuilder().setChallenge(byteString(myChallenge))
        .setPeerChallenge(byteString(binding(peerChallenge, peer))));
  }

  private byte[] hello(LinkHello.Builder hello) {
    Payload payload = Payload.newBuilder().setLinkHello(hello.setConsortiumId(consortiumId)).build();
    return Envelopes.sign(SenderKind.SENDER_KIND_REPLICA, self, payload, key).toByteArray();
  }

  /** Reads an opening. Its signature is not checked: it proves nothing, and is trusted for nothing. */
  Outcome readOpening(byte[] frame) {
    Optional<SignedEnvelope> envelope = Envelopes.parse(frame);
    Optional<LinkHello> hello = envelope.flatMap(LinkHellos::linkHello);
    if (hello.isEmpty() || !hello.get().getPeerChallenge().isEmpty()) {
      return Outcome.rejected(TransportCounter.HELLO_MALFORMED);
    }
    return readSender(envelope.get(), hello.get());
  }

  /** Reads a proof that must answer {@code myChallenge}, made for this replica. */
  Outcome readProof(byte[] frame, Bytes myChallenge) {
    Optional<SignedEnvelope> envelope = Envelopes.parse(frame);
    Optional<LinkHello> hello = envelope.flatMap(LinkHellos::linkHello);
    if (hello.isEmpty() || hello.get().getPeerChallenge().size() != CHALLENGE_BYTES) {
      return Outcome.rejected(TransportCounter.HELLO_MALFORMED);
    }
    Outcome sender = readSender(envelope.get(), hello.get());
    if (sender.rejection().isPresent()) {
      return sender;
    }
    int replica = sender.hello().orElseThrow().replica();
    if (!Envelopes.check(envelope.get(), replicaKeys.get(replica)).isValid()) {
      return Outcome.rejected(TransportCounter.HELLO_BAD_SIGNATURE);
    }
    Bytes echoed = Bytes.of(hello.get().getPeerChallenge().toByteArray());
    return echoed.equals(binding(myChallenge, self)) ? sender
        : Outcome.rejected(TransportCounter.HELLO_STALE_CHALLENGE);
  }

  private Outcome readSender(SignedEnvelope envelope, LinkHello hello) {
    long sender = envelope.getSenderId();
    if (sender < 0 || sender > Integer.MAX_VALUE || sender == self
        || !replicaKeys.containsKey((int) sender)) {
      return Outcome.rejected(TransportCounter.HELLO_UNKNOWN_SENDER);
    }
    if (!consortiumId.equals(hello.getConsortiumId())) {
      return Outcome.rejected(TransportCounter.HELLO_WRONG_CONSORTIUM);
    }
    return Outcome.accepted((int) sender, hello.getChallenge());
  }

  /** The link hello inside a well-formed version-1 replica envelope, if that is what it is. */
  private static Optional<LinkHello> linkHello(SignedEnvelope envelope) {
    if (envelope.getVersion() != Envelopes.VERSION
        || envelope.getSenderKind() != SenderKind.SENDER_KIND_REPLICA) {
      return Optional.empty();
    }
    return Envelopes.parsePayload(envelope)
        .filter(payload -> payload.getKindCase() == Payload.KindCase.LINK_HELLO)
        .map(Payload::getLinkHello)
        .filter(hello -> hello.getChallenge().size() == CHALLENGE_BYTES);
  }

  /** SHA-256("phalanx/link-hello/v1" ‖ challenge ‖ recipient as 4 bytes big-endian). */
  static Bytes binding(Bytes challenge, int recipient) {
    return Sha256.hasher().update(BINDING_DOMAIN).update(challenge).updateInt(recipient)
        .finish().toBytes();
  }

  private static ByteString byteString(Bytes bytes) {
    return ByteString.copyFrom(bytes.toByteArray());
  }
}
