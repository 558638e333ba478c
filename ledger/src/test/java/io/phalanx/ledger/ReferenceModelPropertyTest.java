package io.phalanx.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.crypto.Bytes;
import io.phalanx.ledger.codec.RecordMessages;
import io.phalanx.ledger.state.Account;
import io.phalanx.ledger.state.ResultCode;
import io.phalanx.ledger.state.Transfer;
import io.phalanx.ledger.state.TransferFlags;
import io.phalanx.ledger.state.Uint128;
import io.phalanx.ledger.store.MemoryLedgerStore;
import io.phalanx.protocol.LedgerResult;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The ledger against {@link ReferenceLedger} over seeded random workloads. */
class ReferenceModelPropertyTest {
  static final int BLOCKS = 45;

  @Property(tries = 20)
  void ledgerAgreesWithTheReferenceModel(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 8) int eventsPerRequest) {
    Ledger ledger = Ledger.open(new MemoryLedgerStore(), TestConsortium.config());
    ReferenceLedger model = new ReferenceLedger();
    Workload workload = new Workload(seed, 5, eventsPerRequest);
    List<Transfer> succeeded = new ArrayList<>();
    for (long sequence = 1; sequence <= BLOCKS; sequence++) {
      BatchInput batch = workload.batch(sequence);
      model.beginBlock(batch.ledgerTimeMillis());
      BlockOutcome outcome = ledger.applyBatch(batch);
      List<Workload.Request> requests = workload.requests(sequence);
      for (int r = 0; r < requests.size(); r++) {
        Workload.Request request = requests.get(r);
        List<Boolean> expected = request.accounts().isEmpty()
            ? model.createTransfers(request.caller(), request.transfers())
            : model.createAccounts(request.caller(), request.accounts());
        List<ResultCode> codes = LedgerDriver.codes(LedgerDriver.parse(outcome.results().get(r)));
        assertEquals(expected, codes.stream().map(code -> code == ResultCode.OK).toList(),
            "block " + sequence + " request " + r + " codes " + codes + " seed " + seed);
        for (int e = 0; e < codes.size() && request.accounts().isEmpty(); e++) {
          if (codes.get(e) == ResultCode.OK) {
            succeeded.add(request.transfers().get(e));
          }
        }
      }
      assertBalances(ledger, model, "block " + sequence + " seed " + seed);
    }
    assertResubmissionsExist(ledger, succeeded, seed);
  }

  /** The workload is worth checking against: it reaches the interesting outcomes. */
  @Example
  void theWorkloadReachesSuccessesLimitsChainsAndPendingOutcomes() {
    Ledger ledger = Ledger.open(new MemoryLedgerStore(), TestConsortium.config());
    Workload workload = new Workload(3, 5, 8);
    java.util.EnumSet<ResultCode> seen = java.util.EnumSet.noneOf(ResultCode.class);
    for (long sequence = 1; sequence <= 200; sequence++) {
      for (Bytes result : ledger.applyBatch(workload.batch(sequence)).results()) {
        seen.addAll(LedgerDriver.codes(LedgerDriver.parse(result)));
      }
    }
    assertTrue(seen.containsAll(java.util.EnumSet.of(ResultCode.OK, ResultCode.EXISTS,
        ResultCode.EXCEEDS_CREDITS, ResultCode.LINKED_EVENT_FAILED, ResultCode.NOT_OWNER,
        ResultCode.PENDING_TRANSFER_EXPIRED, ResultCode.PENDING_TRANSFER_ALREADY_POSTED,
        ResultCode.PENDING_TRANSFER_ALREADY_VOIDED, ResultCode.EXCEEDS_DEBITS,
        ResultCode.DEBIT_ACCOUNT_ALREADY_CLOSED, ResultCode.CREDIT_ACCOUNT_ALREADY_CLOSED)),
        seen.toString());
  }

  private static TreeMap<Uint128, Account> accounts(Ledger ledger) {
    Uint128[] ids = new Uint128[Workload.ACCOUNTS];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = Uint128.of(1 + i);
    }
    LedgerResult result = LedgerDriver.parse(ledger.query(TestConsortium.ALICE,
        Operations.lookupAccounts(ids)));
    TreeMap<Uint128, Account> accounts = new TreeMap<>();
    result.getAccounts().getAccountsList().stream().map(RecordMessages::fromProto)
        .forEach(account -> accounts.put(account.id(), account));
    return accounts;
  }

  private static void assertBalances(Ledger ledger, ReferenceLedger model, String where) {
    TreeMap<Uint128, Account> accounts = accounts(ledger);
    assertEquals(model.balances().size(), accounts.size(), where);
    TreeMap<Integer, BigInteger[]> sums = new TreeMap<>();
    for (Account account : accounts.values()) {
      ReferenceLedger.Balances expected = model.balances().get(account.id());
      assertEquals(expected, new ReferenceLedger.Balances(
          ReferenceLedger.unsigned(account.debitsPending()),
          ReferenceLedger.unsigned(account.debitsPosted()),
          ReferenceLedger.unsigned(account.creditsPending()),
          ReferenceLedger.unsigned(account.creditsPosted())), where + " account " + account.id());
      BigInteger[] sum = sums.computeIfAbsent(account.asset(), asset -> new BigInteger[] {
          BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO});
      sum[0] = sum[0].add(expected.debitsPending());
      sum[1] = sum[1].add(expected.debitsPosted());
      sum[2] = sum[2].add(expected.creditsPending());
      sum[3] = sum[3].add(expected.creditsPosted());
    }
    for (var sum : sums.entrySet()) {
      assertEquals(sum.getValue()[0], sum.getValue()[2], where + " pending, asset " + sum.getKey());
      assertEquals(sum.getValue()[1], sum.getValue()[3], where + " posted, asset " + sum.getKey());
    }
  }

  /** Every transfer that succeeded, sent again alone, answers EXISTS and changes no balance. */
  private static void assertResubmissionsExist(Ledger ledger, List<Transfer> succeeded,
      long seed) {
    TreeMap<Uint128, Account> before = accounts(ledger);
    List<LedgerRequest> requests = new ArrayList<>();
    for (Transfer transfer : succeeded) {
      long caller = Workload.ownerOf((int) ownerIndex(transfer, succeeded));
      Bytes operation = Operations.createTransfers(
          transfer.withFlags(transfer.flags() & ~TransferFlags.LINKED));
      requests.add(new LedgerRequest(caller, 1_000_000 + requests.size(), operation));
    }
    // Ledger time 0 keeps the time (+1 ms), so no pending transfer expires meanwhile.
    long sequence = ledger.lastExecutedSequence() + 1;
    io.phalanx.crypto.Digest digest = LedgerDriver.batchDigest(sequence, requests);
    BlockOutcome outcome = ledger.applyBatch(new BatchInput(sequence, 0, 0, digest, requests,
        TestConsortium.certificate(0, sequence, digest, 0, 1, 2)));
    for (Bytes result : outcome.results()) {
      assertEquals(List.of(ResultCode.EXISTS), LedgerDriver.codes(LedgerDriver.parse(result)),
          "seed " + seed);
    }
    TreeMap<Uint128, Account> after = accounts(ledger);
    assertTrue(before.equals(after), "resubmission changed balances, seed " + seed);
    assertTrue(succeeded.size() > 0 || BLOCKS < 3, "the workload made some transfers");
  }

  /** Any member may resubmit: EXISTS comes before the ownership check. */
  private static long ownerIndex(Transfer transfer, List<Transfer> all) {
    return transfer.id().low() % 3;
  }
}
