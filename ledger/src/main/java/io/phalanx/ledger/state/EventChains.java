package io.phalanx.ledger.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs the events of a create operation with linked-chain semantics: an event flagged linked
 * joins the next one; a chain is applied all-or-nothing. When an event of a chain fails, every
 * write of the chain is rolled back, the failing event keeps its code and every other event of
 * the chain answers {@link ResultCode#LINKED_EVENT_FAILED}. A chain still open at the end of the
 * operation fails with {@link ResultCode#LINKED_EVENT_CHAIN_OPEN} on its last event.
 */
final class EventChains {
  private EventChains() {}

  static <T> List<ResultCode> run(BlockContext context, List<T> events, Predicate<T> isLinked,
      Function<T, ResultCode> apply) {
    ResultCode[] results = new ResultCode[events.size()];
    int start = 0;
    while (start < events.size()) {
      int end = start;
      while (end < events.size() - 1 && isLinked.test(events.get(end))) {
        end++;
      }
      boolean open = isLinked.test(events.get(end));
      runChain(context, events, start, end, open, apply, results);
      start = end + 1;
    }
    return new ArrayList<>(Arrays.asList(results));
  }

  private static <T> void runChain(BlockContext context, List<T> events, int start, int end,
      boolean open, Function<T, ResultCode> apply, ResultCode[] results) {
    long savepoint = context.savepoint();
    int failed = -1;
    for (int i = start; i <= end && failed < 0; i++) {
      results[i] = apply.apply(events.get(i));
      if (results[i] != ResultCode.OK) {
        failed = i;
      }
    }
    if (failed < 0 && open) {
      failed = end;
      results[end] = ResultCode.LINKED_EVENT_CHAIN_OPEN;
    }
    if (failed < 0) {
      return;
    }
    context.rollback(savepoint);
    if (start == end) {
      return;
    }
    for (int i = start; i <= end; i++) {
      if (i != failed) {
        results[i] = ResultCode.LINKED_EVENT_FAILED;
      }
    }
  }
}
