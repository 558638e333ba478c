package io.phalanx.pbft.core;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.crypto.Sha256;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * One PBFT replica (Castro &amp; Liskov, the signature variant) as a pure state machine.
 *
 * <p>Single-threaded: one thread owns it and calls {@link #step} with verified inputs; it answers
 * with ordered {@link Effect}s and never does IO, reads a clock or draws randomness. Own votes are
 * released only once the records they depend on are durable (see {@link Effect.Send}). Invariants
 * are checked after every step and throw {@link IllegalStateException}.
 */
public final class Replica {
  private final ReplicaConfig config;
  private final MessageSigner signer;
  private final int self;
  final Outbox outbox = new Outbox();
  final TreeMap<Long, Slot> slots = new TreeMap<>();
  final CheckpointTracker checkpoints;
  final TreeMap<Long, PreparedCertificate> preparedCertificates = new TreeMap<>();
  final ViewChanges viewChanges;
  final RequestQueue requests;
  private final ClientTable clients = new ClientTable();
  private final EnumMap<Ignored, Long> ignoredCounts = new EnumMap<>(Ignored.class);

  long view;
  boolean viewActive = true;
  long lastExecuted;
  private long lastExecuteIssued;
  long nextSequence = 1;
  long tick;
  private long nowMillis;
  private long executedLedgerTimeMillis;
  private long fetchingSequence = -1;
  private Digest fetchingDigest;
  private long fetchRetryTick;
  List<Effect> effects = new ArrayList<>();

  /** A fresh replica at view 0 with nothing executed. */
  public Replica(ReplicaConfig config, MessageSigner signer) {
    this.config = Objects.requireNonNull(config, "config");
    this.signer = Objects.requireNonNull(signer, "signer");
    this.self = config.self();
    this.checkpoints = new CheckpointTracker(config);
    this.requests = new RequestQueue(config.pendingRequestsMax());
    this.viewChanges = new ViewChanges(this, config, signer);
  }

  /**
   * A replica rebuilt after a crash from its durable records, in the order they were persisted,
   * with the executor's last executed sequence (the executor's state is durable on its own).
   */
  public static Replica restart(ReplicaConfig config, MessageSigner signer, List<LogRecord> records,
      long lastExecutedSequence) {
    Replica replica = new Replica(config, signer);
    new ReplicaRecovery(replica).replay(records, lastExecutedSequence);
    replica.checkInvariants();
    return replica;
  }

  /** The one mutator: feeds one input, returns the effects in the order they must happen. */
  public Output step(Input input) {
    Objects.requireNonNull(input, "input");
    effects = new ArrayList<>();
    if (input instanceof Input.ReceiveMessage receive) {
      onMessage(receive.message());
    } else if (input instanceof Input.ReceiveRequest receive) {
      onRequest(receive.request());
    } else if (input instanceof Input.Tick tickInput) {
      onTick(tickInput.nowMillis());
    } else if (input instanceof Input.Persisted persisted) {
      outbox.onPersisted(persisted.upToRecordId(), effects);
    } else if (input instanceof Input.Executed executed) {
      onExecuted(executed);
    } else if (input instanceof Input.StateTransferred transferred) {
      onStateTransferred(transferred);
    } else {
      throw new IllegalArgumentException("unknown input " + input);
    }
    checkInvariants();
    Output output = new Output(effects);
    effects = new ArrayList<>();
    return output;
  }

  public long view() {
    return view;
  }

  public boolean isViewActive() {
    return viewActive;
  }

  public long lastExecuted() {
    return lastExecuted;
  }

  public long stableSequence() {
    return checkpoints.stableSequence();
  }

  /** Sequences with protocol state in the current view (at most the water-mark window). */
  public int slotCount() {
    return slots.size();
  }

  public boolean isPrimary() {
    return config.primary(view) == self;
  }

  /** How often each kind of verified message was set aside, by reason. */
  public Map<Ignored, Long> ignoredCounts() {
    EnumMap<Ignored, Long> copy = new EnumMap<>(Ignored.class);
    copy.putAll(ignoredCounts);
    return copy;
  }

  // ---------------------------------------------------------------- dispatch

  private void onMessage(SignedMessage signed) {
    Message message = signed.message();
    boolean accepted = switch (MessageKind.of(message)) {
      case PRE_PREPARE -> onPrePrepare(signed);
      case PREPARE -> onPrepare(signed);
      case COMMIT -> onCommit(signed);
      case CHECKPOINT -> onCheckpoint(signed);
      case VIEW_CHANGE -> viewChanges.onViewChange(signed);
      case NEW_VIEW -> viewChanges.onNewView(signed);
    };
    if (!accepted) {
      trace("ignored " + MessageKind.of(message) + " from " + message.replica());
    }
  }

  boolean ignore(Ignored reason) {
    ignoredCounts.merge(reason, 1L, Long::sum);
    return false;
  }

  // ---------------------------------------------------------------- normal case

  private boolean onPrePrepare(SignedMessage signed) {
    PrePrepare prePrepare = signed.as(PrePrepare.class);
    if (!isActiveIn(prePrepare.view())) {
      return ignore(Ignored.WRONG_VIEW);
    }
    if (prePrepare.replica() != config.primary(view) || isPrimary()) {
      return ignore(Ignored.NOT_FROM_PRIMARY);
    }
    if (!isInsideWatermarks(prePrepare.sequence())) {
      return ignore(Ignored.OUTSIDE_WATERMARKS);
    }
    Slot slot = slot(prePrepare.sequence());
    if (slot.hasPrePrepare()) {
      answerLaggingReplica(slot, prePrepare.replica());
      return ignore(slot.digest().equals(prePrepare.batchDigest())
          ? Ignored.DUPLICATE : Ignored.CONFLICTING_PRE_PREPARE);
    }
    if (prePrepare.batch().nullBatch()) {
      return ignore(Ignored.NULL_BATCH_OUTSIDE_NEW_VIEW);
    }
    if (!isLedgerTimeAcceptable(prePrepare.sequence(), prePrepare.batch().ledgerTimeMillis())) {
      return ignore(Ignored.LEDGER_TIME_OUT_OF_BOUNDS);
    }
    slot.prePrepare = signed;
    slot.prePrepareRecord = outbox.persist(new LogRecord.AcceptedMessage(signed), effects);
    requests.markProposed(prePrepare.batch());
    sendPrepare(slot);
    checkPrepared(slot);
    return true;
  }

  private boolean onPrepare(SignedMessage signed) {
    Prepare prepare = signed.as(Prepare.class);
    if (!isActiveIn(prepare.view())) {
      return ignore(Ignored.WRONG_VIEW);
    }
    if (prepare.replica() == config.primary(view)) {
      return ignore(Ignored.PREPARE_FROM_PRIMARY);
    }
    if (!isInsideWatermarks(prepare.sequence())) {
      return ignore(Ignored.OUTSIDE_WATERMARKS);
    }
    Slot slot = slot(prepare.sequence());
    if (slot.prepares.putIfAbsent(prepare.replica(), signed) != null) {
      answerLaggingReplica(slot, prepare.replica());
      return ignore(Ignored.DUPLICATE);
    }
    checkPrepared(slot);
    return true;
  }

  private boolean onCommit(SignedMessage signed) {
    Commit commit = signed.as(Commit.class);
    if (!isActiveIn(commit.view())) {
      return ignore(Ignored.WRONG_VIEW);
    }
    if (!isInsideWatermarks(commit.sequence())) {
      return ignore(Ignored.OUTSIDE_WATERMARKS);
    }
    Slot slot = slot(commit.sequence());
    if (slot.commits.putIfAbsent(commit.replica(), signed) != null) {
      answerLaggingReplica(slot, commit.replica());
      return ignore(Ignored.DUPLICATE);
    }
    checkCommitted(slot);
    return true;
  }

  /** A peer repeating a vote for a sequence we finished is stuck there: give it our votes. */
  private void answerLaggingReplica(Slot slot, int replica) {
    if (!slot.committed || replica == self || !slot.mayAnswer(replica, tick, config.retransmitTicks())) {
      return;
    }
    if (isPrimary() && slot.prePrepareRecord >= 0 && slot.ownPrepare == null) {
      outbox.sendAfter(slot.prePrepareRecord, new Effect.Send(replica, slot.prePrepare.envelope()), effects);
    }
    if (slot.ownPrepare != null) {
      outbox.sendAfter(slot.ownPrepareRecord, new Effect.Send(replica, slot.ownPrepare.envelope()), effects);
    }
    if (slot.ownCommit != null) {
      outbox.sendAfter(slot.ownCommitRecord, new Effect.Send(replica, slot.ownCommit.envelope()), effects);
    }
  }

  void sendPrepare(Slot slot) {
    SignedMessage prepare = signer.sign(new Prepare(view, slot.sequence, slot.digest(), self));
    slot.ownPrepare = prepare;
    slot.ownPrepareRecord = outbox.persist(new LogRecord.OwnMessage(prepare), effects);
    slot.prepares.put(self, prepare);
    outbox.sendAfter(slot.ownPrepareRecord, new Effect.Broadcast(prepare.envelope()), effects);
  }

  void checkPrepared(Slot slot) {
    if (!slot.hasPrePrepare() || slot.prepared) {
      return;
    }
    List<SignedMessage> matching = slot.matchingPrepares(config.primary(view));
    if (matching.size() < config.prepareQuorum()) {
      return;
    }
    slot.prepared = true;
    PreparedCertificate certificate =
        new PreparedCertificate(slot.prePrepare, matching.subList(0, config.prepareQuorum()));
    preparedCertificates.put(slot.sequence, certificate);
    outbox.persist(new LogRecord.Prepared(certificate), effects);
    SignedMessage commit = signer.sign(new Commit(view, slot.sequence, slot.digest(), self));
    slot.ownCommit = commit;
    slot.ownCommitRecord = outbox.persist(new LogRecord.OwnMessage(commit), effects);
    slot.commits.put(self, commit);
    if (config.mutation() == Mutation.COMMIT_BEFORE_PERSIST) {
      effects.add(new Effect.Broadcast(commit.envelope()));
    } else {
      outbox.sendAfter(slot.ownCommitRecord, new Effect.Broadcast(commit.envelope()), effects);
    }
    checkCommitted(slot);
  }

  private void checkCommitted(Slot slot) {
    if (!slot.prepared || slot.committed || slot.matchingCommitCount() < config.quorum()) {
      return;
    }
    slot.committed = true;
    trace("committed seq=" + slot.sequence + " view=" + view);
    tryExecute();
  }

  private void tryExecute() {
    while (fetchingSequence < 0) {
      Slot slot = slots.get(lastExecuteIssued + 1);
      if (slot == null || !slot.committed) {
        return;
      }
      lastExecuteIssued = slot.sequence;
      effects.add(new Effect.Execute(slot.sequence, slot.digest(), slot.prePrepareMessage().batch()));
    }
  }

  private void onExecuted(Input.Executed executed) {
    long sequence = executed.sequence();
    if (sequence != lastExecuted + 1 || sequence > lastExecuteIssued) {
      throw new IllegalStateException("executed " + sequence + " out of order: last executed "
          + lastExecuted + ", issued up to " + lastExecuteIssued);
    }
    lastExecuted = sequence;
    Slot slot = slots.get(sequence);
    if (slot != null && slot.hasPrePrepare() && !slot.prePrepareMessage().batch().nullBatch()) {
      executedLedgerTimeMillis = Math.max(executedLedgerTimeMillis,
          slot.prePrepareMessage().batch().ledgerTimeMillis());
    }
    for (ExecutedReply reply : executed.replies()) {
      Bytes envelope = signer.signReply(
          new Reply(view, reply.timestamp(), reply.clientId(), self, reply.result(), sequence));
      clients.record(reply.clientId(), reply.timestamp(), envelope);
      requests.onExecuted(reply.clientId(), reply.timestamp());
      effects.add(new Effect.SendReply(reply.clientId(), envelope));
    }
    if (sequence % config.checkpointInterval() == 0) {
      sendCheckpoint(sequence, executed.stateDigest());
    }
  }

  private void sendCheckpoint(long sequence, Digest stateDigest) {
    SignedMessage checkpoint = signer.sign(new Checkpoint(sequence, stateDigest, self));
    long record = outbox.persist(new LogRecord.OwnMessage(checkpoint), effects);
    outbox.sendAfter(record, new Effect.Broadcast(checkpoint.envelope()), effects);
    checkpoints.recordOwn(checkpoint, record);
    checkpoints.add(checkpoint).ifPresent(this::enterStableCheckpoint);
  }

  // ---------------------------------------------------------------- checkpoints

  private boolean onCheckpoint(SignedMessage signed) {
    Checkpoint checkpoint = signed.as(Checkpoint.class);
    if (checkpoint.sequence() < checkpoints.stableSequence()) {
      long stable = checkpoints.stableSequence();
      checkpoints.ownAt(stable).ifPresent(own -> outbox.sendAfter(checkpoints.ownRecord(stable),
          new Effect.Send(checkpoint.replica(), own.envelope()), effects));
      return ignore(Ignored.STALE_CHECKPOINT);
    }
    if (checkpoint.sequence() == checkpoints.stableSequence()) {
      return ignore(Ignored.STALE_CHECKPOINT);
    }
    checkpoints.add(signed).ifPresent(this::enterStableCheckpoint);
    return true;
  }

  void enterStableCheckpoint(LogRecord.StableCheckpoint stable) {
    long sequence = stable.sequence();
    if (sequence <= checkpoints.stableSequence()) {
      return;
    }
    outbox.persist(stable, effects);
    checkpoints.enterStable(stable);
    slots.headMap(sequence, true).clear();
    preparedCertificates.headMap(sequence, true).clear();
    trace("stable checkpoint seq=" + sequence);
    if (lastExecuteIssued < sequence) {
      fetchingSequence = sequence;
      fetchingDigest = stable.stateDigest();
      fetchRetryTick = tick + config.requestTimeoutTicks();
      effects.add(new Effect.FetchState(sequence, stable.stateDigest()));
    }
    nextSequence = Math.max(nextSequence, sequence + 1);
    tryPropose();
  }

  private void onStateTransferred(Input.StateTransferred transferred) {
    long sequence = transferred.sequence();
    if (sequence <= lastExecuted || sequence < fetchingSequence) {
      ignore(Ignored.STALE_STATE_TRANSFER);
      return;
    }
    lastExecuted = sequence;
    lastExecuteIssued = sequence;
    fetchingSequence = -1;
    fetchingDigest = null;
    nextSequence = Math.max(nextSequence, sequence + 1);
    for (ExecutedReply reply : transferred.lastReplies()) {
      clients.record(reply.clientId(), reply.timestamp(), signer.signReply(
          new Reply(view, reply.timestamp(), reply.clientId(), self, reply.result(), sequence)));
      requests.onExecuted(reply.clientId(), reply.timestamp());
    }
    trace("state transferred seq=" + sequence + " digest=" + transferred.stateDigest());
    tryExecute();
    tryPropose();
  }

  // ---------------------------------------------------------------- clients and batching

  private void onRequest(SignedRequest signed) {
    Request request = signed.request();
    Optional<ClientTable.LastReply> last = clients.lastReply(request.clientId());
    if (last.isPresent() && request.timestamp() < last.get().timestamp()) {
      ignore(Ignored.STALE_REQUEST);
      return;
    }
    if (last.isPresent() && request.timestamp() == last.get().timestamp()) {
      effects.add(new Effect.SendReply(request.clientId(), last.get().envelope()));
      return;
    }
    RequestQueue.Offer offer = requests.offer(signed, tick);
    if (offer == RequestQueue.Offer.FULL) {
      ignore(Ignored.REQUEST_QUEUE_FULL);
      return;
    }
    if (!isPrimary() && viewActive) {
      effects.add(new Effect.Send(config.primary(view), signed.envelope()));
    }
    if (offer == RequestQueue.Offer.ADDED) {
      tryPropose();
    }
  }

  void tryPropose() {
    if (!isPrimary() || !viewActive || fetchingSequence >= 0) {
      return;
    }
    while (nextSequence <= checkpoints.stableSequence() + config.watermarkWindow()) {
      OptionalLong oldest = requests.oldestUnproposedTick();
      if (oldest.isEmpty() || (requests.unproposedCount() < config.batchRequestsMax()
          && tick - oldest.getAsLong() < config.batchDelayTicks())) {
        return;
      }
      List<SignedRequest> taken = requests.takeBatch(config.batchRequestsMax(), config.batchBytesMax());
      if (!taken.isEmpty()) {
        propose(taken);
      }
    }
  }

  private void propose(List<SignedRequest> taken) {
    long sequence = nextSequence++;
    long ledgerTime = Math.max(nowMillis, previousLedgerTime(sequence) + 1);
    Batch batch = new Batch(taken, ledgerTime, false);
    Bytes batchBytes = signer.encodeBatch(batch);
    PrePrepare prePrepare =
        new PrePrepare(view, sequence, Sha256.hash(batchBytes), batchBytes, batch, self);
    SignedMessage signed = signer.sign(prePrepare);
    Slot slot = slot(sequence);
    slot.prePrepare = signed;
    slot.prePrepareRecord = outbox.persist(new LogRecord.OwnMessage(signed), effects);
    outbox.sendAfter(slot.prePrepareRecord, new Effect.Broadcast(signed.envelope()), effects);
    trace("pre-prepare seq=" + sequence + " view=" + view + " requests=" + taken.size());
    checkPrepared(slot);
  }

  private long previousLedgerTime(long sequence) {
    long previous = lastExecuted < sequence ? executedLedgerTimeMillis : 0;
    for (Slot slot : slots.headMap(sequence, false).values()) {
      if (slot.hasPrePrepare()) {
        previous = Math.max(previous, slot.prePrepareMessage().batch().ledgerTimeMillis());
      }
    }
    return previous;
  }

  private boolean isLedgerTimeAcceptable(long sequence, long ledgerTimeMillis) {
    if (Math.abs(ledgerTimeMillis - nowMillis) > config.ledgerTimeBoundMillis()
        || ledgerTimeMillis <= previousLedgerTime(sequence)) {
      return false;
    }
    for (Slot slot : slots.tailMap(sequence, false).values()) {
      if (slot.hasPrePrepare() && !slot.prePrepareMessage().batch().nullBatch()
          && slot.prePrepareMessage().batch().ledgerTimeMillis() <= ledgerTimeMillis) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- timers

  private void onTick(long now) {
    tick++;
    nowMillis = now;
    if (fetchingSequence >= 0 && tick >= fetchRetryTick) {
      fetchRetryTick = tick + config.requestTimeoutTicks();
      effects.add(new Effect.FetchState(fetchingSequence, fetchingDigest));
    }
    if (viewActive) {
      tryPropose();
      OptionalLong oldest = requests.oldestTick();
      if (oldest.isPresent() && tick - oldest.getAsLong() >= config.requestTimeoutTicks()) {
        trace("request timer expired view=" + view);
        viewChanges.enterViewChange(view + 1);
      }
    } else {
      viewChanges.onTick();
    }
    if (tick % config.retransmitTicks() == 0) {
      retransmit();
    }
  }

  /** Resends own messages for unfinished work; peers that finished answer laggers directly. */
  private void retransmit() {
    checkpoints.latestOwn().ifPresent(checkpoint -> outbox.sendAfter(
        checkpoints.ownRecord(checkpoint.as(Checkpoint.class).sequence()),
        new Effect.Broadcast(checkpoint.envelope()), effects));
    if (!viewActive) {
      viewChanges.retransmit();
      return;
    }
    for (Slot slot : slots.tailMap(lastExecuted, false).values()) {
      if (isPrimary() && slot.prePrepareRecord >= 0 && slot.ownPrepare == null) {
        outbox.sendAfter(slot.prePrepareRecord, new Effect.Broadcast(slot.prePrepare.envelope()), effects);
      }
      if (slot.ownPrepare != null) {
        outbox.sendAfter(slot.ownPrepareRecord, new Effect.Broadcast(slot.ownPrepare.envelope()), effects);
      }
      if (slot.ownCommit != null) {
        outbox.sendAfter(slot.ownCommitRecord, new Effect.Broadcast(slot.ownCommit.envelope()), effects);
      }
    }
  }

  // ---------------------------------------------------------------- helpers and invariants

  private boolean isActiveIn(long messageView) {
    return viewActive && messageView == view;
  }

  private boolean isInsideWatermarks(long sequence) {
    if (config.mutation() == Mutation.ACCEPT_OUTSIDE_WATERMARKS) {
      return sequence > 0;
    }
    long low = checkpoints.stableSequence();
    return sequence > low && sequence <= low + config.watermarkWindow();
  }

  Slot slot(long sequence) {
    return slots.computeIfAbsent(sequence, Slot::new);
  }

  void restoreProgress(long executed) {
    lastExecuted = executed;
    lastExecuteIssued = executed;
    nextSequence = Math.max(nextSequence, executed + 1);
  }

  void restoreActiveView() {
    viewChanges.lastActiveView = view;
  }

  void restoreFetch() {
    if (lastExecuteIssued < checkpoints.stableSequence()) {
      fetchingSequence = checkpoints.stableSequence();
      fetchingDigest = checkpoints.stableDigest();
      fetchRetryTick = 0;
    }
  }

  void trace(String event) {
    effects.add(new Effect.Trace("replica=" + self + " " + event));
  }

  private void checkInvariants() {
    if (lastExecuted > lastExecuteIssued) {
      throw new IllegalStateException("executed beyond what was issued");
    }
    if (viewActive && viewChanges.hasOwnViewChange()) {
      throw new IllegalStateException("active view with a pending own view-change");
    }
    long low = checkpoints.stableSequence();
    if (!slots.isEmpty() && slots.firstKey() <= low
        && config.mutation() != Mutation.ACCEPT_OUTSIDE_WATERMARKS) {
      throw new IllegalStateException("slot " + slots.firstKey() + " at or below the stable checkpoint " + low);
    }
    for (Slot slot : slots.values()) {
      if (slot.hasPrePrepare() && slot.prePrepareMessage().view() != view) {
        throw new IllegalStateException("slot " + slot.sequence + " holds a pre-prepare of another view");
      }
      if (slot.ownPrepare != null && !slot.ownPrepare.as(Prepare.class).batchDigest().equals(slot.digest())) {
        throw new IllegalStateException("own prepare does not match the accepted pre-prepare");
      }
      if (slot.committed && !slot.prepared) {
        throw new IllegalStateException("committed without being prepared");
      }
    }
  }
}
