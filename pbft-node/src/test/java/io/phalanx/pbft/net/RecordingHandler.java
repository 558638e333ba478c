package io.phalanx.pbft.net;

import static org.junit.jupiter.api.Assertions.fail;

import io.phalanx.crypto.Bytes;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** An inbound handler that keeps what it receives and lets a test wait for one frame. */
final class RecordingHandler implements InboundHandler {
  record ReplicaFrame(int fromReplica, Bytes envelope) {}

  record ClientFrame(ClientChannel channel, Bytes envelope) {}

  private final BlockingQueue<ReplicaFrame> replicaFrames = new LinkedBlockingQueue<>();
  private final BlockingQueue<ClientFrame> clientFrames = new LinkedBlockingQueue<>();
  private final Map<Integer, AtomicInteger> countsByReplica = new ConcurrentHashMap<>();

  @Override
  public void onReplicaEnvelope(int fromReplica, byte[] envelopeBytes) {
    countsByReplica.computeIfAbsent(fromReplica, replica -> new AtomicInteger()).incrementAndGet();
    replicaFrames.add(new ReplicaFrame(fromReplica, Bytes.wrapOwned(envelopeBytes)));
  }

  /** How many frames from {@code replica} have reached this handler. */
  int countFrom(int replica) {
    AtomicInteger count = countsByReplica.get(replica);
    return count == null ? 0 : count.get();
  }

  @Override
  public void onClientEnvelope(ClientChannel channel, byte[] envelopeBytes) {
    clientFrames.add(new ClientFrame(channel, Bytes.wrapOwned(envelopeBytes)));
  }

  /** Waits (bounded) until {@code expected} arrives from {@code fromReplica}; skips others. */
  void awaitReplicaFrame(int fromReplica, Bytes expected) throws InterruptedException {
    ReplicaFrame wanted = new ReplicaFrame(fromReplica, expected);
    long deadline = System.nanoTime() + Await.DEFAULT.toNanos();
    while (true) {
      ReplicaFrame next = replicaFrames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (next == null) {
        fail("no frame " + expected + " from replica " + fromReplica + " within " + Await.DEFAULT);
      }
      if (next.equals(wanted)) {
        return;
      }
    }
  }

  ClientFrame awaitClientFrame() throws InterruptedException {
    ClientFrame next = clientFrames.poll(Await.DEFAULT.toNanos(), TimeUnit.NANOSECONDS);
    if (next == null) {
      fail("no client frame within " + Await.DEFAULT);
    }
    return next;
  }
}
