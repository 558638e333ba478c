package io.phalanx.pbft.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * One replica flooding another cannot fill the shared inbound executor: its link stops being
 * read at its budget, so a second replica's frames still find room, and nothing is dropped.
 */
class InboundFairnessTest {
  static {
    LeakRecorder.install();
  }

  private static final int FRAME_BYTES = 8 * 1024;
  private static final int EXECUTOR_QUEUE = 64;
  private static final int BUDGET = 8;

  @AfterAll
  static void noBufferLeaked() {
    assertEquals(List.of(), LeakRecorder.collectLeaks());
  }

  @Test
  void aFloodingPeerIsPausedAtItsBudgetAndTheOtherPeerStillGetsThrough() throws Exception {
    ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(EXECUTOR_QUEUE));
    CountDownLatch release = new CountDownLatch(1);
    try (TestReplicas replicas = new TestReplicas(3)) {
      replicas.start(0, config -> config.inboundExecutor(executor)
          .inboundFramesInFlightMax(BUDGET));
      replicas.start(1, config -> config.outboundQueueMax(100_000, 1L << 30));
      replicas.start(2);
      for (int other : new int[] {1, 2}) {
        replicas.transport(0).connectTo(other, replicas.replicaAddress(other));
        replicas.transport(other).connectTo(0, replicas.replicaAddress(0));
        replicas.assertExchange(other, 0);
      }
      executor.execute(() -> awaitQuietly(release));  // replica 0 handles nothing for now
      int flooded = floodUntilStalled(replicas.transport(1));
      long received = replicas.transport(0).status().count(TransportCounter.REPLICA_FRAME_RECEIVED);
      for (int i = 0; i < 5; i++) {
        replicas.transport(2).send(0, new byte[FRAME_BYTES]);
      }
      Await.until(() -> replicas.transport(0).status()
              .count(TransportCounter.REPLICA_FRAME_RECEIVED) == received + 5,
          () -> "replica 2's frames found room in the executor: " + replicas.transport(0).status());
      release.countDown();
      RecordingHandler zero = replicas.handler(0);
      Await.until(() -> zero.countFrom(1) == 1 + flooded && zero.countFrom(2) == 1 + 5,
          () -> "all arrived: " + zero.countFrom(1) + "/" + (1 + flooded) + " from 1, "
              + zero.countFrom(2) + "/6 from 2");
      assertEquals(0, replicas.transport(0).status().count(TransportCounter.INBOUND_DROPPED));
    } finally {
      release.countDown();
      executor.shutdownNow();
    }
  }

  /** Sends from replica 1 to 0 until 1's link stalls: 0 stopped reading and the sockets are full. */
  private static int floodUntilStalled(ReplicaTransport flooder) {
    for (int sent = 1; sent <= 20_000; sent++) {
      flooder.send(0, new byte[FRAME_BYTES]);
      Await.until(() -> {
        TransportStatus.PeerStatus link = flooder.status().peers().get(0);
        return link.queuedMessages() == 0 || !link.writable();
      }, () -> "the flood drained or stalled: " + flooder.status());
      if (!flooder.status().peers().get(0).writable()) {
        return sent;
      }
    }
    return fail("160 MB and replica 0 never stopped reading the flooding link");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(Await.DEFAULT.toSeconds() * 2, TimeUnit.SECONDS);
    } catch (InterruptedException stop) {
      Thread.currentThread().interrupt();
    }
  }
}
