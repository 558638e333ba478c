package io.phalanx.pbft.net;

import com.google.protobuf.ByteString;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.PublicKey;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.protocol.LinkHello;
import io.phalanx.protocol.Payload;
import io.phalanx.protocol.SenderKind;
import io.phalanx.protocol.SignedEnvelope;
import io.phalanx.wire.Envelopes;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes and reads the two hellos of the link handshake (see {@code README-net.md}):
 *
 * <ol>
 *   <li>the challenge: {@code LinkHello{challenge = c_mine, consortium_id}};
 *   <li>the proof: {@code LinkHello{challenge = c_mine, peer_challenge = c_peer, consortium_id}},
 *       whose signature by the sender's replica key is what authenticates the link.
 * </ol>
 *
 * Both travel in {@code SignedEnvelope}s from a replica. Stateless and thread-safe.
 */
final class LinkHellos {
  static final int CHALLENGE_BYTES = 32;
  /** A hello is about 200 bytes; anything much larger before authentication is refused. */
  static final int HELLO_BYTES_MAX = 1024;

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

  /** What the peer said in its challenge hello. */
  record Challenge(int replica, Bytes challenge) {}

  /** A challenge hello or the reason it was refused: exactly one of the two is present. */
  record ChallengeOutcome(Optional<Challenge> challenge, Optional<TransportCounter> rejection) {
    static ChallengeOutcome accepted(int replica, Bytes challenge) {
      return new ChallengeOutcome(Optional.of(new Challenge(replica, challenge)), Optional.empty());
    }

    static ChallengeOutcome rejected(TransportCounter reason) {
      return new ChallengeOutcome(Optional.empty(), Optional.of(reason));
    }
  }

  byte[] challengeFrame(Bytes myChallenge) {
    return hello(LinkHello.newBuilder().setChallenge(byteString(myChallenge)));
  }

  byte[] proofFrame(Bytes myChallenge, Bytes peerChallenge) {
    return hello(LinkHello.newBuilder().setChallenge(byteString(myChallenge))
        .setPeerChallenge(byteString(peerChallenge)));
  }

  private byte[] hello(LinkHello.Builder hello) {
    Payload payload = Payload.newBuilder().setLinkHello(hello.setConsortiumId(consortiumId)).build();
    return Envelopes.sign(SenderKind.SENDER_KIND_REPLICA, self, payload, key).toByteArray();
  }

  /**
   * Reads a challenge hello. Its signature is not checked: it proves nothing until it answers a
   * fresh challenge, which only the proof does.
   */
  ChallengeOutcome readChallenge(byte[] frame) {
    Optional<SignedEnvelope> envelope = Envelopes.parse(frame);
    Optional<LinkHello> hello = envelope.flatMap(LinkHellos::linkHello);
    if (hello.isEmpty() || !hello.get().getPeerChallenge().isEmpty()) {
      return ChallengeOutcome.rejected(TransportCounter.HELLO_MALFORMED);
    }
    long sender = envelope.get().getSenderId();
    if (sender < 0 || sender > Integer.MAX_VALUE || sender == self || !replicaKeys.containsKey((int) sender)) {
      return ChallengeOutcome.rejected(TransportCounter.HELLO_UNKNOWN_SENDER);
    }
    if (!consortiumId.equals(hello.get().getConsortiumId())) {
      return ChallengeOutcome.rejected(TransportCounter.HELLO_WRONG_CONSORTIUM);
    }
    return ChallengeOutcome.accepted((int) sender, Bytes.of(hello.get().getChallenge().toByteArray()));
  }

  /**
   * Reads the proof from {@code peer}, whose challenge hello said {@code peerChallenge}, in
   * answer to {@code myChallenge}. Empty when the link is authenticated in this direction.
   */
  Optional<TransportCounter> readProof(byte[] frame, Challenge peerChallenge, Bytes myChallenge) {
    Optional<SignedEnvelope> envelope = Envelopes.parse(frame);
    Optional<LinkHello> hello = envelope.flatMap(LinkHellos::linkHello);
    if (hello.isEmpty() || hello.get().getPeerChallenge().size() != CHALLENGE_BYTES) {
      return Optional.of(TransportCounter.HELLO_MALFORMED);
    }
    if (envelope.get().getSenderId() != peerChallenge.replica()) {
      return Optional.of(TransportCounter.HELLO_UNKNOWN_SENDER);
    }
    if (!consortiumId.equals(hello.get().getConsortiumId())) {
      return Optional.of(TransportCounter.HELLO_WRONG_CONSORTIUM);
    }
    if (!Envelopes.check(envelope.get(), replicaKeys.get(peerChallenge.replica())).isValid()) {
      return Optional.of(TransportCounter.HELLO_BAD_SIGNATURE);
    }
    boolean fresh = Bytes.of(hello.get().getPeerChallenge().toByteArray()).equals(myChallenge)
        && Bytes.of(hello.get().getChallenge().toByteArray()).equals(peerChallenge.challenge());
    return fresh ? Optional.empty() : Optional.of(TransportCounter.HELLO_STALE_CHALLENGE);
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

  private static ByteString byteString(Bytes bytes) {
    return ByteString.copyFrom(bytes.toByteArray());
  }
}
