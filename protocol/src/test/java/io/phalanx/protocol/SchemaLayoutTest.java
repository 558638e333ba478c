package io.phalanx.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import org.junit.jupiter.api.Test;

class SchemaLayoutTest {

  @Test
  void envelopeKeepsPayloadBytesExactlyAsSent() throws Exception {
    Payload payload = Payload.newBuilder()
        .setPrepare(Prepare.newBuilder().setView(3).setSequence(17)
            .setBatchDigest(ByteString.copyFrom(new byte[32])).setReplica(2))
        .build();
    byte[] payloadBytes = payload.toByteArray();
    SignedEnvelope envelope = SignedEnvelope.newBuilder()
        .setVersion(1)
        .setSenderKind(SenderKind.SENDER_KIND_REPLICA)
        .setSenderId(2)
        .setPayload(ByteString.copyFrom(payloadBytes))
        .setSignature(ByteString.copyFrom(new byte[64]))
        .build();

    SignedEnvelope decoded = SignedEnvelope.parseFrom(envelope.toByteArray());

    assertArrayEquals(payloadBytes, decoded.getPayload().toByteArray());
    assertEquals(Payload.KindCase.PREPARE, Payload.parseFrom(decoded.getPayload()).getKindCase());
  }

  @Test
  void everyPayloadKindIsAMessageOfItsOwn() {
    Descriptor payload = Payload.getDescriptor();
    assertEquals(1, payload.getOneofs().size());
    for (FieldDescriptor field : payload.getOneofs().get(0).getFields()) {
      assertEquals(FieldDescriptor.Type.MESSAGE, field.getType(), field.getName());
    }
  }

  @Test
  void topLevelWireMessagesReserveRoomToEvolve() {
    for (Descriptor message : new Descriptor[] {
        SignedEnvelope.getDescriptor(), ClientRequest.getDescriptor(), PrePrepare.getDescriptor(),
        ViewChange.getDescriptor(), NewView.getDescriptor(), BlockHeader.getDescriptor()}) {
      assertTrue(message.toProto().getReservedRangeCount() > 0, message.getFullName());
    }
  }

  @Test
  void truncatedEnvelopeIsRejected() {
    byte[] bytes = SignedEnvelope.newBuilder()
        .setPayload(ByteString.copyFrom(new byte[100])).build().toByteArray();
    byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 10);
    assertThrows(InvalidProtocolBufferException.class, () -> SignedEnvelope.parseFrom(truncated));
  }
}
