package io.phalanx.pbft.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.crypto.Bytes;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ReplicaTransportTest {
  static {
    LeakRecorder.install();
  }

  @AfterAll
  static void noBufferLeaked() {
    assertEquals(List.of(), LeakRecorder.collectLeaks());
  }

  @Test
  void twoReplicasAuthenticateAndExchangeFramesBothWays() throws Exception {
    try (TestReplicas replicas = new TestReplicas(2).startAll()) {
      replicas.assertExchange(0, 1);
      replicas.assertExchange(1, 0);
      for (int replica = 0; replica < 2; replica++) {
        TransportStatus status = replicas.transport(replica).status();
        assertEquals(List.of(1 - replica), status.connectedPeers());
        assertTrue(status.count(TransportCounter.LINK_AUTHENTICATED) >= 2, status.toString());
        assertEquals(0, status.count(TransportCounter.HELLO_BAD_SIGNATURE));
      }
    }
  }

  @Test
  void aFrameOfTheMaximumSizePassesOnceTheLinkIsAuthenticated() throws Exception {
    int frameBytesMax = 256 * 1024;
    try (TestReplicas replicas = new TestReplicas(2)) {
      for (int replica = 0; replica < 2; replica++) {
        replicas.start(replica, config -> config.frameBytesMax(frameBytesMax));
      }
      replicas.transport(0).connectTo(1, replicas.replicaAddress(1));
      replicas.transport(1).connectTo(0, replicas.replicaAddress(0));
      byte[] largest = new byte[frameBytesMax];
      new SplittableRandom(3).nextBytes(largest);
      assertTrue(replicas.transport(0).send(1, largest.clone()));
      replicas.handler(1).awaitReplicaFrame(0, Bytes.of(largest));
      assertEquals(0, replicas.transport(1).status().count(TransportCounter.FRAME_TOO_LONG));
    }
  }

  @Test
  void fourReplicasConnectAsAFullMeshAndEveryPairExchanges() throws Exception {
    try (TestReplicas replicas = new TestReplicas(4).startAll()) {
      for (int from = 0; from < 4; from++) {
        for (int to = 0; to < 4; to++) {
          if (from != to) {
            replicas.assertExchange(from, to);
          }
        }
      }
      int from = 2;
      Bytes frame = Bytes.wrapOwned(new byte[] {42});
      assertEquals(3, replicas.transport(from).broadcast(frame.toByteArray()));
      for (int to : new int[] {0, 1, 3}) {
        replicas.handler(to).awaitReplicaFrame(from, frame);
      }
    }
  }

  @Test
  void aPeerThatRestartsOnTheSameAddressIsReconnected() throws Exception {
    try (TestReplicas replicas = new TestReplicas(2).startAll()) {
      replicas.assertExchange(0, 1);
      InetSocketAddress address = replicas.replicaAddress(1);
      replicas.stop(1);
      Await.until(() -> replicas.transport(0).status().connectedPeers().isEmpty(),
          () -> "replica 0 noticed the link went down");
      replicas.start(1, config -> config.replicaListenAddress(address));
      replicas.transport(1).connectTo(0, replicas.replicaAddress(0));
      replicas.assertExchange(0, 1);
      replicas.assertExchange(1, 0);
      TransportStatus status = replicas.transport(0).status();
      assertTrue(status.count(TransportCounter.CONNECT_ATTEMPT) >= 2, status.toString());
      assertEquals(0, status.peers().get(0).consecutiveFailures());
    }
  }

  @Test
  void aDialledAddressAnsweredByAnotherReplicaIsRefusedAndRedialled() throws Exception {
    try (TestReplicas replicas = new TestReplicas(3)) {
      replicas.start(0);
      replicas.start(2);
      replicas.transport(0).connectTo(1, replicas.replicaAddress(2));  // a wrong address book
      ReplicaTransport zero = replicas.transport(0);
      Await.until(() -> zero.status().count(TransportCounter.HELLO_WRONG_PEER) >= 2,
          () -> "refused replica 2 answering for 1, twice: " + zero.status());
      assertEquals(List.of(), zero.status().connectedPeers());
      assertEquals(0, replicas.transport(2).status().count(TransportCounter.LINK_AUTHENTICATED));
    }
  }

  @Test
  void aClientFrameReachesTheHandlerAndTheReplyGoesBackOnItsChannel() throws Exception {
    try (TestReplicas replicas = new TestReplicas(1)) {
      ReplicaTransport transport = replicas.start(0);
      try (RawPeer client = RawPeer.connect(transport.clientAddress())) {
        client.sendFrame(new byte[] {1, 2, 3});
        RecordingHandler.ClientFrame request = replicas.handler(0).awaitClientFrame();
        assertEquals(Bytes.wrapOwned(new byte[] {1, 2, 3}), request.envelope());
        assertTrue(request.channel().send(new byte[] {4}));
        assertArrayEquals(new byte[] {4}, client.readFrame());

        assertFalse(transport.sendToClient(77, new byte[] {5}), "no channel bound to 77 yet");
        transport.bindClient(77, request.channel());
        assertTrue(transport.sendToClient(77, new byte[] {6}));
        assertArrayEquals(new byte[] {6}, client.readFrame());
      }
      assertEquals(1, transport.status().count(TransportCounter.CLIENT_FRAME_RECEIVED));
      assertEquals(1, transport.status().count(TransportCounter.CLIENT_REPLY_DROPPED));
    }
  }

  @Test
  void aClientIdFollowsItsLatestChannelAndIsForgottenWhenThatChannelCloses() throws Exception {
    try (TestReplicas replicas = new TestReplicas(1)) {
      ReplicaTransport transport = replicas.start(0);
      try (RawPeer first = RawPeer.connect(transport.clientAddress())) {
        first.sendFrame(new byte[] {1});
        ClientChannel firstChannel = replicas.handler(0).awaitClientFrame().channel();
        transport.bindClient(77, firstChannel);
        try (RawPeer second = RawPeer.connect(transport.clientAddress())) {
          second.sendFrame(new byte[] {2});
          ClientChannel secondChannel = replicas.handler(0).awaitClientFrame().channel();
          transport.bindClient(77, secondChannel);
          transport.bindClient(77, firstChannel);
          transport.bindClient(77, secondChannel);
          assertTrue(transport.sendToClient(77, new byte[] {3}));
          assertArrayEquals(new byte[] {3}, second.readFrame());
        }
        Await.until(() -> !transport.sendToClient(77, new byte[] {4}),
            () -> "client 77 was unbound when its channel closed");
      }
    }
  }

  @Test
  void aClientBeyondTheConnectionBoundIsRefusedAndCounted() throws Exception {
    try (TestReplicas replicas = new TestReplicas(1)) {
      ReplicaTransport transport = replicas.start(0, config -> config.clientConnectionsMax(1));
      try (RawPeer first = RawPeer.connect(transport.clientAddress());
          RawPeer second = RawPeer.connect(transport.clientAddress())) {
        second.assertClosedByPeer();
        first.sendFrame(new byte[] {9});
        assertEquals(Bytes.wrapOwned(new byte[] {9}),
            replicas.handler(0).awaitClientFrame().envelope());
      }
      assertEquals(1, transport.status().count(TransportCounter.CLIENT_CONNECTIONS_FULL));
    }
  }

  @Test
  void aSilentClientIsClosedAfterTheIdleTimeoutAndCounted() throws Exception {
    try (TestReplicas replicas = new TestReplicas(1)) {
      ReplicaTransport transport = replicas.start(0,
          config -> config.clientIdleTimeoutMillis(300));
      try (RawPeer silent = RawPeer.connect(transport.clientAddress())) {
        silent.assertClosedByPeer();
      }
      assertEquals(1, transport.status().count(TransportCounter.CLIENT_IDLE_CLOSED));
    }
  }

  @Test
  void misuseIsAProgrammerErrorNotADrop() {
    try (TestReplicas replicas = new TestReplicas(2)) {
      ReplicaTransport transport = replicas.start(0);
      assertThrows(IllegalArgumentException.class, () -> transport.send(1, new byte[1]));
      assertThrows(IllegalArgumentException.class,
          () -> transport.connectTo(0, transport.replicaAddress()));
      assertThrows(IllegalArgumentException.class,
          () -> transport.connectTo(5, transport.replicaAddress()));
      assertThrows(IllegalArgumentException.class,
          () -> replicas.config(1).keyPair(replicas.key(0)).build());
    }
  }

  @Test
  void anEnvelopeLargerThanTheFrameMaximumIsNotSent() throws Exception {
    try (TestReplicas replicas = new TestReplicas(2)) {
      assertThrows(IllegalArgumentException.class, () -> replicas.config(0).frameBytesMax(100));
      ReplicaTransport transport = replicas.start(0, config -> config.frameBytesMax(2_000));
      transport.connectTo(1, new InetSocketAddress("127.0.0.1", 9));
      assertFalse(transport.send(1, new byte[2_001]));
      assertEquals(0, transport.broadcast(new byte[2_001]));
      assertEquals(2, transport.status().count(TransportCounter.OUTBOUND_TOO_LARGE));
      assertEquals(0, transport.status().peers().get(0).queuedMessages());
    }
  }
}
