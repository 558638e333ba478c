package io.phalanx.pbft.core;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import java.util.List;

/**
 * The normal case of one {@link Replica}: pre-prepare, prepare, commit with the paper's quorums,
 * execution strictly in sequence order, checkpoints and the stable checkpoint. Runs on the
 * replica's thread, inside its step; the state it works on is the replica's.
 */
final class NormalCase {
  private final Replica replica;
  private final ReplicaConfig config;
  private final MessageSigner signer;
  private final int self;

  NormalCase(Replica replica, ReplicaConfig config, MessageSigner signer) {
    this.replica = replica;
    this.config = config;
    this.signer = signer;
    this.self = config.self();
  }

  boolean onPrePrepare(SignedMessage signed) {
    PrePrepare prePrepare = signed.as(PrePrepare.class);
    if (!replica.isActiveIn(prePrepare.view())) {
      return replica.ignore(Ignored.WRONG_VIEW);
    }
    if (prePrepare.replica() != config.primary(replica.view) || replica.isPrimary()) {
      return replica.ignore(Ignored.NOT_FROM_PRIMARY);
    }
    if (!replica.isInsideWatermarks(prePrepare.sequence())) {
      return replica.ignore(Ignored.OUTSIDE_WATERMARKS);
    }
    Slot slot = replica.slot(prePrepare.sequence());
    if (slot.hasPrePrepare()) {
      answerLaggingReplica(slot, prePrepare.replica());
      return replica.ignore(slot.digest().equals(prePrepare.batchDigest())
          ? Ignored.DUPLICATE : Ignored.CONFLICTING_PRE_PREPARE);
    }
    if (prePrepare.batch().nullBatch()) {
      return replica.ignore(Ignored.NULL_BATCH_OUTSIDE_NEW_VIEW);
    }
    if (!replica.isLedgerTimeAcceptable(prePrepare.sequence(), prePrepare.batch().ledgerTimeMillis())) {
      return replica.ignore(Ignored.LEDGER_TIME_OUT_OF_BOUNDS);
    }
    slot.prePrepare = signed;
    slot.prePrepareRecord = replica.outbox.persist(new LogRecord.AcceptedMessage(signed), replica.effects);
    replica.requests.markProposed(prePrepare.batch());
    sendPrepare(slot);
    checkPrepared(slot);
    return true;
  }

  boolean onPrepare(SignedMessage signed) {
    Prepare prepare = signed.as(Prepare.class);
    if (!replica.isActiveIn(prepare.view())) {
      return replica.ignore(Ignored.WRONG_VIEW);
    }
    if (prepare.replica() == config.primary(replica.view)) {
      return replica.ignore(Ignored.PREPARE_FROM_PRIMARY);
    }
    if (!replica.isInsideWatermarks(prepare.sequence())) {
      return replica.ignore(Ignored.OUTSIDE_WATERMARKS);
    }
    Slot slot = replica.slot(prepare.sequence());
    if (slot.prepares.putIfAbsent(prepare.replica(), signed) != null) {
      answerLaggingReplica(slot, prepare.replica());
      return replica.ignore(Ignored.DUPLICATE);
    }
    checkPrepared(slot);
    return true;
  }

  boolean onCommit(SignedMessage signed) {
    Commit commit = signed.as(Commit.class);
    if (!replica.isActiveIn(commit.view())) {
      return replica.ignore(Ignored.WRONG_VIEW);
    }
    if (!replica.isInsideWatermarks(commit.sequence())) {
      return replica.ignore(Ignored.OUTSIDE_WATERMARKS);
    }
    Slot slot = replica.slot(commit.sequence());
    if (slot.commits.putIfAbsent(commit.replica(), signed) != null) {
      answerLaggingReplica(slot, commit.replica());
      return replica.ignore(Ignored.DUPLICATE);
    }
    checkCommitted(slot);
    return true;
  }

  /** A peer repeating a vote for a sequence we finished is stuck there: give it our votes. */
  private void answerLaggingReplica(Slot slot, int peer) {
    if (!slot.committed || peer == self || !slot.mayAnswer(peer, replica.tick, config.retransmitTicks())) {
      return;
    }
    Outbox outbox = replica.outbox;
    if (replica.isPrimary() && slot.prePrepareRecord >= 0 && slot.ownPrepare == null) {
      outbox.sendAfter(slot.prePrepareRecord, new Effect.Send(peer, slot.prePrepare.envelope()), replica.effects);
    }
    if (slot.ownPrepare != null) {
      outbox.sendAfter(slot.ownPrepareRecord, new Effect.Send(peer, slot.ownPrepare.envelope()), replica.effects);
    }
    if (slot.ownCommit != null) {
      outbox.sendAfter(slot.ownCommitRecord, new Effect.Send(peer, slot.ownCommit.envelope()), replica.effects);
    }
  }


  void sendPrepare(Slot slot) {
    SignedMessage prepare = signer.sign(new Prepare(replica.view, slot.sequence, slot.digest(), self));
    slot.ownPrepare = prepare;
    slot.ownPrepareRecord = replica.outbox.persist(new LogRecord.OwnMessage(prepare), replica.effects);
    slot.prepares.put(self, prepare);
    replica.outbox.sendAfter(slot.ownPrepareRecord, new Effect.Broadcast(prepare.envelope()), replica.effects);
  }

  void checkPrepared(Slot slot) {
    if (!slot.hasPrePrepare() || slot.prepared) {
      return;
    }
    List<SignedMessage> matching = slot.matchingPrepares(config.primary(replica.view));
    if (matching.size() < config.prepareQuorum()) {
      return;
    }
    slot.prepared = true;
    PreparedCertificate certificate =
        new PreparedCertificate(slot.prePrepare, matching.subList(0, config.prepareQuorum()));
    replica.preparedCertificates.put(slot.sequence, certificate);
    replica.outbox.persist(new LogRecord.Prepared(certificate), replica.effects);
    SignedMessage commit = signer.sign(new Commit(replica.view, slot.sequence, slot.digest(), self));
    slot.ownCommit = commit;
    slot.ownCommitRecord = replica.outbox.persist(new LogRecord.OwnMessage(commit), replica.effects);
    slot.commits.put(self, commit);
    if (config.mutation() == Mutation.COMMIT_BEFORE_PERSIST) {
      replica.effects.add(new Effect.Broadcast(commit.envelope()));
    } else {
      replica.outbox.sendAfter(slot.ownCommitRecord, new Effect.Broadcast(commit.envelope()), replica.effects);
    }
    checkCommitted(slot);
  }

  private void checkCommitted(Slot slot) {
    if (!slot.prepared || slot.committed || slot.matchingCommitCount() < config.quorum()) {
      return;
    }
    slot.committed = true;
    replica.trace("committed seq=" + slot.sequence + " view=" + replica.view);
    tryExecute();
  }

  void tryExecute() {
    while (replica.fetchingSequence < 0) {
      Slot slot = replica.slots.get(replica.lastExecuteIssued + 1);
      if (slot == null || !slot.committed) {
        return;
      }
      replica.lastExecuteIssued = slot.sequence;
      replica.effects.add(new Effect.Execute(slot.sequence, slot.prePrepareMessage().view(),
          slot.digest(), slot.prePrepareMessage().batch(), slot.prePrepareMessage().batchBytes(),
          slot.matchingCommitEnvelopes()));
    }
  }

  void onExecuted(Input.Executed executed) {
    long sequence = executed.sequence();
    if (sequence != replica.lastExecuted + 1 || sequence > replica.lastExecuteIssued) {
      throw new IllegalStateException("executed " + sequence + " out of order: last executed "
          + replica.lastExecuted + ", issued up to " + replica.lastExecuteIssued);
    }
    replica.lastExecuted = sequence;
    Slot slot = replica.slots.get(sequence);
    if (slot != null && slot.hasPrePrepare() && !slot.prePrepareMessage().batch().nullBatch()) {
      replica.executedLedgerTimeMillis = Math.max(replica.executedLedgerTimeMillis,
          slot.prePrepareMessage().batch().ledgerTimeMillis());
    }
    for (ExecutedReply reply : executed.replies()) {
      Bytes envelope = signer.signReply(new Reply(replica.view, reply.timestamp(),
          reply.clientId(), self, reply.result(), sequence, reply.replicaShare()));
      replica.clients.record(reply.clientId(), reply.timestamp(), envelope);
      replica.requests.onExecuted(reply.clientId(), reply.timestamp());
      replica.effects.add(new Effect.SendReply(reply.clientId(), envelope));
    }
    if (sequence % config.checkpointInterval() == 0) {
      sendCheckpoint(sequence, executed.stateDigest());
    }
  }

  private void sendCheckpoint(long sequence, Digest stateDigest) {
    SignedMessage checkpoint = signer.sign(new Checkpoint(sequence, stateDigest, self));
    long record = replica.outbox.persist(new LogRecord.OwnMessage(checkpoint), replica.effects);
    replica.outbox.sendAfter(record, new Effect.Broadcast(checkpoint.envelope()), replica.effects);
    replica.checkpoints.recordOwn(checkpoint, record);
    replica.checkpoints.add(checkpoint).ifPresent(this::enterStableCheckpoint);
  }

  // ---------------------------------------------------------------- replica.checkpoints

  boolean onCheckpoint(SignedMessage signed) {
    Checkpoint checkpoint = signed.as(Checkpoint.class);
    if (checkpoint.sequence() < replica.checkpoints.stableSequence()) {
      long stable = replica.checkpoints.stableSequence();
      replica.checkpoints.ownAt(stable).ifPresent(own -> replica.outbox.sendAfter(replica.checkpoints.ownRecord(stable),
          new Effect.Send(checkpoint.replica(), own.envelope()), replica.effects));
      return replica.ignore(Ignored.STALE_CHECKPOINT);
    }
    if (checkpoint.sequence() == replica.checkpoints.stableSequence()) {
      return replica.ignore(Ignored.STALE_CHECKPOINT);
    }
    replica.checkpoints.add(signed).ifPresent(this::enterStableCheckpoint);
    return true;
  }

  void enterStableCheckpoint(LogRecord.StableCheckpoint stable) {
    long sequence = stable.sequence();
    if (sequence <= replica.checkpoints.stableSequence()) {
      return;
    }
    replica.outbox.persist(stable, replica.effects);
    replica.checkpoints.enterStable(stable);
    replica.slots.headMap(sequence, true).clear();
    replica.preparedCertificates.headMap(sequence, true).clear();
    replica.trace("stable checkpoint seq=" + sequence);
    if (replica.lastExecuteIssued < sequence) {
      replica.fetchingSequence = sequence;
      replica.fetchingDigest = stable.stateDigest();
      replica.fetchRetryTick = replica.tick + config.requestTimeoutTicks();
      replica.effects.add(new Effect.FetchState(sequence, stable.stateDigest()));
    }
    replica.nextSequence = Math.max(replica.nextSequence, sequence + 1);
    replica.tryPropose();
  }

  void onStateTransferred(Input.StateTransferred transferred) {
    long sequence = transferred.sequence();
    if (sequence <= replica.lastExecuted || sequence < replica.fetchingSequence) {
      replica.ignore(Ignored.STALE_STATE_TRANSFER);
      return;
    }
    replica.lastExecuted = sequence;
    replica.lastExecuteIssued = sequence;
    replica.fetchingSequence = -1;
    replica.fetchingDigest = null;
    replica.nextSequence = Math.max(replica.nextSequence, sequence + 1);
    for (ExecutedReply reply : transferred.lastReplies()) {
      replica.clients.record(reply.clientId(), reply.timestamp(), signer.signReply(
          new Reply(replica.view, reply.timestamp(), reply.clientId(), self, reply.result(), sequence)));
      replica.requests.onExecuted(reply.clientId(), reply.timestamp());
    }
    replica.trace("state transferred seq=" + sequence + " digest=" + transferred.stateDigest());
    tryExecute();
    replica.tryPropose();
  }
}
