package io.phalanx.pbft.core;

import java.util.List;

/**
 * Rebuilds a {@link Replica} from its durable records after a crash. What it restores is exactly
 * what it signed or accepted, so it cannot sign anything that conflicts with it afterwards.
 */
final class ReplicaRecovery {
  private final Replica replica;

  ReplicaRecovery(Replica replica) {
    this.replica = replica;
  }

  void replay(List<LogRecord> records, long lastExecuted) {
    for (LogRecord record : records) {
      apply(record);
    }
    long stable = replica.checkpoints.stableSequence();
    replica.slots.headMap(stable, true).clear();
    replica.preparedCertificates.headMap(stable, true).clear();
    if (replica.viewActive) {
      replica.restoreActiveView();
    }
    replica.restoreProgress(lastExecuted);
    replica.restoreFetch();
  }

  private void apply(LogRecord record) {
    if (record instanceof LogRecord.ViewState state) {
      if (state.view() != replica.view) {
        replica.slots.clear();
      }
      replica.view = state.view();
      replica.viewActive = state.active();
      if (state.active()) {
        replica.viewChanges.ownViewChange = null;
      }
    } else if (record instanceof LogRecord.StableCheckpoint stable) {
      if (stable.sequence() > replica.checkpoints.stableSequence()) {
        replica.checkpoints.enterStable(stable);
      }
    } else if (record instanceof LogRecord.Prepared prepared) {
      PreparedCertificate certificate = prepared.certificate();
      PreparedCertificate current = replica.preparedCertificates.get(certificate.sequence());
      if (current == null || current.view() <= certificate.view()) {
        replica.preparedCertificates.put(certificate.sequence(), certificate);
      }
    } else if (record instanceof LogRecord.OwnMessage own) {
      applyOwn(own.message());
    } else if (record instanceof LogRecord.AcceptedMessage accepted) {
      applyAccepted(accepted.message());
    }
  }

  private void applyOwn(SignedMessage signed) {
    Message message = signed.message();
    switch (MessageKind.of(message)) {
      case PRE_PREPARE -> {
        PrePrepare prePrepare = (PrePrepare) message;
        if (prePrepare.view() == replica.view) {
          Slot slot = replica.slot(prePrepare.sequence());
          slot.prePrepare = signed;
          slot.prePrepareRecord = Outbox.DURABLE;
          replica.nextSequence = Math.max(replica.nextSequence, prePrepare.sequence() + 1);
        }
      }
      case PREPARE -> {
        Prepare prepare = (Prepare) message;
        Slot slot = replica.slots.get(prepare.sequence());
        if (prepare.view() == replica.view && slot != null && slot.hasPrePrepare()) {
          slot.ownPrepare = signed;
          slot.ownPrepareRecord = Outbox.DURABLE;
          slot.prepares.put(prepare.replica(), signed);
        }
      }
      case COMMIT -> {
        Commit commit = (Commit) message;
        Slot slot = replica.slots.get(commit.sequence());
        if (commit.view() == replica.view && slot != null && slot.hasPrePrepare()) {
          slot.ownCommit = signed;
          slot.ownCommitRecord = Outbox.DURABLE;
          slot.commits.put(commit.replica(), signed);
          slot.prepared = true;
        }
      }
      case CHECKPOINT -> {
        replica.checkpoints.recordOwn(signed, Outbox.DURABLE);
        replica.checkpoints.add(signed);
      }
      case VIEW_CHANGE -> {
        if (((ViewChange) message).newView() == replica.view && !replica.viewActive) {
          replica.viewChanges.ownViewChange = signed;
          replica.viewChanges.ownViewChangeRecord = Outbox.DURABLE;
        }
      }
      case NEW_VIEW -> applyAccepted(signed);
    }
  }

  private void applyAccepted(SignedMessage signed) {
    if (signed.message() instanceof PrePrepare prePrepare) {
      if (prePrepare.view() == replica.view) {
        Slot slot = replica.slot(prePrepare.sequence());
        slot.prePrepare = signed;
        slot.prePrepareRecord = Outbox.DURABLE;
      }
    } else if (signed.message() instanceof NewView newView) {
      replica.slots.clear();
      replica.view = newView.view();
      // Accepting (or sending) a new-view is entering its view, even if the ViewState record
      // that follows it was lost in the crash.
      replica.viewActive = true;
      replica.viewChanges.ownViewChange = null;
      replica.viewChanges.currentNewView = signed;
      replica.viewChanges.currentNewViewRecord = Outbox.DURABLE;
      for (SignedMessage prePrepareSigned : newView.prePrepares()) {
        PrePrepare prePrepare = prePrepareSigned.as(PrePrepare.class);
        Slot slot = replica.slot(prePrepare.sequence());
        slot.prePrepare = prePrepareSigned;
        replica.nextSequence = Math.max(replica.nextSequence, prePrepare.sequence() + 1);
      }
    }
  }
}
