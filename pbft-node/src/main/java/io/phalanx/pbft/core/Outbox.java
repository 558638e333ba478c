package io.phalanx.pbft.core;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Numbers the records to persist and holds back sends until what they depend on is durable.
 * Records become durable as a prefix: {@code persisted(n)} means every id up to n.
 */
final class Outbox {
  /** Sends that were already durable when the replica restarted depend on this id. */
  static final long DURABLE = 0;

  private record Held(long recordId, Effect send) {}

  private final List<Held> held = new ArrayList<>();
  private long nextRecordId = 1;
  private long persistedUpTo;

  long persist(LogRecord record, List<Effect> effects) {
    long id = nextRecordId++;
    effects.add(new Effect.Persist(id, record));
    return id;
  }

  void sendAfter(long recordId, Effect send, List<Effect> effects) {
    if (recordId <= persistedUpTo) {
      effects.add(send);
    } else {
      held.add(new Held(recordId, send));
    }
  }

  void onPersisted(long upToRecordId, List<Effect> effects) {
    if (upToRecordId >= nextRecordId) {
      throw new IllegalStateException("persisted " + upToRecordId + " but only issued up to "
          + (nextRecordId - 1));
    }
    persistedUpTo = Math.max(persistedUpTo, upToRecordId);
    for (Iterator<Held> it = held.iterator(); it.hasNext(); ) {
      Held next = it.next();
      if (next.recordId() <= persistedUpTo) {
        effects.add(next.send());
        it.remove();
      }
    }
  }

  boolean isDurable(long recordId) {
    return recordId <= persistedUpTo;
  }

  int heldCount() {
    return held.size();
  }
}
