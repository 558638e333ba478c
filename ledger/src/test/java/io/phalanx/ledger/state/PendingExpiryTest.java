package io.phalanx.ledger.state;

import static io.phalanx.ledger.TestConsortium.ALICE;
import static io.phalanx.ledger.TestConsortium.BOB;
import static io.phalanx.ledger.TestConsortium.ISSUER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PendingExpiryTest {
  static final Uint128 MINT = Uint128.of(1);
  static final Uint128 A = Uint128.of(2);
  static final Uint128 B = Uint128.of(3);

  @Test
  void expiryReleasesReservationsAtTheFirstBlockPastTheDeadline() {
    StateHarness harness = new StateHarness();
    harness.accounts(ISSUER, Account.create(MINT, ISSUER, 1, 1, AccountFlags.ISSUER));
    harness.accounts(ALICE, Account.create(A, ALICE, 1, 1, AccountFlags.HISTORY));
    harness.accounts(BOB, Account.create(B, BOB, 1, 1, 0));
    harness.transfers(ISSUER, Transfer.of(Uint128.of(1), MINT, A, 100, 1, 1));
    assertEquals(List.of(ResultCode.OK, ResultCode.OK), harness.transfers(ALICE,
        StateHarness.pending(2, A, B, 30, 2), StateHarness.pending(3, A, B, 20, 5)));

    harness.advanceMillis(1_000);
    harness.block(execution -> execution.expiredCount());
    assertEquals(50, harness.account(A).debitsPending());
    harness.advanceMillis(1_000);
    int expired = harness.block(BlockExecution::expiredCount);

    assertEquals(1, expired);
    assertEquals(20, harness.account(A).debitsPending());
    assertEquals(20, harness.account(B).creditsPending());
    assertEquals(List.of(ResultCode.OK), harness.transfers(ALICE, StateHarness.post(4, 3, 0)));
    assertEquals(20, harness.account(B).creditsPosted());
    Outcome history = harness.execute(ALICE, new Operation.AccountBalances(A, 0, 0, 0, false));
    List<Long> pendingHistory = ((Outcome.Balances) history).balances().stream()
        .map(AccountBalance::debitsPending).toList();
    assertEquals(List.of(0L, 30L, 50L, 20L, 0L), pendingHistory);
  }

  @Test
  void aNullBatchDoesNotMoveTimeSoNothingExpiresUntilTheNextRealBatch() {
    StateHarness harness = new StateHarness();
    harness.accounts(ISSUER, Account.create(MINT, ISSUER, 1, 1, AccountFlags.ISSUER));
    harness.accounts(BOB, Account.create(B, BOB, 1, 1, 0));
    harness.transfers(ISSUER, StateHarness.pending(2, MINT, B, 30, 1));
    long time = harness.timeMillis();
    harness.advanceMillis(5_000);

    BlockExecution nullBatch = harness.nullBlock();
    assertEquals(time, nullBatch.ledgerTimeMillis());
    assertEquals(0, nullBatch.expiredCount());
    assertEquals(30, harness.account(B).creditsPending());
    assertEquals(1, harness.block(BlockExecution::expiredCount));
    assertEquals(0, harness.account(B).creditsPending());
  }
}
