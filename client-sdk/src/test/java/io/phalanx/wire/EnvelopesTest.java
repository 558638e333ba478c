package io.phalanx.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.protocol.LinkHello;
import io.phalanx.protocol.Payload;
import io.phalanx.protocol.SenderKind;
import io.phalanx.protocol.SignedEnvelope;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class EnvelopesTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final SigningKeyPair alice = SigningKeyPair.generate(RANDOM);
  private final SigningKeyPair mallory = SigningKeyPair.generate(RANDOM);

  private static Payload hello() {
    return Payload.newBuilder().setLinkHello(LinkHello.newBuilder()
        .setChallenge(ByteString.copyFrom(new byte[32])).setConsortiumId("c1")).build();
  }

  @Test
  void aSignedEnvelopeChecksUnderItsSignersKeyAfterARoundTripOverTheWire() {
    SignedEnvelope envelope = Envelopes.sign(SenderKind.SENDER_KIND_REPLICA, 2, hello(), alice);
    SignedEnvelope received = Envelopes.parse(envelope.toByteArray()).orElseThrow();
    assertEquals(EnvelopeCheck.VALID, Envelopes.check(received, alice.publicKey()));
    assertEquals(2, received.getSenderId());
    assertEquals(Envelopes.VERSION, received.getVersion());
    assertEquals(hello(), Envelopes.parsePayload(received).orElseThrow());
  }

  @Test
  void anotherKeyOrAChangedPayloadDoesNotCheck() {
    SignedEnvelope envelope = Envelopes.sign(SenderKind.SENDER_KIND_REPLICA, 2, hello(), alice);
    assertEquals(EnvelopeCheck.BAD_SIGNATURE, Envelopes.check(envelope, mallory.publicKey()));
    byte[] payload = envelope.getPayload().toByteArray();
    payload[payload.length - 1] ^= 1;
    SignedEnvelope changed = envelope.toBuilder().setPayload(ByteString.copyFrom(payload)).build();
    assertEquals(EnvelopeCheck.BAD_SIGNATURE, Envelopes.check(changed, alice.publicKey()));
  }

  @Test
  void aWrongVersionOrAShortSignatureIsRefusedBeforeVerifying() {
    SignedEnvelope envelope = Envelopes.sign(SenderKind.SENDER_KIND_REPLICA, 2, hello(), alice);
    assertEquals(EnvelopeCheck.UNSUPPORTED_VERSION,
        Envelopes.check(envelope.toBuilder().setVersion(2).build(), alice.publicKey()));
    assertEquals(EnvelopeCheck.MALFORMED_SIGNATURE, Envelopes.check(
        envelope.toBuilder().setSignature(ByteString.copyFrom(new byte[63])).build(),
        alice.publicKey()));
  }

  @Test
  void theSignatureCoversTheBytesAsSentEvenWhenTheyAreNotCanonical() {
    // The same Payload twice over: a parser merges it into one value, so a re-serialisation
    // would differ from what was signed. Checking must use the received bytes.
    ByteString doubled = hello().toByteString().concat(hello().toByteString());
    SignedEnvelope envelope = Envelopes.sign(SenderKind.SENDER_KIND_CLIENT, 9, doubled, alice);
    SignedEnvelope received = Envelopes.parse(envelope.toByteArray()).orElseThrow();
    assertTrue(Envelopes.parsePayload(received).orElseThrow().toByteString().size()
        < doubled.size());
    assertEquals(EnvelopeCheck.VALID, Envelopes.check(received, alice.publicKey()));
  }

  @Test
  void garbageParsesToNothingWithoutThrowing() {
    assertTrue(Envelopes.parse(new byte[] {(byte) 0xff, (byte) 0xff, 0x01}).isEmpty());
    SignedEnvelope notAPayload = SignedEnvelope.newBuilder()
        .setPayload(ByteString.copyFrom(new byte[] {(byte) 0xff})).build();
    assertTrue(Envelopes.parsePayload(notAPayload).isEmpty());
  }
}
