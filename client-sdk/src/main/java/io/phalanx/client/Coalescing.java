package io.phalanx.client;

import io.phalanx.protocol.CreateAccounts;
import io.phalanx.protocol.CreateResults;
import io.phalanx.protocol.CreateTransfers;
import io.phalanx.protocol.EventResult;
import io.phalanx.protocol.LedgerOperation;
import io.phalanx.protocol.LedgerResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Packs queued create calls into one ordered request and splits the ledger's per-event results
 * back to each call. Events keep their order, so a coalesced request executes exactly as the
 * calls would have one after the other; a call whose last event is linked closes the request (its
 * open chain must not swallow the next caller's events).
 */
final class Coalescing {
  private Coalescing() {}

  /**
   * How many calls from the head of {@code queue} (at least one) ride in the next request: calls
   * of the head's create kind, in order, while their events fit in {@code eventsMax}.
   */
  static int take(Iterable<PendingCall<?>> queue, int eventsMax) {
    Iterator<PendingCall<?>> calls = queue.iterator();
    PendingCall<?> head = calls.next();
    if (!isCreate(head.kind()) || head.leavesChainOpen()) {
      return 1;
    }
    int taken = 1;
    int events = head.events();
    while (calls.hasNext()) {
      PendingCall<?> next = calls.next();
      if (next.kind() != head.kind() || events + next.events() > eventsMax) {
        break;
      }
      taken++;
      events += next.events();
      if (next.leavesChainOpen()) {
        break;
      }
    }
    return taken;
  }

  /** The one operation carrying every call's events in order. */
  static LedgerOperation merge(List<PendingCall<?>> calls) {
    if (calls.size() == 1) {
      return calls.get(0).operation();
    }
    PendingCall.Kind kind = calls.get(0).kind();
    if (kind == PendingCall.Kind.CREATE_ACCOUNTS) {
      CreateAccounts.Builder merged = CreateAccounts.newBuilder();
      calls.forEach(call -> merged.addAllAccounts(
          call.operation().getCreateAccounts().getAccountsList()));
      return LedgerOperation.newBuilder().setCreateAccounts(merged).build();
    }
    if (kind == PendingCall.Kind.CREATE_TRANSFERS) {
      CreateTransfers.Builder merged = CreateTransfers.newBuilder();
      calls.forEach(call -> merged.addAllTransfers(
          call.operation().getCreateTransfers().getTransfersList()));
      return LedgerOperation.newBuilder().setCreateTransfers(merged).build();
    }
    throw new IllegalArgumentException("only create calls coalesce, got " + kind);
  }

  /**
   * Each call's share of the request's result, in call order: its events' results re-indexed from
   * 0. A request-level result (a rejection) goes to every call as it is.
   *
   * @throws PhalanxClientException if the results do not cover the events one for one
   */
  static List<LedgerResult> split(LedgerResult result, List<PendingCall<?>> calls) {
    List<LedgerResult> shares = new ArrayList<>(calls.size());
    if (!result.hasCreateResults()) {
      calls.forEach(call -> shares.add(result));
      return shares;
    }
    List<EventResult> events = result.getCreateResults().getResultsList();
    int total = calls.stream().mapToInt(PendingCall::events).sum();
    if (events.size() != total) {
      throw new PhalanxClientException("the consortium answered " + events.size()
          + " event results for " + total + " events");
    }
    int offset = 0;
    for (PendingCall<?> call : calls) {
      CreateResults.Builder share = CreateResults.newBuilder();
      for (int i = 0; i < call.events(); i++) {
        EventResult event = events.get(offset + i);
        if (event.getIndex() != offset + i) {
          throw new PhalanxClientException("event result " + (offset + i) + " has index "
              + event.getIndex());
        }
        share.addResults(EventResult.newBuilder().setIndex(i).setCode(event.getCode()));
      }
      shares.add(LedgerResult.newBuilder().setCreateResults(share).build());
      offset += call.events();
    }
    return shares;
  }

  private static boolean isCreate(PendingCall.Kind kind) {
    return kind == PendingCall.Kind.CREATE_ACCOUNTS || kind == PendingCall.Kind.CREATE_TRANSFERS;
  }
}
