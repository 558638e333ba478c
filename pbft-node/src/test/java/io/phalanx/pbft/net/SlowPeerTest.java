package io.phalanx.pbft.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.phalanx.crypto.Bytes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A slow or dead peer costs at most the bounds: what does not fit is dropped and counted. */
class SlowPeerTest {
  static {
    LeakRecorder.install();
  }

  private static final int MESSAGE_BYTES = 16 * 1024;
  private static final int QUEUE_MESSAGES_MAX = 64;
  private static final long QUEUE_BYTES_MAX = 1024 * 1024;
  private static final int WRITE_BUFFER_HIGH_BYTES = 64 * 1024;

  @AfterAll
  static void noBufferLeaked() {
    assertEquals(List.of(), LeakRecorder.collectLeaks());
  }

  @Test
  void messagesForADeadPeerStopAtTheQueueBoundAndTheRestAreDroppedAndCounted() throws Exception {
    InetSocketAddress nobodyListens;
    try (ServerSocket closedAgain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      nobodyListens = (InetSocketAddress) closedAgain.getLocalSocketAddress();
    }
    try (TestReplicas replicas = new TestReplicas(2)) {
      ReplicaTransport transport = replicas.start(0,
          config -> config.outboundQueueMax(100, QUEUE_BYTES_MAX));
      transport.connectTo(1, nobodyListens);
      int accepted = 0;
      for (int i = 0; i < 300; i++) {
        accepted += transport.send(1, new byte[1024]) ? 1 : 0;
      }
      assertEquals(100, accepted);
      Await.until(() -> transport.status().count(TransportCounter.CONNECT_FAILED) >= 2,
          () -> "redialled the dead peer: " + transport.status());
      TransportStatus status = transport.status();
      assertEquals(200, status.count(TransportCounter.OUTBOUND_QUEUE_FULL));
      assertEquals(100, status.peers().get(0).queuedMessages());
      assertEquals(100 * 1024, status.peers().get(0).queuedBytes());
      assertEquals(List.of(), status.connectedPeers());
    }
  }

  @Test
  void aPeerThatStopsReadingCostsAtMostTheBoundsAndGetsEverythingAcceptedOnceItReads()
      throws Exception {
    try (TestReplicas replicas = new TestReplicas(2);
        ServerSocket listener = new ServerSocket()) {
      listener.setReceiveBufferSize(8 * 1024);
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      listener.setSoTimeout((int) Await.DEFAULT.toMillis());
      ReplicaTransport transport = replicas.start(0,
          config -> config.outboundQueueMax(QUEUE_MESSAGES_MAX, QUEUE_BYTES_MAX));
      transport.connectTo(1, (InetSocketAddress) listener.getLocalSocketAddress());
      try (RawPeer slow = RawPeer.wrap(listener.accept())) {
        authenticateAsReplicaOne(replicas, slow);
        Await.until(() -> transport.status().connectedPeers().equals(List.of(1)),
            () -> "the link to the slow peer authenticated: " + transport.status());
        int accepted = fillUntilDropped(transport);
        TransportStatus.PeerStatus peer = transport.status().peers().get(0);
        assertTrue(accepted > QUEUE_MESSAGES_MAX, "the socket took some before it stalled");
        assertTrue(transport.status().count(TransportCounter.OUTBOUND_QUEUE_FULL) >= 1);
        assertTrue(peer.queuedBytes() <= QUEUE_BYTES_MAX, peer.toString());
        assertTrue(peer.queuedMessages() <= QUEUE_MESSAGES_MAX, peer.toString());
        assertTrue(peer.socketBufferedBytes() <= WRITE_BUFFER_HIGH_BYTES + 2L * MESSAGE_BYTES,
            peer.toString());
        assertEveryAcceptedMessageArrivesOnceThePeerReads(transport, slow, accepted);
      }
    }
  }

  /** Sends until the queue refuses; between sends, waits until the link drained or stalled. */
  private static int fillUntilDropped(ReplicaTransport transport) {
    int accepted = 0;
    for (int i = 0; i < 10_000; i++) {
      if (!transport.send(1, new byte[MESSAGE_BYTES])) {
        return accepted;
      }
      accepted++;
      Await.until(() -> {
        TransportStatus.PeerStatus peer = transport.status().peers().get(0);
        return peer.queuedMessages() == 0 || !peer.writable();
      }, () -> "the link drained or stalled: " + transport.status());
    }
    return fail("10 000 messages of 16 KiB and the queue never filled: the peer is reading");
  }

  private static void assertEveryAcceptedMessageArrivesOnceThePeerReads(
      ReplicaTransport transport, RawPeer slow, int accepted) throws Exception {
    AtomicInteger received = new AtomicInteger();
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try {
      reader.execute(() -> {
        try {
          while (received.get() < accepted) {
            slow.readFrame();
            received.incrementAndGet();
          }
        } catch (IOException closed) {
          // the assertion below reports how far it got
        }
      });
      Await.until(() -> received.get() == accepted,
          () -> received.get() + " of " + accepted + " accepted messages arrived");
      assertEquals(0, transport.status().peers().get(0).queuedMessages());
    } finally {
      reader.shutdownNow();
    }
  }

  /** Plays replica 1's side of the handshake by hand (the acceptor), with replica 1's real key. */
  private static void authenticateAsReplicaOne(TestReplicas replicas, RawPeer slow)
      throws IOException {
    LinkHellos one = new LinkHellos(1, TestReplicas.CONSORTIUM, replicas.key(1),
        replicas.publicKeys());
    byte[] random = new byte[LinkHellos.CHALLENGE_BYTES];
    new SplittableRandom(1).nextBytes(random);
    Bytes mine = Bytes.wrapOwned(random);
    slow.sendFrame(one.openingFrame(mine));
    LinkHellos.Hello zero = one.readProof(slow.readFrame(), mine).hello().orElseThrow();
    slow.sendFrame(one.proofFrame(mine, zero.challenge(), zero.replica()));
  }
}
