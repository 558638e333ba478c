package io.phalanx.pbft.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.protocol.LinkHello;
import io.phalanx.protocol.Payload;
import io.phalanx.protocol.SenderKind;
import io.phalanx.protocol.SignedEnvelope;
import io.phalanx.wire.Envelopes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile input on real sockets against replica 0, while replica 1 stays connected to it: each
 * attack must close the attacker's connection (or drop its frame), be counted under exactly its
 * reason, and leave the honest exchange between 0 and 1 working.
 */
class HostileInputTest {
  static {
    LeakRecorder.install();
  }

  private static final int FRAME_BYTES_MAX = 64 * 1024;
  private static final Set<TransportCounter> REFUSALS = EnumSet.range(
      TransportCounter.FRAME_TOO_LONG, TransportCounter.HELLO_PENDING_FULL);

  private final SigningKeyPair attackerKey = SigningKeyPair.generate(new SecureRandom());
  private TestReplicas replicas;
  private ReplicaTransport target;

  @BeforeEach
  void startTwoHonestReplicas() throws InterruptedException {
    replicas = new TestReplicas(3);  // replica 2 is a member that is down, or Byzantine
    for (int replica = 0; replica < 2; replica++) {
      replicas.start(replica, config -> config.frameBytesMax(FRAME_BYTES_MAX)
          .handshakeTimeoutMillis(1_500));
    }
    replicas.transport(0).connectTo(1, replicas.replicaAddress(1));
    replicas.transport(1).connectTo(0, replicas.replicaAddress(0));
    target = replicas.transport(0);
    assertHonestExchangeWorks();
  }

  @AfterEach
  void stop() {
    replicas.close();
  }

  @AfterAll
  static void noBufferLeaked() {
    assertEquals(List.of(), LeakRecorder.collectLeaks());
  }

  @Test
  void randomBytesCloseTheConnection() throws Exception {
    byte[] noise = new byte[256];
    new SplittableRandom(11).nextBytes(noise);
    noise[0] = (byte) 0x80;  // the first four bytes read as a length far above the maximum
    assertRefused(TransportCounter.FRAME_TOO_LONG, attacker -> attacker.sendRaw(noise));
  }

  @Test
  void randomBytesInsideAWellFormedFrameAreRefusedAsAMalformedHello() throws Exception {
    byte[] noise = new byte[200];
    new SplittableRandom(12).nextBytes(noise);
    assertRefused(TransportCounter.HELLO_MALFORMED, attacker -> attacker.sendFrame(noise));
  }

  @Test
  void anOversizedLengthPrefixClosesTheConnectionBeforeTheBodyArrives() throws Exception {
    byte[] prefix = ByteBuffer.allocate(4).putInt(FRAME_BYTES_MAX + 1).array();
    assertRefused(TransportCounter.FRAME_TOO_LONG, attacker -> attacker.sendRaw(prefix));
  }

  @Test
  void aFrameLargerThanAHelloBeforeAuthenticationIsRefusedAtItsPrefix() throws Exception {
    byte[] prefix = ByteBuffer.allocate(4).putInt(LinkHellos.HELLO_BYTES_MAX + 1).array();
    assertRefused(TransportCounter.FRAME_TOO_LONG, attacker -> attacker.sendRaw(prefix));
  }

  @Test
  void aTruncatedFrameThenCloseIsCounted() throws Exception {
    long before = refusals();
    try (RawPeer attacker = RawPeer.connect(target.replicaAddress())) {
      attacker.sendRaw(ByteBuffer.allocate(14).putInt(100).put(new byte[10]).array());
      attacker.shutdownOutput();
      attacker.assertClosedByPeer();
    }
    awaitCount(TransportCounter.FRAME_TRUNCATED, 1);
    assertEquals(before + 1, refusals());
    assertHonestExchangeWorks();
  }

  @Test
  void aHelloFromAnUnknownSenderIsRefused() throws Exception {
    LinkHellos stranger = new LinkHellos(7, TestReplicas.CONSORTIUM, attackerKey,
        replicas.publicKeys());
    assertRefused(TransportCounter.HELLO_UNKNOWN_SENDER, attacker -> attacker.sendFrame(
        stranger.proofFrame(challenge(1), openingChallenge(attacker), 0)));
  }

  @Test
  void aHelloForAnotherConsortiumIsRefused() throws Exception {
    LinkHellos foreign = new LinkHellos(1, "another-consortium", replicas.key(1),
        replicas.publicKeys());
    assertRefused(TransportCounter.HELLO_WRONG_CONSORTIUM, attacker -> attacker.sendFrame(
        foreign.proofFrame(challenge(2), openingChallenge(attacker), 0)));
  }

  @Test
  void aProofSignedWithTheWrongKeyIsRefused() throws Exception {
    LinkHellos impostor = new LinkHellos(1, TestReplicas.CONSORTIUM, attackerKey,
        replicas.publicKeys());
    assertRefused(TransportCounter.HELLO_BAD_SIGNATURE, attacker -> attacker.sendFrame(
        impostor.proofFrame(challenge(3), openingChallenge(attacker), 0)));
  }

  @Test
  void aProofReplayedFromAnEarlierConnectionIsRefusedAsStale() throws Exception {
    // Replica 1's genuine proof for replica 0, captured from an earlier connection.
    byte[] captured = captureProofOfReplicaOne(0, challenge(4));
    assertRefused(TransportCounter.HELLO_STALE_CHALLENGE, attacker -> {
      openingChallenge(attacker);
      attacker.sendFrame(captured);
    });
  }

  @Test
  void aLiveProofRelayedByAnotherReplicaIsRefused() throws Exception {
    // Replica 2 (Byzantine) relays replica 0's fresh challenge into a link replica 1 dialled
    // to it, and replica 1's proof back to replica 0: the proof is bound to replica 2.
    assertRefused(TransportCounter.HELLO_STALE_CHALLENGE, attacker -> {
      Bytes fresh = openingChallenge(attacker);
      attacker.sendFrame(captureProofOfReplicaOne(2, fresh));
    });
  }

  @Test
  void aDataFrameInsteadOfTheProofIsRefused() throws Exception {
    SignedEnvelope data = Envelopes.sign(SenderKind.SENDER_KIND_REPLICA, 1,
        Payload.getDefaultInstance(), attackerKey);
    assertRefused(TransportCounter.HELLO_MALFORMED, attacker -> {
      openingChallenge(attacker);
      attacker.sendFrame(data.toByteArray());
    });
  }

  @Test
  void aSilentConnectionIsClosedWhenTheHandshakeTimesOut() throws Exception {
    assertRefused(TransportCounter.HELLO_TIMEOUT, attacker -> attacker.readFrame());
  }

  @Test
  void randomBytesAndAnOversizedFrameOnTheClientListenerCloseOnlyThatClient() throws Exception {
    try (RawPeer honest = RawPeer.connect(target.clientAddress())) {
      for (int attempt = 0; attempt < 2; attempt++) {
        try (RawPeer attacker = RawPeer.connect(target.clientAddress())) {
          byte[] noise = new byte[64];
          new SplittableRandom(attempt).nextBytes(noise);
          noise[0] = (byte) (attempt == 0 ? 0x7f : 0x00);
          noise[1] = (byte) 0xff;  // either way, far above the 64 KiB maximum
          attacker.sendRaw(noise);
          attacker.assertClosedByPeer();
        }
      }
      awaitCount(TransportCounter.CLIENT_FRAME_TOO_LONG, 2);
      honest.sendFrame(new byte[] {1});
      RecordingHandler.ClientFrame request = replicas.handler(0).awaitClientFrame();
      assertEquals(Bytes.wrapOwned(new byte[] {1}), request.envelope());
    }
    assertHonestExchangeWorks();
  }

  @FunctionalInterface
  private interface Attack {
    void run(RawPeer attacker) throws IOException;
  }

  /** Runs an attack on a fresh connection to the target, then checks the four promises. */
  private void assertRefused(TransportCounter reason, Attack attack) throws Exception {
    long before = refusals();
    try (RawPeer attacker = RawPeer.connect(target.replicaAddress())) {
      attack.run(attacker);
      attacker.assertClosedByPeer();
    }
    awaitCount(reason, 1);
    assertEquals(before + 1, refusals(), () -> "only " + reason + ": " + target.status());
    assertEquals(List.of(1), target.status().connectedPeers());
    assertHonestExchangeWorks();
  }

  private void awaitCount(TransportCounter reason, long expected) {
    Await.until(() -> target.status().count(reason) == expected,
        () -> reason + " = " + expected + " in " + target.status());
  }

  private long refusals() {
    TransportStatus status = target.status();
    return REFUSALS.stream().mapToLong(status::count).sum();
  }

  private void assertHonestExchangeWorks() throws InterruptedException {
    replicas.assertExchange(1, 0);
    replicas.assertExchange(0, 1);
  }

  private static Bytes challenge(int seed) {
    byte[] challenge = new byte[LinkHellos.CHALLENGE_BYTES];
    new SplittableRandom(seed).nextBytes(challenge);
    return Bytes.wrapOwned(challenge);
  }

  /** Reads the target's opening and returns its challenge, parsed independently of LinkHellos. */
  private static Bytes openingChallenge(RawPeer attacker) throws IOException {
    SignedEnvelope opening = SignedEnvelope.parseFrom(attacker.readFrame());
    LinkHello hello = Payload.parseFrom(opening.getPayload()).getLinkHello();
    assertEquals(0, opening.getSenderId());
    assertEquals(0, hello.getPeerChallenge().size());
    ByteString challenge = hello.getChallenge();
    assertEquals(LinkHellos.CHALLENGE_BYTES, challenge.size());
    return Bytes.of(challenge.toByteArray());
  }

  /**
   * Gets a genuine proof out of replica 1: a second transport with replica 1's identity dials
   * the attacker, who poses as replica {@code posingAs} and opens with {@code challenge}.
   */
  private byte[] captureProofOfReplicaOne(int posingAs, Bytes challenge) throws IOException {
    LinkHellos posing = new LinkHellos(posingAs, TestReplicas.CONSORTIUM, attackerKey,
        replicas.publicKeys());
    try (ServerSocket trap = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ReplicaTransport one = ReplicaTransport.start(replicas.config(1).build(),
            new RecordingHandler())) {
      trap.setSoTimeout((int) Await.DEFAULT.toMillis());
      one.connectTo(posingAs, (InetSocketAddress) trap.getLocalSocketAddress());
      try (RawPeer dialled = RawPeer.wrap(trap.accept())) {
        dialled.sendFrame(posing.openingFrame(challenge));
        return dialled.readFrame();
      }
    }
  }
}
