package io.phalanx.pbft.net;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.PublicKey;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.wire.SocketSettings;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** n replicas' keys and transports on loopback, for tests. Closes everything it started. */
final class TestReplicas implements AutoCloseable {
  static final String CONSORTIUM = "test-consortium";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final List<SigningKeyPair> keys = new ArrayList<>();
  private final Map<Integer, PublicKey> publicKeys = new TreeMap<>();
  private final Map<Integer, ReplicaTransport> transports = new TreeMap<>();
  private final Map<Integer, RecordingHandler> handlers = new TreeMap<>();
  private final List<ExecutorService> executors = new ArrayList<>();
  private int sent;

  TestReplicas(int n) {
    for (int i = 0; i < n; i++) {
      SigningKeyPair key = SigningKeyPair.generate(RANDOM);
      keys.add(key);
      publicKeys.put(i, key.publicKey());
    }
  }

  SigningKeyPair key(int replica) {
    return keys.get(replica);
  }

  Map<Integer, PublicKey> publicKeys() {
    return publicKeys;
  }

  /** The test defaults: fast deterministic back-off, small write buffers, short handshakes. */
  TransportConfig.Builder config(int replica) {
    ExecutorService executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(10_000));
    executors.add(executor);
    return TransportConfig.builder().replicaId(replica).consortiumId(CONSORTIUM)
        .keyPair(keys.get(replica)).replicaKeys(publicKeys).inboundExecutor(executor)
        .reconnectBackoff(10, 200, new SplittableRandom(replica))
        .handshakeTimeoutMillis(3_000).ioThreads(1)
        .socketSettings(SocketSettings.builder().connectTimeoutMillis(2_000)
            .writeBufferWaterMarks(32 * 1024, 64 * 1024).build());
  }

  ReplicaTransport start(int replica) {
    return start(replica, UnaryOperator.identity());
  }

  ReplicaTransport start(int replica, UnaryOperator<TransportConfig.Builder> adjust) {
    RecordingHandler handler = new RecordingHandler();
    ReplicaTransport transport = ReplicaTransport.start(adjust.apply(config(replica)).build(),
        handler);
    transports.put(replica, transport);
    handlers.put(replica, handler);
    return transport;
  }

  /** Starts every replica and connects each to every other. */
  TestReplicas startAll() {
    for (int i = 0; i < keys.size(); i++) {
      start(i);
    }
    for (int from : transports.keySet()) {
      for (int to : transports.keySet()) {
        if (from != to) {
          transport(from).connectTo(to, transport(to).replicaAddress());
        }
      }
    }
    return this;
  }

  ReplicaTransport transport(int replica) {
    return transports.get(replica);
  }

  RecordingHandler handler(int replica) {
    return handlers.get(replica);
  }

  InetSocketAddress replicaAddress(int replica) {
    return transport(replica).replicaAddress();
  }

  /** Sends a fresh frame from one replica to another and waits until it arrives. */
  void assertExchange(int from, int to) throws InterruptedException {
    Bytes frame = Bytes.wrapOwned(("frame " + (sent++) + " from " + from + " to " + to).getBytes(
        StandardCharsets.UTF_8));
    if (!transport(from).send(to, frame.toByteArray())) {
      throw new AssertionError("send from " + from + " to " + to + " was dropped");
    }
    handler(to).awaitReplicaFrame(from, frame);
  }

  void stop(int replica) {
    ReplicaTransport transport = transports.remove(replica);
    if (transport != null) {
      transport.close();
    }
  }

  @Override
  public void close() {
    transports.values().forEach(ReplicaTransport::close);
    transports.clear();
    executors.forEach(ExecutorService::shutdownNow);
  }
}
