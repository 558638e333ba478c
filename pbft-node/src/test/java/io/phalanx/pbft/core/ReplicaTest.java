package io.phalanx.pbft.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Sha256;
import io.phalanx.pbft.codec.EnvelopeSigner;
import io.phalanx.pbft.codec.PayloadCodec;
import io.phalanx.pbft.codec.RequestSigner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replica driven directly, one input at a time. */
class ReplicaTest {
  private static final long NOW = 1_000_000;

  private static EnvelopeSigner signer(int replica) {
    return new EnvelopeSigner(replica, TestKeys.replica(replica));
  }

  private static Replica backup() {
    Replica replica = new Replica(ReplicaConfig.defaults(4, 1), signer(1));
    replica.step(new Input.Tick(NOW));
    return replica;
  }

  private static SignedMessage prePrepare(long view, long sequence, long ledgerTime) {
    SignedRequest request = RequestSigner.sign(new Request(100, sequence, false, Bytes.empty()), TestKeys.client(100));
    Batch batch = new Batch(List.of(request), ledgerTime, false);
    Bytes bytes = PayloadCodec.encodeBatch(batch);
    int primary = (int) (view % 4);
    return signer(primary).sign(new PrePrepare(view, sequence, Sha256.hash(bytes), bytes, batch, primary));
  }

  private static List<Effect> effects(Replica replica, Input input) {
    return replica.step(input).effects();
  }

  private static boolean persistsOwnPrepare(List<Effect> effects) {
    return effects.stream().anyMatch(effect -> effect instanceof Effect.Persist persist
        && persist.record() instanceof LogRecord.OwnMessage own && own.message().message() instanceof Prepare);
  }

  @Test
  void aBackupPreparesOnlyAfterThePrePrepareAndItsPrepareAreDurable() {
    Replica replica = backup();
    List<Effect> effects = effects(replica, new Input.ReceiveMessage(prePrepare(0, 1, NOW)));
    assertTrue(persistsOwnPrepare(effects));
    assertTrue(effects.stream().noneMatch(effect -> effect instanceof Effect.Broadcast));
    long last = effects.stream().filter(effect -> effect instanceof Effect.Persist)
        .mapToLong(effect -> ((Effect.Persist) effect).recordId()).max().orElseThrow();

    List<Effect> released = effects(replica, new Input.Persisted(last));
    assertEquals(1, released.stream().filter(effect -> effect instanceof Effect.Broadcast).count());
  }

  @Test
  void aBackupRejectsASecondPrePrepareForTheSameViewAndSequence() {
    Replica replica = backup();
    effects(replica, new Input.ReceiveMessage(prePrepare(0, 1, NOW)));
    List<Effect> second = effects(replica, new Input.ReceiveMessage(prePrepare(0, 1, NOW + 1)));
    assertFalse(persistsOwnPrepare(second));
    assertEquals(1L, replica.ignoredCounts().get(Ignored.CONFLICTING_PRE_PREPARE));
  }

  @Test
  void aPrePrepareOutsideTheWaterMarksIsDropped() {
    Replica replica = backup();
    assertFalse(persistsOwnPrepare(effects(replica, new Input.ReceiveMessage(prePrepare(0, 17, NOW)))));
    assertEquals(1L, replica.ignoredCounts().get(Ignored.OUTSIDE_WATERMARKS));
  }

  @Test
  void aLedgerTimeFarFromTheBackupsClockOrNotIncreasingIsRefused() {
    Replica replica = backup();
    assertFalse(persistsOwnPrepare(effects(replica, new Input.ReceiveMessage(prePrepare(0, 1, NOW + 60_000)))));
    assertTrue(persistsOwnPrepare(effects(replica, new Input.ReceiveMessage(prePrepare(0, 2, NOW)))));
    assertFalse(persistsOwnPrepare(effects(replica, new Input.ReceiveMessage(prePrepare(0, 3, NOW - 5)))));
    assertEquals(2L, replica.ignoredCounts().get(Ignored.LEDGER_TIME_OUT_OF_BOUNDS));
  }

  @Test
  void messagesForAnotherViewAreDropped() {
    Replica replica = backup();
    assertFalse(persistsOwnPrepare(effects(replica, new Input.ReceiveMessage(prePrepare(1, 1, NOW)))));
    assertEquals(1L, replica.ignoredCounts().get(Ignored.WRONG_VIEW));
  }

  @Test
  void aNewViewWhoseOIsNotTheOneRecomputedFromVIsRejected() {
    long newView = 1;
    PreparedCertificate certificate = NewViewBuilderTest.certificate(0, 1, NOW);
    List<SignedMessage> viewChanges = new ArrayList<>();
    for (int replica = 0; replica < 3; replica++) {
      List<PreparedCertificate> prepared = replica == 0 ? List.of(certificate) : List.of();
      viewChanges.add(signer(replica).sign(new ViewChange(newView, 0, List.of(), prepared, replica)));
    }
    Bytes nullBytes = PayloadCodec.encodeBatch(Batch.empty());
    SignedMessage dropsThePreparedBatch = signer(1).sign(
        new PrePrepare(newView, 1, Sha256.hash(nullBytes), nullBytes, Batch.empty(), 1));
    Replica replica = new Replica(ReplicaConfig.defaults(4, 2), signer(2));
    effects(replica, new Input.ReceiveMessage(signer(1).sign(
        new NewView(newView, viewChanges, List.of(dropsThePreparedBatch), 1))));
    assertEquals(1L, replica.ignoredCounts().get(Ignored.INVALID_NEW_VIEW));
    assertEquals(0, replica.view());

    PrePrepare kept = certificate.prePrepareMessage();
    SignedMessage reproposed = signer(1).sign(new PrePrepare(newView, 1, kept.batchDigest(),
        kept.batchBytes(), kept.batch(), 1));
    effects(replica, new Input.ReceiveMessage(signer(1).sign(
        new NewView(newView, viewChanges, List.of(reproposed), 1))));
    assertEquals(1, replica.view());
    assertTrue(replica.isViewActive());
  }

  @Test
  void oneViewChangeForAHigherViewDoesNotMakeAReplicaJoinButFPlusOneDo() {
    Replica replica = backup();
    effects(replica, new Input.ReceiveMessage(signer(2).sign(new ViewChange(5, 0, List.of(), List.of(), 2))));
    assertEquals(0, replica.view());
    effects(replica, new Input.ReceiveMessage(signer(3).sign(new ViewChange(3, 0, List.of(), List.of(), 3))));
    assertEquals(3, replica.view(), "joins the smallest view of the f+1");
    assertFalse(replica.isViewActive());
  }

  @Test
  void aRestartedReplicaRemembersWhatItPreparedAndRefusesAConflictingPrePrepare() {
    Replica replica = backup();
    List<LogRecord> durable = new ArrayList<>();
    for (Effect effect : effects(replica, new Input.ReceiveMessage(prePrepare(0, 1, NOW)))) {
      if (effect instanceof Effect.Persist persist) {
        durable.add(persist.record());
      }
    }
    Replica restarted = Replica.restart(ReplicaConfig.defaults(4, 1), signer(1), durable, 0);
    restarted.step(new Input.Tick(NOW));
    List<Effect> effects = restarted.step(new Input.ReceiveMessage(prePrepare(0, 1, NOW + 1))).effects();
    assertFalse(persistsOwnPrepare(effects));
    assertEquals(1L, restarted.ignoredCounts().get(Ignored.CONFLICTING_PRE_PREPARE));
  }

  private static void viewChangesFrom(Replica replica, long newView, int... senders) {
    for (int sender : senders) {
      replica.step(new Input.ReceiveMessage(signer(sender).sign(
          new ViewChange(newView, 0, List.of(), List.of(), sender))));
    }
  }

  private static int ticksUntilViewAbove(Replica replica, long view, int ticksMax) {
    for (int ticks = 1; ticks <= ticksMax; ticks++) {
      replica.step(new Input.Tick(NOW + ticks));
      if (replica.view() > view) {
        return ticks;
      }
    }
    return -1;
  }

  @Test
  void theViewChangeTimerDoublesWithEachFailedView() {
    Replica replica = new Replica(ReplicaConfig.defaults(4, 3), signer(3));
    int timeout = ReplicaConfig.defaults(4, 3).requestTimeoutTicks();
    viewChangesFrom(replica, 1, 0);
    assertEquals(0, replica.view());
    viewChangesFrom(replica, 1, 2);
    assertEquals(1, replica.view(), "joined on f+1; with its own that makes 2f+1 and starts the timer");
    assertEquals(timeout, ticksUntilViewAbove(replica, 1, 4 * timeout));
    viewChangesFrom(replica, 2, 0, 1);
    assertEquals(2 * timeout, ticksUntilViewAbove(replica, 2, 4 * timeout));
  }

  @Test
  void aReplicaThatCrashedRightAfterPersistingANewViewRestartsActiveInThatView() {
    long newView = 1;
    List<SignedMessage> viewChanges = new ArrayList<>();
    for (int replica = 0; replica < 3; replica++) {
      viewChanges.add(signer(replica).sign(new ViewChange(newView, 0, List.of(), List.of(), replica)));
    }
    SignedMessage newViewMessage = signer(1).sign(new NewView(newView, viewChanges, List.of(), 1));
    List<LogRecord> durable = List.of(new LogRecord.ViewState(1, false),
        new LogRecord.OwnMessage(viewChanges.get(2)), new LogRecord.AcceptedMessage(newViewMessage));
    Replica restarted = Replica.restart(ReplicaConfig.defaults(4, 2), signer(2), durable, 0);
    assertEquals(1, restarted.view());
    assertTrue(restarted.isViewActive());
  }

  private static long proposedSequence(List<Effect> effects) {
    return effects.stream().filter(effect -> effect instanceof Effect.Persist persist
            && persist.record() instanceof LogRecord.OwnMessage own && own.message().message() instanceof PrePrepare)
        .mapToLong(effect -> ((PrePrepare) ((LogRecord.OwnMessage) ((Effect.Persist) effect).record())
            .message().message()).sequence()).findFirst().orElse(-1);
  }

  private static SignedRequest clientRequest(long client) {
    return RequestSigner.sign(new Request(client, 1, false, Bytes.empty()), TestKeys.client(client));
  }

  @Test
  void aReplicaThatIsPrimaryAgainProposesRightAfterMaxSLeavingNoGap() {
    ReplicaConfig config = ReplicaConfig.defaults(4, 0).withBatching(1, 1 << 20, 0);
    Replica primary = new Replica(config, signer(0));
    primary.step(new Input.Tick(NOW));
    for (long client = 100; client < 103; client++) {
      primary.step(new Input.ReceiveRequest(clientRequest(client)));
    }
    assertEquals(3, primary.slotCount(), "proposed 1..3 in view 0; none will prepare");
    List<Effect> effects = new ArrayList<>();
    for (int sender = 1; sender < 4; sender++) {
      effects.addAll(primary.step(new Input.ReceiveMessage(
          signer(sender).sign(new ViewChange(4, 0, List.of(), List.of(), sender)))).effects());
    }
    assertEquals(4, primary.view());
    assertTrue(primary.isViewActive(), "primary of view 4 sent its new-view");
    assertEquals(1, proposedSequence(effects), "the waiting requests are proposed from sequence 1 again");
  }

  @Test
  void aNewPrimaryAdoptingMinSProposesEachSequenceOnceAfterOIsInPlace() {
    Replica primary = Replica.restart(ReplicaConfig.defaults(4, 1).withBatching(1, 1 << 20, 0),
        signer(1), List.of(), 8);
    primary.step(new Input.Tick(NOW));
    primary.step(new Input.ReceiveRequest(clientRequest(100)));
    List<SignedMessage> proof = new ArrayList<>();
    for (int replica : new int[] {0, 2, 3}) {
      proof.add(signer(replica).sign(new Checkpoint(8, Sha256.hash(new byte[] {8}), replica)));
    }
    List<Effect> effects = new ArrayList<>();
    for (int sender : new int[] {0, 2, 3}) {
      effects.addAll(primary.step(new Input.ReceiveMessage(
          signer(sender).sign(new ViewChange(1, 8, proof, List.of(), sender)))).effects());
    }
    assertEquals(1, primary.view());
    assertTrue(primary.isViewActive());
    assertEquals(8, primary.stableSequence());
    long proposals = effects.stream().filter(effect -> effect instanceof Effect.Persist persist
        && persist.record() instanceof LogRecord.OwnMessage own && own.message().message() instanceof PrePrepare)
        .count();
    assertEquals(1, proposals, "sequence 9 proposed once");
    assertEquals(9, proposedSequence(effects));
  }

  /**
   * A backup whose request timer expires while f+1 peers report checkpoints a whole interval
   * beyond what it executed is catching up, not watching a stuck system: it keeps its view (a lone
   * view change would leave it outside the view everyone else is in). With only f such peers —
   * possibly all Byzantine — the timer still starts a view change.
   */
  @Test
  void aReplicaBehindFPlusOnePeersWaitsForStateInsteadOfALoneViewChange() {
    int timeout = ReplicaConfig.defaults(4, 1).requestTimeoutTicks();
    Replica behind = backup();
    behind.step(new Input.ReceiveRequest(clientRequest(100)));
    checkpointsFrom(behind, 64, 2, 3);
    assertEquals(-1, ticksUntilViewAbove(behind, 0, 3 * timeout));

    Replica alone = backup();
    alone.step(new Input.ReceiveRequest(clientRequest(100)));
    checkpointsFrom(alone, 64, 2);
    assertEquals(timeout, ticksUntilViewAbove(alone, 0, 3 * timeout));
  }

  private static void checkpointsFrom(Replica replica, long sequence, int... senders) {
    for (int sender : senders) {
      replica.step(new Input.ReceiveMessage(signer(sender).sign(
          new Checkpoint(sequence, Sha256.hash(new byte[] {(byte) sender}), sender))));
    }
  }
}
