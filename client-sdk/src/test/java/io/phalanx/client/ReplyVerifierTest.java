package io.phalanx.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.protocol.ClientReply;
import io.phalanx.protocol.ClientRequest;
import io.phalanx.protocol.Payload;
import io.phalanx.protocol.SenderKind;
import io.phalanx.protocol.SignedEnvelope;
import io.phalanx.wire.Envelopes;
import io.phalanx.wire.ReasonCounter;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplyVerifierTest {
  private static final long CLIENT = 7;
  private static final SecureRandom RANDOM = new SecureRandom();
  private final List<SigningKeyPair> keys = List.of(SigningKeyPair.generate(RANDOM),
      SigningKeyPair.generate(RANDOM), SigningKeyPair.generate(RANDOM),
      SigningKeyPair.generate(RANDOM));
  private final ReasonCounter<BadReply> counter = new ReasonCounter<>(BadReply.class);
  private final ReplyVerifier verifier = new ReplyVerifier(CLIENT,
      keys.stream().map(SigningKeyPair::publicKey).toList(), counter);

  @Test
  void aReplySignedByTheReplicaItNamesIsAccepted() {
    ReplyVerifier.Verified verified = verifier.check(frame(2, reply(2, CLIENT), keys.get(2)))
        .orElseThrow();

    assertEquals(2, verified.replica());
    assertEquals(42, verified.reply().getTimestamp());
    assertTrue(counter.snapshot().values().stream().allMatch(count -> count == 0));
  }

  @Test
  void everyKindOfBadReplyIsDroppedAndCountedByReason() {
    assertBad(BadReply.MALFORMED, new byte[] {1, 2, 3});
    assertBad(BadReply.BAD_SIGNATURE, frame(1, reply(1, CLIENT), keys.get(3)));
    assertBad(BadReply.UNKNOWN_REPLICA, frame(4, reply(4, CLIENT), keys.get(0)));
    assertBad(BadReply.REPLICA_MISMATCH, frame(1, reply(2, CLIENT), keys.get(1)));
    assertBad(BadReply.WRONG_CLIENT, frame(1, reply(1, CLIENT + 1), keys.get(1)));
    assertBad(BadReply.NOT_A_REPLY, Envelopes.sign(SenderKind.SENDER_KIND_REPLICA, 1,
        Payload.newBuilder().setRequest(ClientRequest.getDefaultInstance()).build(), keys.get(1))
        .toByteArray());
    assertBad(BadReply.NOT_FROM_REPLICA, Envelopes.sign(SenderKind.SENDER_KIND_CLIENT, 1,
        Payload.newBuilder().setReply(reply(1, CLIENT)).build(), keys.get(1)).toByteArray());
    SignedEnvelope tampered = SignedEnvelope.newBuilder(envelope(1, reply(1, CLIENT), keys.get(1)))
        .setPayload(Payload.newBuilder().setReply(reply(1, CLIENT).toBuilder()
            .setResult(ByteString.copyFromUtf8("other"))).build().toByteString()).build();
    assertBad(BadReply.BAD_SIGNATURE, tampered.toByteArray());
  }

  private void assertBad(BadReply reason, byte[] frame) {
    long before = counter.get(reason);
    assertTrue(verifier.check(frame).isEmpty(), reason.toString());
    Map<BadReply, Long> after = counter.snapshot();
    assertEquals(before + 1, after.get(reason), reason.toString());
  }

  private static ClientReply reply(int replica, long client) {
    return ClientReply.newBuilder().setView(0).setTimestamp(42).setClientId(client)
        .setReplica(replica).setResult(ByteString.copyFromUtf8("result")).build();
  }

  private static SignedEnvelope envelope(long sender, ClientReply reply, SigningKeyPair key) {
    return Envelopes.sign(SenderKind.SENDER_KIND_REPLICA, sender,
        Payload.newBuilder().setReply(reply).build(), key);
  }

  private static byte[] frame(long sender, ClientReply reply, SigningKeyPair key) {
    return envelope(sender, reply, key).toByteArray();
  }
}
