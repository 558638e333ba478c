package io.phalanx.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.phalanx.protocol.CreateResults;
import io.phalanx.protocol.CreateTransfers;
import io.phalanx.protocol.EventResult;
import io.phalanx.protocol.LedgerOperation;
import io.phalanx.protocol.LedgerResult;
import io.phalanx.protocol.LookupAccounts;
import io.phalanx.protocol.Transfer;
import io.phalanx.protocol.Uint128;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoalescingTest {
  private long nextId = 1;

  @Test
  void createCallsOfOneKindCoalesceUpToTheEventBound() {
    List<PendingCall<?>> queue = List.of(transfers(3), transfers(4), transfers(2), transfers(1));

    assertEquals(2, Coalescing.take(queue, 8));
    assertEquals(3, Coalescing.take(queue, 9));
    assertEquals(4, Coalescing.take(queue, 10));
  }

  @Test
  void aCallLargerThanTheBoundStillTravelsAlone() {
    assertEquals(1, Coalescing.take(List.of(transfers(20), transfers(1)), 8));
  }

  @Test
  void queriesAndOtherKindsNeverJoin() {
    assertEquals(1, Coalescing.take(List.of(transfers(1), accounts(1), transfers(1)), 100));
    assertEquals(1, Coalescing.take(List.of(query(), query()), 100));
  }

  @Test
  void aCallThatLeavesAChainOpenClosesTheRequest() {
    PendingCall<?> open = call(PendingCall.Kind.CREATE_TRANSFERS, linkedLast(2), 2, true);

    assertEquals(1, Coalescing.take(List.of(open, transfers(1)), 100));
    assertEquals(2, Coalescing.take(List.of(transfers(1), open, transfers(1)), 100));
  }

  @Test
  void mergeKeepsEveryEventInOrder() {
    List<PendingCall<?>> calls = List.of(transfers(2), transfers(3));

    LedgerOperation merged = Coalescing.merge(calls);

    List<Transfer> expected = new ArrayList<>();
    calls.forEach(c -> expected.addAll(c.operation().getCreateTransfers().getTransfersList()));
    assertEquals(expected, merged.getCreateTransfers().getTransfersList());
  }

  @Test
  void splitGivesEachCallItsOwnEventsReindexed() {
    List<PendingCall<?>> calls = List.of(transfers(2), transfers(3));
    LedgerResult result = results(0, 87, 0, 0, 61);

    List<LedgerResult> shares = Coalescing.split(result, calls);

    assertEquals(results(0, 87), shares.get(0));
    assertEquals(results(0, 0, 61), shares.get(1));
  }

  @Test
  void aRejectionGoesToEveryCall() {
    LedgerResult rejected = LedgerResult.newBuilder().setRejectedCode(6).build();

    assertEquals(List.of(rejected, rejected),
        Coalescing.split(rejected, List.of(transfers(1), transfers(1))));
  }

  @Test
  void resultsThatDoNotCoverTheEventsAreRefused() {
    assertThrows(PhalanxClientException.class,
        () -> Coalescing.split(results(0, 0), List.of(transfers(1), transfers(2))));
  }

  private static LedgerResult results(int... codes) {
    CreateResults.Builder results = CreateResults.newBuilder();
    for (int i = 0; i < codes.length; i++) {
      results.addResults(EventResult.newBuilder().setIndex(i).setCode(codes[i]));
    }
    return LedgerResult.newBuilder().setCreateResults(results).build();
  }

  private PendingCall<?> transfers(int count) {
    return call(PendingCall.Kind.CREATE_TRANSFERS, transferList(count, false), count, false);
  }

  private PendingCall<?> accounts(int count) {
    return call(PendingCall.Kind.CREATE_ACCOUNTS, transferList(count, false), count, false);
  }

  private LedgerOperation linkedLast(int count) {
    return transferList(count, true);
  }

  private static PendingCall<?> query() {
    return call(PendingCall.Kind.QUERY, LedgerOperation.newBuilder()
        .setLookupAccounts(LookupAccounts.newBuilder().addIds(Ids.uint128(1))).build(), 0, false);
  }

  private LedgerOperation transferList(int count, boolean linkedLast) {
    CreateTransfers.Builder transfers = CreateTransfers.newBuilder();
    for (int i = 0; i < count; i++) {
      Uint128 id = Ids.uint128(nextId++);
      Transfer transfer = Events.transfer(id, Ids.uint128(100), Ids.uint128(200), 1, 1);
      transfers.addTransfers(linkedLast && i == count - 1 ? Events.linked(transfer) : transfer);
    }
    return LedgerOperation.newBuilder().setCreateTransfers(transfers).build();
  }

  private static PendingCall<?> call(PendingCall.Kind kind, LedgerOperation operation, int events,
      boolean open) {
    return new PendingCall<>(kind, operation, events, open, Results::createResults, Runnable::run);
  }
}
