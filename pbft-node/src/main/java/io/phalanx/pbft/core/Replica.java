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
  private final CertificateRules rules;
  private final NewViewBuilder newViewBuilder;
  private final Outbox outbox = new Outbox();
  final TreeMap<Long, Slot> slots = new TreeMap<>();
  final CheckpointTracker checkpoints;
  final TreeMap<Long, PreparedCertificate> preparedCertificates = new TreeMap<>();
  private final ViewChangeTracker viewChanges = new ViewChangeTracker();
  private final RequestQueue requests;
  private final ClientTable clients = new ClientTable();
  private final EnumMap<Ignored, Long> ignoredCounts = new EnumMap<>(Ignored.class);

  long view;
  boolean viewActive = true;
  private long lastActiveView;
  long lastExecuted;
  private long lastExecuteIssued;
  long nextSequence = 1;
  private long tick;
  private long nowMillis;
  private long executedLedgerTimeMillis;
  SignedMessage ownViewChange;
  long ownViewChangeRecord = Outbox.DURABLE;
  private long viewChangeDeadlineTick = -1;
  SignedMessage currentNewView;
  long currentNewViewRecord = Outbox.DURABLE;
  private long fetchingSequence = -1;
  private Digest fetchingDigest;
  private long fetchRetryTick;
  private List<Effect> effects = new ArrayList<>();

  /** A fresh replica at view 0 with nothing executed. */
  public Replica(ReplicaConfig config, MessageSigner signer) {
    this.config = Objects.requireNonNull(config, "config");
    this.signer = Objects.requireNonNull(signer, "signer");
    this.self = config.self();
    this.rules = new CertificateRules(config);
    this.newViewBuilder = new NewViewBuilder(config, rules, signer.encodeBatch(Batch.empty()));
    this.checkpoints = new CheckpointTracker(config);
    this.requests = new RequestQueue(config.pendingRequestsMax());
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
      onStateTransferred(transferred.sequence(), transferred.stateDigest());
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
      case VIEW_CHANGE -> onViewChange(signed);
      case NEW_VIEW -> onNewView(signed);
    };
    if (!accepted) {
      trace("ignored " + MessageKind.of(message) + " from " + message.replica());
    }
  }

  private boolean ignore(Ignored reason) {
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

  private void sendPrepare(Slot slot) {
    SignedMessage prepare = signer.sign(new Prepare(view, slot.sequence, slot.digest(), self));
    slot.ownPrepare = prepare;
    slot.ownPrepareRecord = outbox.persist(new LogRecord.OwnMessage(prepare), effects);
    slot.prepares.put(self, prepare);
    outbox.sendAfter(slot.ownPrepareRecord, new Effect.Broadcast(prepare.envelope()), effects);
  }

  private void checkPrepared(Slot slot) {
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

  private void onStateTransferred(long sequence, Digest stateDigest) {
    if (sequence <= lastExecuted || sequence < fetchingSequence) {
      ignore(Ignored.STALE_STATE_TRANSFER);
      return;
    }
    lastExecuted = sequence;
    lastExecuteIssued = sequence;
    fetchingSequence = -1;
    fetchingDigest = null;
    nextSequence = Math.max(nextSequence, sequence + 1);
    trace("state transferred seq=" + sequence + " digest=" + stateDigest);
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

  private void tryPropose() {
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
        enterViewChange(view + 1);
      }
    } else if (viewChangeDeadlineTick >= 0 && tick >= viewChangeDeadlineTick) {
      trace("view-change timer expired view=" + view);
      enterViewChange(view + 1);
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
      if (ownViewChange != null) {
        outbox.sendAfter(ownViewChangeRecord, new Effect.Broadcast(ownViewChange.envelope()), effects);
      }
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

  // ---------------------------------------------------------------- view change

  void enterViewChange(long newView) {
    if (newView <= view && !(newView == view && viewActive)) {
      return;
    }
    view = newView;
    viewActive = false;
    viewChangeDeadlineTick = -1;
    currentNewView = null;
    slots.clear();
    outbox.persist(new LogRecord.ViewState(newView, false), effects);
    long stable = checkpoints.stableSequence();
    ViewChange viewChange = new ViewChange(newView, stable, checkpoints.stableProof(),
        new ArrayList<>(preparedCertificates.tailMap(stable, false).values()), self);
    ownViewChange = signer.sign(viewChange);
    ownViewChangeRecord = outbox.persist(new LogRecord.OwnMessage(ownViewChange), effects);
    outbox.sendAfter(ownViewChangeRecord, new Effect.Broadcast(ownViewChange.envelope()), effects);
    viewChanges.discardBelow(newView);
    viewChanges.add(ownViewChange, view);
    trace("view-change to view=" + newView + " prepared=" + viewChange.prepared().size());
    checkViewChangeQuorum();
  }

  private boolean onViewChange(SignedMessage signed) {
    ViewChange viewChange = signed.as(ViewChange.class);
    if (viewChange.newView() < view || (viewChange.newView() == view && viewActive)) {
      if (viewActive && currentNewView != null) {
        outbox.sendAfter(currentNewViewRecord,
            new Effect.Send(viewChange.replica(), currentNewView.envelope()), effects);
      }
      return ignore(Ignored.STALE_VIEW_CHANGE);
    }
    if (!rules.isValid(viewChange)) {
      return ignore(Ignored.INVALID_VIEW_CHANGE);
    }
    if (!viewChanges.add(signed, view)) {
      return ignore(Ignored.VIEW_TOO_FAR_AHEAD);
    }
    OptionalLong join = viewChanges.joinableView(view, config.joinQuorum());
    if (join.isPresent()) {
      enterViewChange(join.getAsLong());
    }
    if (!viewActive) {
      checkViewChangeQuorum();
    }
    return true;
  }

  private void checkViewChangeQuorum() {
    List<SignedMessage> received = viewChanges.forView(view);
    if (received.size() < config.quorum()) {
      return;
    }
    if (viewChangeDeadlineTick < 0) {
      long failedViews = Math.min(view - lastActiveView - 1, 8);
      viewChangeDeadlineTick = tick + ((long) config.requestTimeoutTicks() << Math.max(0, failedViews));
    }
    if (isPrimary() && currentNewView == null) {
      sendNewView(received.subList(0, config.quorum()));
    }
  }

  private void sendNewView(List<SignedMessage> chosen) {
    NewViewPlan plan = newViewBuilder.plan(decodeViewChanges(chosen));
    List<SignedMessage> prePrepares = new ArrayList<>();
    for (NewViewPlan.Entry entry : plan.entries().values()) {
      prePrepares.add(signer.sign(new PrePrepare(view, entry.sequence(), entry.batchDigest(),
          entry.batchBytes(), entry.batch(), self)));
    }
    SignedMessage newView = signer.sign(new NewView(view, chosen, prePrepares, self));
    long record = outbox.persist(new LogRecord.OwnMessage(newView), effects);
    outbox.sendAfter(record, new Effect.Broadcast(newView.envelope()), effects);
    enterNewView(newView, plan, record);
  }

  private static List<ViewChange> decodeViewChanges(List<SignedMessage> signed) {
    List<ViewChange> decoded = new ArrayList<>();
    for (SignedMessage viewChange : signed) {
      decoded.add(viewChange.as(ViewChange.class));
    }
    return decoded;
  }

  private boolean onNewView(SignedMessage signed) {
    NewView newView = signed.as(NewView.class);
    if (newView.view() < view || (newView.view() == view && viewActive)) {
      return ignore(Ignored.STALE_NEW_VIEW);
    }
    if (newView.replica() != config.primary(newView.view())) {
      return ignore(Ignored.NOT_FROM_PRIMARY);
    }
    Optional<NewViewPlan> plan = checkNewView(newView);
    if (plan.isEmpty()) {
      return ignore(Ignored.INVALID_NEW_VIEW);
    }
    long record = outbox.persist(new LogRecord.AcceptedMessage(signed), effects);
    enterNewView(signed, plan.get(), record);
    return true;
  }

  /** Recomputes O from V and accepts the new-view only if it is exactly what was received. */
  private Optional<NewViewPlan> checkNewView(NewView newView) {
    java.util.TreeSet<Integer> senders = new java.util.TreeSet<>();
    for (SignedMessage signed : newView.viewChanges()) {
      if (!(signed.message() instanceof ViewChange viewChange)
          || viewChange.newView() != newView.view() || !rules.isValid(viewChange)
          || !senders.add(viewChange.replica())) {
        return Optional.empty();
      }
    }
    if (senders.size() < config.quorum()) {
      return Optional.empty();
    }
    NewViewPlan plan = newViewBuilder.plan(decodeViewChanges(newView.viewChanges()));
    if (plan.entries().size() != newView.prePrepares().size()) {
      return Optional.empty();
    }
    int index = 0;
    for (NewViewPlan.Entry entry : plan.entries().values()) {
      SignedMessage signed = newView.prePrepares().get(index++);
      if (!(signed.message() instanceof PrePrepare prePrepare) || prePrepare.view() != newView.view()
          || prePrepare.replica() != newView.replica() || prePrepare.sequence() != entry.sequence()
          || !prePrepare.batchDigest().equals(entry.batchDigest())) {
        return Optional.empty();
      }
    }
    return Optional.of(plan);
  }

  private void enterNewView(SignedMessage signed, NewViewPlan plan, long record) {
    NewView newView = signed.as(NewView.class);
    view = newView.view();
    viewActive = true;
    lastActiveView = view;
    viewChangeDeadlineTick = -1;
    ownViewChange = null;
    currentNewView = signed;
    currentNewViewRecord = record;
    outbox.persist(new LogRecord.ViewState(view, true), effects);
    viewChanges.discardBelow(view + 1);
    if (plan.minSequence() > checkpoints.stableSequence()) {
      enterStableCheckpoint(new LogRecord.StableCheckpoint(plan.minSequence(), plan.minStateDigest(),
          plan.minProof()));
    }
    slots.clear();
    requests.restartTimers(tick);
    installPrePrepares(newView);
    nextSequence = Math.max(nextSequence, Math.max(plan.maxSequence(), checkpoints.stableSequence()) + 1);
    trace("new-view view=" + view + " min-s=" + plan.minSequence() + " max-s=" + plan.maxSequence());
    tryPropose();
  }

  private void installPrePrepares(NewView newView) {
    for (SignedMessage signed : newView.prePrepares()) {
      PrePrepare prePrepare = signed.as(PrePrepare.class);
      if (prePrepare.sequence() <= checkpoints.stableSequence()) {
        continue;
      }
      Slot slot = slot(prePrepare.sequence());
      slot.prePrepare = signed;
      requests.markProposed(prePrepare.batch());
      if (!isPrimary()) {
        sendPrepare(slot);
      }
      checkPrepared(slot);
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
    lastActiveView = view;
  }

  void restoreFetch() {
    if (lastExecuteIssued < checkpoints.stableSequence()) {
      fetchingSequence = checkpoints.stableSequence();
      fetchingDigest = checkpoints.stableDigest();
      fetchRetryTick = 0;
    }
  }

  private void trace(String event) {
    effects.add(new Effect.Trace("replica=" + self + " " + event));
  }

  private void checkInvariants() {
    if (lastExecuted > lastExecuteIssued) {
      throw new IllegalStateException("executed beyond what was issued");
    }
    if (viewActive && ownViewChange != null) {
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
