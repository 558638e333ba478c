package io.phalanx.pbft.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.protobuf.ByteString;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.PublicKey;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.protocol.LinkHello;
import io.phalanx.protocol.Payload;
import io.phalanx.protocol.SenderKind;
import io.phalanx.protocol.SignedEnvelope;
import io.phalanx.wire.Envelopes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinkHellosTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final SigningKeyPair[] keys = {SigningKeyPair.generate(RANDOM),
      SigningKeyPair.generate(RANDOM), SigningKeyPair.generate(RANDOM)};
  private final Map<Integer, PublicKey> members = Map.of(0, keys[0].publicKey(),
      1, keys[1].publicKey(), 2, keys[2].publicKey());

  private LinkHellos replica(int replica) {
    return new LinkHellos(replica, "c", keys[replica], members);
  }

  @Test
  void anOpeningNamesItsSenderAndChallenge() {
    Bytes challenge = challenge(1);
    LinkHellos.Outcome outcome = replica(0).readOpening(replica(1).openingFrame(challenge));
    assertEquals(Optional.of(new LinkHellos.Hello(1, challenge)), outcome.hello());
  }

  @Test
  void aProofChecksOnlyAtTheReplicaAndForTheChallengeItWasMadeFor() {
    Bytes zeros = challenge(2);
    Bytes ones = challenge(3);
    byte[] proof = replica(1).proofFrame(ones, zeros, 0);
    assertEquals(Optional.of(new LinkHellos.Hello(1, ones)),
        replica(0).readProof(proof, zeros).hello());
    assertEquals(Optional.of(TransportCounter.HELLO_STALE_CHALLENGE),
        replica(0).readProof(proof, challenge(4)).rejection());
    assertEquals(Optional.of(TransportCounter.HELLO_STALE_CHALLENGE),
        replica(2).readProof(proof, zeros).rejection(), "made for replica 0, not 2");
  }

  @Test
  void theBindingIsSha256OfTheDomainTheChallengeAndTheRecipient() throws Exception {
    Bytes challenge = challenge(5);
    MessageDigest reference = MessageDigest.getInstance("SHA-256");
    reference.update("phalanx/link-hello/v1".getBytes(StandardCharsets.US_ASCII));
    reference.update(challenge.toByteArray());
    reference.update(ByteBuffer.allocate(4).putInt(3).array());
    assertEquals(Bytes.wrapOwned(reference.digest()), LinkHellos.binding(challenge, 3));
    assertNotEquals(LinkHellos.binding(challenge, 3), LinkHellos.binding(challenge, 2));
  }

  @Test
  void aSenderIdThatOnlyTruncatesToAMemberIsUnknown() {
    long wrapsToOne = (1L << 32) + 1;
    byte[] opening = envelope(wrapsToOne, SenderKind.SENDER_KIND_REPLICA, hello("c"));
    assertEquals(Optional.of(TransportCounter.HELLO_UNKNOWN_SENDER),
        replica(0).readOpening(opening).rejection());
    assertEquals(Optional.of(TransportCounter.HELLO_UNKNOWN_SENDER), replica(0).readOpening(
        envelope(-1, SenderKind.SENDER_KIND_REPLICA, hello("c"))).rejection());
    assertEquals(Optional.of(TransportCounter.HELLO_UNKNOWN_SENDER), replica(0).readOpening(
        replica(0).openingFrame(challenge(6))).rejection(), "itself");
  }

  @Test
  void aClientEnvelopeOrAnotherConsortiumIsRefused() {
    assertEquals(Optional.of(TransportCounter.HELLO_MALFORMED), replica(0).readOpening(
        envelope(1, SenderKind.SENDER_KIND_CLIENT, hello("c"))).rejection());
    assertEquals(Optional.of(TransportCounter.HELLO_WRONG_CONSORTIUM), replica(0).readOpening(
        envelope(1, SenderKind.SENDER_KIND_REPLICA, hello("d"))).rejection());
    assertEquals(Optional.of(TransportCounter.HELLO_MALFORMED),
        replica(0).readProof(replica(1).openingFrame(challenge(7)), challenge(7)).rejection(),
        "an opening is not a proof");
  }

  private static Payload hello(String consortium) {
    return Payload.newBuilder().setLinkHello(LinkHello.newBuilder()
        .setChallenge(ByteString.copyFrom(new byte[32]))
        .setConsortiumId(consortium)).build();
  }

  private byte[] envelope(long sender, SenderKind kind, Payload payload) {
    SignedEnvelope envelope = Envelopes.sign(kind, sender, payload, keys[1]);
    return envelope.toByteArray();
  }

  private static Bytes challenge(int seed) {
    byte[] challenge = new byte[LinkHellos.CHALLENGE_BYTES];
    new SplittableRandom(seed).nextBytes(challenge);
    return Bytes.wrapOwned(challenge);
  }
}
