package io.phalanx.pbft.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.pbft.core.SignedRequest;
import org.junit.jupiter.api.Test;

class NormalCaseTest {

  @Test
  void aRequestSentToThePrimaryExecutesOnEveryReplicaAndGetsFPlusOneReplies() {
    Cluster cluster = new Cluster(4);
    cluster.submit(cluster.request(Cluster.CLIENT, 1, 0, 1, 10), 0);

    assertTrue(cluster.tickUntil(() -> cluster.hasReplyQuorum(Cluster.CLIENT, 1, 4), 20));
    for (SimNode node : cluster.nodes) {
      assertEquals(1, node.application.lastExecuted());
      assertEquals(cluster.node(0).stateDigest(), node.stateDigest());
    }
  }

  @Test
  void batchesExecuteStrictlyInSequenceOrderWithSeveralInFlight() {
    Cluster cluster = new Cluster(4, config -> config.withBatching(2, 64 * 1024, 1));
    for (long client = Cluster.CLIENT; client < Cluster.CLIENT + 20; client++) {
      cluster.submit(cluster.request(client, 1, (int) client % 8, 3, 1), 0);
    }
    cluster.deliver(20);
    int inFlight = cluster.node(0).replica.slotCount();
    assertEquals(0, cluster.node(0).application.lastExecuted());

    assertTrue(cluster.tickUntil(() -> cluster.node(3).application.lastExecuted() == 10, 50));
    assertEquals(10, inFlight, "batches in flight");
    cluster.assertAgreement();
    for (SimNode node : cluster.nodes) {
      assertEquals(10, node.application.lastExecuted());
      assertEquals(cluster.executed.get(0), cluster.executed.get(node.index));
      assertEquals(cluster.node(0).stateDigest(), node.stateDigest());
    }
  }

  @Test
  void aBatchIsBoundedByItsRequestsAndBytes() {
    Cluster cluster = new Cluster(4, config -> config.withBatching(3, 1, 0));
    for (long client = Cluster.CLIENT; client < Cluster.CLIENT + 3; client++) {
      cluster.submit(cluster.request(client, 1, 0, 1, 1), 0);
    }
    cluster.tickUntil(() -> cluster.node(0).application.lastExecuted() == 3, 20);

    assertEquals(3, cluster.node(0).application.lastExecuted(), "one request per batch when bytes are tight");
  }

  @Test
  void aBackupForwardsARequestToThePrimary() {
    Cluster cluster = new Cluster(4);
    SignedRequest request = cluster.request(Cluster.CLIENT, 1, 0, 1, 10);
    cluster.submit(request, 2);

    assertTrue(cluster.tickUntil(() -> cluster.hasReplyQuorum(Cluster.CLIENT, 1, 2), 20));
  }

  @Test
  void aRepeatedTimestampIsAnsweredFromTheReplyCacheWithoutExecutingAgain() {
    Cluster cluster = new Cluster(4);
    SignedRequest request = cluster.request(Cluster.CLIENT, 1, 0, 1, 10);
    cluster.submit(request, 0);
    assertTrue(cluster.tickUntil(() -> cluster.hasReplyQuorum(Cluster.CLIENT, 1, 4), 20));
    long executed = cluster.node(0).application.lastExecuted();
    cluster.replies.clear();

    cluster.submitToAll(request);
    cluster.tick(10);

    assertTrue(cluster.hasReplyQuorum(Cluster.CLIENT, 1, 4));
    assertEquals(executed, cluster.node(0).application.lastExecuted());
  }
}
