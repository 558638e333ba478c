package io.phalanx.pbft.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.crypto.Digest;
import io.phalanx.pbft.core.MessageKind;
import io.phalanx.pbft.core.SignedRequest;
import org.junit.jupiter.api.Test;

/** Rules of the protocol, each checked on the in-process cluster by the fault that tests it. */
class ScenarioTest {

  /** Each client sends {@code rounds} requests one after the other, to every replica. */
  private static boolean runClients(Cluster cluster, int clients, int rounds, int ticksMax) {
    for (int round = 1; round <= rounds; round++) {
      for (long client = Cluster.CLIENT; client < Cluster.CLIENT + clients; client++) {
        cluster.submitToAll(cluster.request(client, round, (int) (client % 8), round % 8, 1));
      }
      final long timestamp = round;
      if (!cluster.tickUntil(() -> allAnswered(cluster, clients, timestamp), ticksMax)) {
        return false;
      }
    }
    return true;
  }

  private static boolean allAnswered(Cluster cluster, int clients, long timestamp) {
    int quorum = cluster.nodes.size() / 3 + 1;
    for (long client = Cluster.CLIENT; client < Cluster.CLIENT + clients; client++) {
      if (!cluster.hasReplyQuorum(client, timestamp, quorum)) {
        return false;
      }
    }
    return true;
  }

  @Test
  void aCheckpointBecomesStableWithTwoFPlusOneMatchingVotesAndTruncatesTheLog() {
    Cluster cluster = new Cluster(4, config -> config.withBatching(1, 1 << 20, 0));
    assertTrue(runClients(cluster, 1, 10, 40));
    for (SimNode node : cluster.nodes) {
      assertEquals(8, node.replica.stableSequence());
      assertTrue(node.replica.slotCount() <= 2, "log truncated below the stable checkpoint");
    }
  }

  @Test
  void thePrimaryStopsAtTheHighWaterMarkUntilACheckpointIsStable() {
    Cluster cluster = new Cluster(4, config -> config.withBatching(1, 1 << 20, 0));
    cluster.droppedKinds.add(MessageKind.CHECKPOINT);
    for (long client = Cluster.CLIENT; client < Cluster.CLIENT + 24; client++) {
      cluster.submit(cluster.request(client, 1, 0, 1, 1), 0);
    }
    cluster.tick(5);
    assertEquals(16, cluster.node(0).application.lastExecuted(), "h + L with h = 0, L = 16");

    cluster.heal();
    assertTrue(cluster.tickUntil(() -> cluster.node(0).application.lastExecuted() == 24, 100));
    cluster.assertAgreement();
  }

  @Test
  void aSilentPrimaryIsReplacedByAViewChange() {
    Cluster cluster = new Cluster(4);
    cluster.isolate(0);
    assertTrue(runClients(cluster, 2, 2, 400));
    for (int index = 1; index < 4; index++) {
      assertEquals(1, cluster.node(index).replica.view());
      assertTrue(cluster.node(index).replica.isViewActive());
    }
  }

  @Test
  void aPreparedBatchSurvivesAViewChange() {
    Cluster cluster = new Cluster(4);
    cluster.droppedKinds.add(MessageKind.COMMIT);
    SignedRequest request = cluster.request(Cluster.CLIENT, 1, 0, 1, 10);
    cluster.submit(request, 0);
    cluster.tick(3);
    assertEquals(0, cluster.node(1).application.lastExecuted(), "nothing commits without commits");

    cluster.isolate(0);
    cluster.submitToAll(request);
    assertTrue(cluster.tickUntil(() -> cluster.node(1).replica.view() == 1
        && cluster.node(1).replica.isViewActive(), 400));
    assertEquals(0, cluster.node(1).application.lastExecuted());
    cluster.droppedKinds.clear();
    assertTrue(cluster.tickUntil(() -> cluster.hasReplyQuorum(Cluster.CLIENT, 1, 3), 400));
    Digest executed = cluster.executed.get(1).get(1L);
    assertEquals(1, cluster.node(1).replica.view());
    assertEquals(cluster.node(1).stateDigest(), cluster.node(2).stateDigest());
    assertTrue(executed != null, "the prepared batch executed at sequence 1 in the new view");
  }

  @Test
  void fPlusOneViewChangesForAHigherViewMakeAReplicaJoin() {
    Cluster cluster = new Cluster(4);
    cluster.cut(1, 0);
    cluster.cut(2, 0);
    SignedRequest request = cluster.request(Cluster.CLIENT, 1, 0, 1, 10);
    cluster.submit(request, 1);
    cluster.submit(request, 2);
    assertTrue(cluster.tickUntil(() -> cluster.node(3).replica.view() == 1, 200));
    assertTrue(cluster.traces.stream().noneMatch(trace -> trace.startsWith("replica=3 request timer")),
        "replica 3 joined on f+1 view-changes, not on its own timer");
  }

  @Test
  void oneReplicaAloneCannotForceAViewChange() {
    Cluster cluster = new Cluster(4);
    cluster.cut(2, 0);
    cluster.submit(cluster.request(Cluster.CLIENT, 1, 0, 1, 10), 2);
    cluster.tick(200);
    assertEquals(1, cluster.node(2).replica.view());
    for (int index : new int[] {0, 1, 3}) {
      assertEquals(0, cluster.node(index).replica.view());
      assertTrue(cluster.node(index).replica.isViewActive());
    }
  }

  @Test
  void aViewWhosePrimaryIsAlsoSilentIsSkippedAfterTheViewChangeTimer() {
    Cluster cluster = new Cluster(7);
    cluster.isolate(0);
    cluster.isolate(1);
    assertTrue(runClients(cluster, 1, 1, 1000));
    assertEquals(2, cluster.node(4).replica.view());
  }

  @Test
  void aReplicaSendsNoVoteBeforeItsRecordsAreDurable() {
    Cluster cluster = new Cluster(4);
    cluster.holdWrites.add(1);
    cluster.submit(cluster.request(Cluster.CLIENT, 1, 0, 1, 10), 0);
    cluster.deliverAll();
    assertTrue(cluster.node(1).durable.isEmpty());
    assertEquals(0, cluster.node(1).application.lastExecuted());
    assertTrue(cluster.node(0).replica.lastExecuted() == 0, "without replica 1's prepare no quorum yet");

    cluster.holdWrites.clear();
    assertTrue(cluster.tickUntil(() -> cluster.hasReplyQuorum(Cluster.CLIENT, 1, 4), 100));
  }

  @Test
  void aCrashedReplicaRestartsFromItsRecordsAndCatchesUpByStateTransfer() {
    Cluster cluster = new Cluster(4, config -> config.withBatching(1, 1 << 20, 0));
    assertTrue(runClients(cluster, 1, 3, 40));
    cluster.crash(3);
    assertTrue(runClients(cluster, 2, 12, 200));
    cluster.restart(3);
    assertEquals(3, cluster.node(3).application.lastExecuted());
    assertTrue(runClients(cluster, 3, 14, 200));
    cluster.tick(30);

    assertTrue(cluster.node(3).application.lastExecuted() >= 24, "caught up: "
        + cluster.node(3).application.lastExecuted());
    assertEquals(cluster.node(0).stateDigest(), cluster.node(3).stateDigest());
    cluster.assertAgreement();
  }

  @Test
  void aRestartedReplicaKeepsItsViewAndDoesNotVoteAgainDifferently() {
    Cluster cluster = new Cluster(4);
    cluster.isolate(0);
    assertTrue(runClients(cluster, 1, 1, 400));
    cluster.crash(2);
    cluster.restart(2);
    assertEquals(1, cluster.node(2).replica.view());
    assertFalse(cluster.node(2).replica.isPrimary());
    assertTrue(runClients(cluster, 1, 2, 400));
    cluster.assertAgreement();
  }
}
