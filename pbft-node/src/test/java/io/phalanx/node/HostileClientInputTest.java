package io.phalanx.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.phalanx.config.HostPort;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.protocol.ClientRequest;
import io.phalanx.protocol.LedgerResult;
import io.phalanx.protocol.Payload;
import io.phalanx.protocol.SenderKind;
import io.phalanx.wire.Envelopes;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input on a real replica's client port: each kind is dropped and counted by reason,
 * and the replica keeps serving an honest client throughout.
 */
class HostileClientInputTest {
  @TempDir
  Path directory;

  @Test
  void junkForgedUnknownAndOversizedFramesAreDroppedCountedAndHarmless() throws Exception {
    try (LocalConsortium consortium = LocalConsortium.start(directory, 4, 2);
        RawClient honest = new RawClient(consortium.genesis, 1,
            consortium.layout.clientKeys(1).resolve("signing.key"))) {
      HostPort target = HostPort.parse(consortium.genesis.getReplicas(0).getClientAddress());
      SigningKeyPair stranger = SigningKeyPair.generate(new SecureRandom());

      send(target, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
      send(target, request(SenderKind.SENDER_KIND_CLIENT, 1, stranger));
      send(target, request(SenderKind.SENDER_KIND_CLIENT, 999, stranger));
      sendLengthPrefix(target, Integer.MAX_VALUE);

      await(() -> counter(consortium, "verify_malformed_envelope") >= 1
          && counter(consortium, "verify_bad_signature") >= 1
          && counter(consortium, "verify_unknown_sender") >= 1
          && counter(consortium, "net_client_frame_too_long") >= 1);
      LedgerResult result = honest.execute(ReplicaNodeTest.createAccounts(1, 2), 20_000);
      assertEquals(LedgerResult.KindCase.CREATE_RESULTS, result.getKindCase());
      assertEquals(1, consortium.node(0).parts().executor.lastExecuted());
      assertTrue(consortium.fatalErrors().isEmpty(), consortium.fatalErrors().toString());
    }
  }

  private static byte[] request(SenderKind kind, long sender, SigningKeyPair keys) {
    Payload payload = Payload.newBuilder().setRequest(ClientRequest.newBuilder()
        .setClientId(sender).setTimestamp(1)
        .setOperation(ReplicaNodeTest.createAccounts(sender, 1).toByteString())).build();
    return Envelopes.sign(kind, sender, payload, keys).toByteArray();
  }

  private static void send(HostPort target, byte[] frame) throws IOException {
    try (Socket socket = new Socket(target.host(), target.port())) {
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      out.writeInt(frame.length);
      out.write(frame);
      out.flush();
      socket.shutdownOutput();
      socket.getInputStream().read(new byte[1]);
    } catch (IOException closedByThePeer) {
      // the replica may close the connection: that is one of the expected answers
    }
  }

  private static void sendLengthPrefix(HostPort target, int length) throws IOException {
    try (Socket socket = new Socket(target.host(), target.port())) {
      new DataOutputStream(socket.getOutputStream()).writeInt(length);
      assertEquals(-1, socket.getInputStream().read(), "the replica closes the connection");
    }
  }

  private static long counter(LocalConsortium consortium, String name) {
    ReplicaNode node = consortium.node(0);
    @SuppressWarnings("unchecked")
    Map<String, Long> counters = (Map<String, Long>) NodeStatus.of(node.parts(), node.loop(),
        node.transport()).get("counters");
    return counters.getOrDefault(name, 0L);
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the counters did not move");
      }
      Thread.sleep(20);
    }
  }
}
