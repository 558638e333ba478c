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
  final NormalCase normalCase;
  final RequestQueue requests;
  final ClientTable clients = new ClientTable();
  private final EnumMap<Ignored, Long> ignoredCounts = new EnumMap<>(Ignored.class);

  long view;
  boolean viewActive = true;
  long lastExecuted;
  long lastExecuteIssued;
  long nextSequence = 1;
  long tick;
  long nowMillis;
  long executedLedgerTimeMillis;
  long fetchingSequence = -1;
  Digest fetchingDigest;
  long fetchRetryTick;
  List<Effect> effects = new ArrayList<>();

  /** A fresh replica at view 0 with nothing executed. */
  public Replica(ReplicaConfig config, MessageSigner signer) {
    this.config = Objects.requireNonNull(config, "config");
    this.signer = Objects.requireNonNull(signer, "signer");
    this.self = config.self();
    this.checkpoints = new CheckpointTracker(config);
    this.requests = new RequestQueue(config.pendingRequestsMax());
    this.viewChanges = new ViewChanges(this, config, signer);
    this.normalCase = new NormalCase(this, config, signer);
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
      normalCase.onExecuted(executed);
    } else if (input instanceof Input.StateTransferred transferred) {
      normalCase.onStateTransferred(transferred);
    } else {
      throw new IllegalArgumentException("unknown input " + input);
    }
    checkInvariants();
    Output output = new Output(effects);
    effects = new ArrayList<>();
    return output;
  }

  /** This replica's index. */
  public int self() {
    return self;
  }

  /** n, the number of replicas. */
  public int replicas() {
    return config.replicas();
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
      case PRE_PREPARE -> normalCase.onPrePrepare(signed);
      case PREPARE -> normalCase.onPrepare(signed);
      case COMMIT -> normalCase.onCommit(signed);
      case CHECKPOINT -> normalCase.onCheckpoint(signed);
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
    normalCase.checkPrepared(slot);
  }

  long previousLedgerTime(long sequence) {
    long previous = lastExecuted < sequence ? executedLedgerTimeMillis : 0;
    for (Slot slot : slots.headMap(sequence, false).values()) {
      if (slot.hasPrePrepare()) {
        previous = Math.max(previous, slot.prePrepareMessage().batch().ledgerTimeMillis());
      }
    }
    return previous;
  }

  boolean isLedgerTimeAcceptable(long sequence, long ledgerTimeMillis) {
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
        if (isBehindPeers()) {
          trace("request timer expired while behind peers view=" + view + "; awaiting state");
          requests.restartTimers(tick);
        } else {
          trace("request timer expired view=" + view);
          viewChanges.enterViewChange(view + 1);
        }
      }
    } else {
      viewChanges.onTick();
    }
    if (tick % config.retransmitTicks() == 0) {
      retransmit();
    }
  }

  /**
   * True while this replica catches up rather than the system being stuck: it is fetching state,
   * or f+1 replicas (so at least one correct one) sent checkpoints a whole interval beyond what
   * it executed. A view change would not help it then — it needs state, which the next stable
   * checkpoint brings — and a lone view change would leave it out of the view everyone else is in.
   */
  private boolean isBehindPeers() {
    return fetchingSequence >= 0
        || checkpoints.replicasAbove(lastExecuted + config.checkpointInterval())
            >= config.faults() + 1;
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

  boolean isActiveIn(long messageView) {
    return viewActive && messageView == view;
  }

  boolean isInsideWatermarks(long sequence) {
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
