package io.phalanx.pbft.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.google.protobuf.ByteString;
import io.phalanx.crypto.Bytes;
import io.phalanx.pbft.codec.EnvelopeSigner;
import io.phalanx.pbft.core.Reply;
import io.phalanx.pbft.sim.SimKeys;
import io.phalanx.protocol.Payload;
import io.phalanx.protocol.SignedEnvelope;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A reply's replica_share (a vault get's re-sealed share) is signed with the reply. */
class ReplicaShareReplyTest {
  private final Verifier verifier = new Verifier(SimKeys.membership(4, List.of(7L)), 1_000);
  private final EnvelopeSigner replica2 = new EnvelopeSigner(2, SimKeys.replica(2));

  @Test
  void theShareTravelsSignedAndOutsideTheResult() {
    Reply reply = new Reply(0, 5, 7, 2, Bytes.of(new byte[] {1}), 9,
        Bytes.of(new byte[] {4, 5, 6}));
    Verification verified = verifier.verify(replica2.signReply(reply));
    assertEquals(reply, assertInstanceOf(Verification.VerifiedReply.class, verified).reply());
    Reply plain = new Reply(0, 5, 7, 2, Bytes.of(new byte[] {1}), 9);
    assertEquals(Bytes.empty(), assertInstanceOf(Verification.VerifiedReply.class,
        verifier.verify(replica2.signReply(plain))).reply().replicaShare());
  }

  @Test
  void aChangedShareBreaksTheSignature() throws Exception {
    Bytes envelope = replica2.signReply(new Reply(0, 5, 7, 2, Bytes.of(new byte[] {1}), 9,
        Bytes.of(new byte[] {4, 5, 6})));
    SignedEnvelope signed = SignedEnvelope.parseFrom(envelope.toByteArray());
    Payload payload = Payload.parseFrom(signed.getPayload());
    Payload changed = payload.toBuilder().setReply(payload.getReply().toBuilder()
        .setReplicaShare(ByteString.copyFrom(new byte[] {4, 5, 7}))).build();
    Bytes tampered = Bytes.wrapOwned(signed.toBuilder().setPayload(changed.toByteString())
        .build().toByteArray());
    assertEquals(RejectReason.BAD_SIGNATURE,
        assertInstanceOf(Verification.Rejected.class, verifier.verify(tampered)).reason());
  }
}
