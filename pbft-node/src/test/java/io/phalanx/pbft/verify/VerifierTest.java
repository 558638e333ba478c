package io.phalanx.pbft.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.crypto.Sha256;
import io.phalanx.pbft.codec.EnvelopeSigner;
import io.phalanx.pbft.codec.Envelopes;
import io.phalanx.pbft.codec.PayloadCodec;
import io.phalanx.pbft.codec.RequestSigner;
import io.phalanx.pbft.core.Batch;
import io.phalanx.pbft.core.Checkpoint;
import io.phalanx.pbft.core.PrePrepare;
import io.phalanx.pbft.core.Prepare;
import io.phalanx.pbft.core.PreparedCertificate;
import io.phalanx.pbft.core.Request;
import io.phalanx.pbft.core.SignedMessage;
import io.phalanx.pbft.core.SignedRequest;
import io.phalanx.pbft.core.ViewChange;
import io.phalanx.pbft.sim.SimKeys;
import io.phalanx.protocol.Payload;
import io.phalanx.protocol.SenderKind;
import io.phalanx.protocol.SignedEnvelope;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class VerifierTest {
  private static final long CLIENT = 7;
  private final Verifier verifier = new Verifier(SimKeys.membership(4, List.of(CLIENT)), 1_000);
  private final EnvelopeSigner replica1 = new EnvelopeSigner(1, SimKeys.replica(1));
  private final EnvelopeSigner replica0 = new EnvelopeSigner(0, SimKeys.replica(0));

  private static Digest digest(int value) {
    return Sha256.hash(new byte[] {(byte) value});
  }

  private SignedRequest request(long timestamp) {
    return RequestSigner.sign(new Request(CLIENT, timestamp, false, Bytes.of(new byte[] {1, 2})),
        SimKeys.client(CLIENT));
  }

  private RejectReason rejection(Bytes envelope) {
    return assertInstanceOf(Verification.Rejected.class, verifier.verify(envelope)).reason();
  }

  @Test
  void aValidPrepareVerifiesToItsRecordWithTheOriginalBytes() {
    SignedMessage prepare = replica1.sign(new Prepare(3, 17, digest(1), 1));
    Verification result = verifier.verify(prepare.envelope());
    assertEquals(prepare, assertInstanceOf(Verification.VerifiedMessage.class, result).message());
  }

  @Test
  void aPrePrepareCarriesItsBatchWithEveryClientRequestVerified() {
    Batch batch = new Batch(List.of(request(1), request(2)), 1_000, false);
    Bytes bytes = PayloadCodec.encodeBatch(batch);
    SignedMessage prePrepare = replica0.sign(new PrePrepare(0, 1, Sha256.hash(bytes), bytes, batch, 0));
    Verification result = verifier.verify(prePrepare.envelope());
    assertEquals(prePrepare, assertInstanceOf(Verification.VerifiedMessage.class, result).message());
  }

  @Test
  void aPrePrepareWhoseDigestIsNotItsBatchIsRejected() {
    Batch batch = new Batch(List.of(request(1)), 1_000, false);
    Bytes bytes = PayloadCodec.encodeBatch(batch);
    SignedMessage prePrepare = replica0.sign(new PrePrepare(0, 1, digest(9), bytes, batch, 0));
    assertEquals(RejectReason.DIGEST_MISMATCH, rejection(prePrepare.envelope()));
  }

  @Test
  void aBatchWithARequestFromAnUnadmittedKeyIsRejected() {
    SignedRequest forged = RequestSigner.sign(new Request(CLIENT, 1, false, Bytes.empty()), SimKeys.impostor(1));
    Batch batch = new Batch(List.of(forged), 1_000, false);
    Bytes bytes = PayloadCodec.encodeBatch(batch);
    SignedMessage prePrepare = replica0.sign(new PrePrepare(0, 1, Sha256.hash(bytes), bytes, batch, 0));
    assertEquals(RejectReason.BAD_REQUEST_IN_BATCH, rejection(prePrepare.envelope()));
  }

  @Test
  void aVoteNamingAnotherReplicaThanItsSignerIsRejected() {
    byte[] payload = PayloadCodec.encode(new Prepare(0, 1, digest(1), 2));
    Bytes envelope = Envelopes.seal(SenderKind.SENDER_KIND_REPLICA, 1, payload, SimKeys.replica(1));
    assertEquals(RejectReason.SENDER_MISMATCH, rejection(envelope));
  }

  @Test
  void aSignatureByTheWrongKeyIsRejected() {
    byte[] payload = PayloadCodec.encode(new Prepare(0, 1, digest(1), 1));
    Bytes envelope = Envelopes.seal(SenderKind.SENDER_KIND_REPLICA, 1, payload, SimKeys.replica(2));
    assertEquals(RejectReason.BAD_SIGNATURE, rejection(envelope));
  }

  @Test
  void anUnknownSenderAndAnUnknownVersionAreRejected() {
    byte[] payload = PayloadCodec.encode(new Prepare(0, 1, digest(1), 1));
    assertEquals(RejectReason.UNKNOWN_SENDER,
        rejection(Envelopes.seal(SenderKind.SENDER_KIND_REPLICA, 9, payload, SimKeys.replica(1))));
    SignedEnvelope versionTwo = SignedEnvelope.newBuilder().setVersion(2)
        .setSenderKind(SenderKind.SENDER_KIND_REPLICA).setSenderId(1)
        .setPayload(ByteString.copyFrom(payload))
        .setSignature(ByteString.copyFrom(SimKeys.replica(1).sign(payload).toByteArray())).build();
    assertEquals(RejectReason.UNSUPPORTED_VERSION, rejection(Bytes.of(versionTwo.toByteArray())));
  }

  @Test
  void aClientCannotSendAReplicaMessage() {
    byte[] payload = PayloadCodec.encode(new Prepare(0, 1, digest(1), 1));
    Bytes envelope = Envelopes.seal(SenderKind.SENDER_KIND_CLIENT, CLIENT, payload, SimKeys.client(CLIENT));
    assertEquals(RejectReason.SENDER_MISMATCH, rejection(envelope));
  }

  @Test
  void aViewChangeWithAForgedNestedPrepareIsRejected() {
    Batch batch = new Batch(List.of(), 1, false);
    Bytes bytes = PayloadCodec.encodeBatch(batch);
    SignedMessage prePrepare = replica0.sign(new PrePrepare(0, 1, Sha256.hash(bytes), bytes, batch, 0));
    SignedEnvelope good = parse(replica1.sign(new Prepare(0, 1, Sha256.hash(bytes), 1)).envelope());
    Bytes tampered = Bytes.of(good.toBuilder().setSenderId(2).build().toByteArray());
    SignedMessage forgedPrepare = new SignedMessage(new Prepare(0, 1, Sha256.hash(bytes), 2), tampered);
    SignedMessage viewChange = replica1.sign(new ViewChange(1, 0, List.of(),
        List.of(new PreparedCertificate(prePrepare, List.of(forgedPrepare))), 1));
    assertEquals(RejectReason.BAD_NESTED_MESSAGE, rejection(viewChange.envelope()));
  }

  @Test
  void anEnvelopeVerifiesOnceThenComesFromTheCache() {
    SignedMessage checkpoint = replica1.sign(new Checkpoint(8, digest(3), 1));
    verifier.verify(checkpoint.envelope());
    long checks = verifier.signatureChecks();
    verifier.verify(checkpoint.envelope());
    assertEquals(checks, verifier.signatureChecks());
    assertTrue(verifier.cacheHits() >= 1);
  }

  @Test
  void theCacheIsBounded() {
    Verifier small = new Verifier(SimKeys.membership(4, List.of(CLIENT)), 2);
    SignedMessage first = replica1.sign(new Checkpoint(8, digest(1), 1));
    small.verify(first.envelope());
    small.verify(replica1.sign(new Checkpoint(16, digest(2), 1)).envelope());
    small.verify(replica1.sign(new Checkpoint(24, digest(3), 1)).envelope());
    long checks = small.signatureChecks();
    small.verify(first.envelope());
    assertEquals(checks + 1, small.signatureChecks(), "the eldest entry was evicted");
  }

  @Test
  void rejectionsAreCountedByReason() {
    verifier.verify(Bytes.of(new byte[] {1, 2, 3}));
    assertEquals(1L, verifier.rejections().get(RejectReason.MALFORMED_ENVELOPE));
  }

  @Property(tries = 300)
  void arbitraryBytesAreRejectedWithoutThrowing(@ForAll byte[] bytes) {
    assertInstanceOf(Verification.Rejected.class, verifier.verify(Bytes.of(bytes)));
  }

  @Property(tries = 200)
  void aFlippedByteInAValidEnvelopeNeverVerifiesToADifferentMessage(@ForAll long seed) {
    SignedMessage prepare = replica1.sign(new Prepare(3, 17, digest(1), 1));
    byte[] bytes = prepare.envelope().toByteArray();
    SplittableRandom random = new SplittableRandom(seed);
    bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
    Verification result = verifier.verify(Bytes.of(bytes));
    if (result instanceof Verification.VerifiedMessage verified) {
      assertEquals(prepare.message(), verified.message().message());
    }
  }

  private static SignedEnvelope parse(Bytes envelope) {
    try {
      return SignedEnvelope.parseFrom(envelope.toByteArray());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aPayloadKindTheCoreDoesNotHandleIsRejected() {
    byte[] payload = Payload.newBuilder().setLinkHello(io.phalanx.protocol.LinkHello.getDefaultInstance())
        .build().toByteArray();
    assertEquals(RejectReason.UNEXPECTED_KIND,
        rejection(Envelopes.seal(SenderKind.SENDER_KIND_REPLICA, 1, payload, SimKeys.replica(1))));
  }
}
