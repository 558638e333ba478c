package io.phalanx.pbft.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * The view-change protocol of one {@link Replica}: its view-change, the f+1 join rule, the
 * view-change timer (doubling per failed view), and the new-view — built by the new primary,
 * recomputed and checked by every backup. Runs on the replica's thread, inside its step.
 */
final class ViewChanges {
  private final Replica replica;
  private final ReplicaConfig config;
  private final MessageSigner signer;
  private final int self;
  private final CertificateRules rules;
  private final NewViewBuilder newViewBuilder;
  private final ViewChangeTracker tracker = new ViewChangeTracker();
  long lastActiveView;
  SignedMessage ownViewChange;
  long ownViewChangeRecord = Outbox.DURABLE;
  private long viewChangeDeadlineTick = -1;
  SignedMessage currentNewView;
  long currentNewViewRecord = Outbox.DURABLE;

  ViewChanges(Replica replica, ReplicaConfig config, MessageSigner signer) {
    this.replica = replica;
    this.config = config;
    this.signer = signer;
    this.self = config.self();
    this.rules = new CertificateRules(config);
    this.newViewBuilder = new NewViewBuilder(config, rules, signer.encodeBatch(Batch.empty()));
  }

  /** While changing views: move on to the next view when the view-change timer expires. */
  void onTick() {
    if (!replica.viewActive && viewChangeDeadlineTick >= 0 && replica.tick >= viewChangeDeadlineTick) {
      replica.trace("view-change timer expired view=" + replica.view);
      enterViewChange(replica.view + 1);
    }
  }

  void retransmit() {
    if (ownViewChange != null) {
      replica.outbox.sendAfter(ownViewChangeRecord, new Effect.Broadcast(ownViewChange.envelope()),
          replica.effects);
    }
  }

  boolean hasOwnViewChange() {
    return ownViewChange != null;
  }

  // ---------------------------------------------------------------- replica.view change

  /** Leaves the current view: a signed, durable view-change for {@code newView}, then broadcast. */
  void enterViewChange(long newView) {
    if (newView <= replica.view && !(newView == replica.view && replica.viewActive)) {
      return;
    }
    replica.view = newView;
    replica.viewActive = false;
    viewChangeDeadlineTick = -1;
    currentNewView = null;
    replica.slots.clear();
    replica.outbox.persist(new LogRecord.ViewState(newView, false), replica.effects);
    long stable = replica.checkpoints.stableSequence();
    ViewChange viewChange = new ViewChange(newView, stable, replica.checkpoints.stableProof(),
        new ArrayList<>(replica.preparedCertificates.tailMap(stable, false).values()), self);
    ownViewChange = signer.sign(viewChange);
    ownViewChangeRecord = replica.outbox.persist(new LogRecord.OwnMessage(ownViewChange), replica.effects);
    replica.outbox.sendAfter(ownViewChangeRecord, new Effect.Broadcast(ownViewChange.envelope()), replica.effects);
    tracker.discardBelow(newView);
    tracker.add(ownViewChange, replica.view);
    replica.trace("view-change to view=" + newView + " prepared=" + viewChange.prepared().size());
    checkViewChangeQuorum();
  }

  boolean onViewChange(SignedMessage signed) {
    ViewChange viewChange = signed.as(ViewChange.class);
    if (viewChange.newView() < replica.view || (viewChange.newView() == replica.view && replica.viewActive)) {
      if (replica.viewActive && currentNewView != null) {
        replica.outbox.sendAfter(currentNewViewRecord,
            new Effect.Send(viewChange.replica(), currentNewView.envelope()), replica.effects);
      }
      return replica.ignore(Ignored.STALE_VIEW_CHANGE);
    }
    if (!rules.isValid(viewChange)) {
      return replica.ignore(Ignored.INVALID_VIEW_CHANGE);
    }
    if (!tracker.add(signed, replica.view)) {
      return replica.ignore(Ignored.VIEW_TOO_FAR_AHEAD);
    }
    OptionalLong join = tracker.joinableView(replica.view, config.joinQuorum());
    if (join.isPresent()) {
      enterViewChange(join.getAsLong());
    }
    if (!replica.viewActive) {
      checkViewChangeQuorum();
    }
    return true;
  }

  private void checkViewChangeQuorum() {
    List<SignedMessage> received = tracker.forView(replica.view);
    if (received.size() < config.quorum()) {
      return;
    }
    if (viewChangeDeadlineTick < 0) {
      long failedViews = Math.min(replica.view - lastActiveView - 1, 8);
      viewChangeDeadlineTick = replica.tick + ((long) config.requestTimeoutTicks() << Math.max(0, failedViews));
    }
    if (replica.isPrimary() && currentNewView == null) {
      sendNewView(received.subList(0, config.quorum()));
    }
  }

  private void sendNewView(List<SignedMessage> chosen) {
    NewViewPlan plan = newViewBuilder.plan(decodeViewChanges(chosen));
    List<SignedMessage> prePrepares = new ArrayList<>();
    for (NewViewPlan.Entry entry : plan.entries().values()) {
      prePrepares.add(signer.sign(new PrePrepare(replica.view, entry.sequence(), entry.batchDigest(),
          entry.batchBytes(), entry.batch(), self)));
    }
    SignedMessage newView = signer.sign(new NewView(replica.view, chosen, prePrepares, self));
    long record = replica.outbox.persist(new LogRecord.OwnMessage(newView), replica.effects);
    replica.outbox.sendAfter(record, new Effect.Broadcast(newView.envelope()), replica.effects);
    enterNewView(newView, plan, record);
  }

  private static List<ViewChange> decodeViewChanges(List<SignedMessage> signed) {
    List<ViewChange> decoded = new ArrayList<>();
    for (SignedMessage viewChange : signed) {
      decoded.add(viewChange.as(ViewChange.class));
    }
    return decoded;
  }

  boolean onNewView(SignedMessage signed) {
    NewView newView = signed.as(NewView.class);
    if (newView.view() < replica.view || (newView.view() == replica.view && replica.viewActive)) {
      return replica.ignore(Ignored.STALE_NEW_VIEW);
    }
    if (newView.replica() != config.primary(newView.view())) {
      return replica.ignore(Ignored.NOT_FROM_PRIMARY);
    }
    Optional<NewViewPlan> plan = checkNewView(newView);
    if (plan.isEmpty()) {
      return replica.ignore(Ignored.INVALID_NEW_VIEW);
    }
    long record = replica.outbox.persist(new LogRecord.AcceptedMessage(signed), replica.effects);
    enterNewView(signed, plan.get(), record);
    return true;
  }

  /** Recomputes O from V and accepts the new-replica.view only if it is exactly what was received. */
  private Optional<NewViewPlan> checkNewView(NewView newView) {
    TreeSet<Integer> senders = new TreeSet<>();
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

  /**
   * Enters the new view: adopts min-s as the stable checkpoint, logs O and prepares it, and only
   * then becomes active, so that nothing is proposed before O is in place.
   */
  private void enterNewView(SignedMessage signed, NewViewPlan plan, long record) {
    NewView newView = signed.as(NewView.class);
    replica.view = newView.view();
    lastActiveView = replica.view;
    viewChangeDeadlineTick = -1;
    ownViewChange = null;
    currentNewView = signed;
    currentNewViewRecord = record;
    replica.outbox.persist(new LogRecord.ViewState(replica.view, true), replica.effects);
    tracker.discardBelow(replica.view + 1);
    replica.slots.clear();
    if (plan.minSequence() > replica.checkpoints.stableSequence()) {
      replica.normalCase.enterStableCheckpoint(new LogRecord.StableCheckpoint(plan.minSequence(),
          plan.minStateDigest(), plan.minProof()));
    }
    replica.requests.restartTimers(replica.tick);
    installPrePrepares(newView);
    // O covers (min-s, max-s]; the next proposal follows it, whatever this replica proposed
    // when it was primary of an earlier view (those sequences did not prepare, or O has them).
    replica.nextSequence = Math.max(plan.maxSequence(), replica.checkpoints.stableSequence()) + 1;
    replica.viewActive = true;
    replica.trace("new-view view=" + replica.view + " min-s=" + plan.minSequence()
        + " max-s=" + plan.maxSequence());
    replica.tryPropose();
  }


  private void installPrePrepares(NewView newView) {
    for (SignedMessage signed : newView.prePrepares()) {
      PrePrepare prePrepare = signed.as(PrePrepare.class);
      if (prePrepare.sequence() <= replica.checkpoints.stableSequence()) {
        continue;
      }
      Slot slot = replica.slot(prePrepare.sequence());
      slot.prePrepare = signed;
      replica.requests.markProposed(prePrepare.batch());
      if (!replica.isPrimary()) {
        replica.normalCase.sendPrepare(slot);
      }
      replica.normalCase.checkPrepared(slot);
    }
  }
}
