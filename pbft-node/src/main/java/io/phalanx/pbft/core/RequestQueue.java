package io.phalanx.pbft.core;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.OptionalLong;

/**
 * Requests waiting to execute, at most one per client (the one with the highest timestamp), in
 * arrival order. The primary takes batches from it; every replica times its oldest entry.
 */
final class RequestQueue {
  private static final class Pending {
    final SignedRequest request;
    long arrivalTick;
    boolean proposed;

    Pending(SignedRequest request, long arrivalTick) {
      this.request = request;
      this.arrivalTick = arrivalTick;
    }
  }

  private final int pendingMax;
  private final LinkedHashMap<Long, Pending> byClient = new LinkedHashMap<>();

  RequestQueue(int pendingMax) {
    this.pendingMax = pendingMax;
  }

  enum Offer { ADDED, ALREADY_PENDING, FULL }

  Offer offer(SignedRequest request, long tick) {
    Request value = request.request();
    Pending existing = byClient.get(value.clientId());
    long arrivalTick = tick;
    if (existing != null) {
      if (existing.request.request().timestamp() >= value.timestamp()) {
        return Offer.ALREADY_PENDING;
      }
      // The client has been waiting since its older request arrived: keep that time.
      arrivalTick = existing.arrivalTick;
      byClient.remove(value.clientId());
    } else if (byClient.size() >= pendingMax) {
      return Offer.FULL;
    }
    byClient.put(value.clientId(), new Pending(request, arrivalTick));
    return Offer.ADDED;
  }

  void onExecuted(long clientId, long timestamp) {
    Pending existing = byClient.get(clientId);
    if (existing != null && existing.request.request().timestamp() <= timestamp) {
      byClient.remove(clientId);
    }
  }

  void markProposed(Batch batch) {
    for (SignedRequest request : batch.requests()) {
      Pending existing = byClient.get(request.request().clientId());
      if (existing != null && existing.request.request().timestamp() <= request.request().timestamp()) {
        existing.proposed = true;
      }
    }
  }

  int unproposedCount() {
    int count = 0;
    for (Pending pending : byClient.values()) {
      count += pending.proposed ? 0 : 1;
    }
    return count;
  }

  OptionalLong oldestUnproposedTick() {
    for (Pending pending : byClient.values()) {
      if (!pending.proposed) {
        return OptionalLong.of(pending.arrivalTick);
      }
    }
    return OptionalLong.empty();
  }

  OptionalLong oldestTick() {
    long oldest = Long.MAX_VALUE;
    for (Pending pending : byClient.values()) {
      oldest = Math.min(oldest, pending.arrivalTick);
    }
    return oldest == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(oldest);
  }

  /** Takes up to {@code countMax} unproposed requests within {@code bytesMax} (one always fits). */
  List<SignedRequest> takeBatch(int countMax, int bytesMax) {
    List<SignedRequest> batch = new ArrayList<>();
    long bytes = 0;
    for (Iterator<Pending> it = byClient.values().iterator(); it.hasNext() && batch.size() < countMax; ) {
      Pending pending = it.next();
      if (pending.proposed) {
        continue;
      }
      int size = pending.request.envelope().length();
      if (!batch.isEmpty() && bytes + size > bytesMax) {
        break;
      }
      bytes += size;
      pending.proposed = true;
      batch.add(pending.request);
    }
    return batch;
  }

  /** After a view change every request waits afresh and may be proposed again. */
  void restartTimers(long tick) {
    for (Pending pending : byClient.values()) {
      pending.arrivalTick = tick;
      pending.proposed = false;
    }
  }

  int size() {
    return byClient.size();
  }
}
