package io.phalanx.ledger.state;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.ledger.GenesisConfig;
import io.phalanx.ledger.TestConsortium;
import io.phalanx.ledger.store.LedgerStore;
import io.phalanx.ledger.store.MemoryLedgerStore;
import java.util.List;
import java.util.function.Function;

/** Runs the state machine directly on a store, one block per call, time in whole seconds. */
final class StateHarness {
  final LedgerStore store;
  final GovernanceRules rules;
  private final StateDigestAccumulator accumulator;
  private long sequence;
  private long timeMillis = TestConsortium.GENESIS_TIME_MILLIS;

  StateHarness() {
    this(new MemoryLedgerStore());
  }

  StateHarness(LedgerStore store) {
    this.store = store;
    GenesisConfig genesis = TestConsortium.config();
    rules = genesis.governanceRules();
    StateChanges changes = GenesisState.create(store, genesis.members(), timeMillis);
    store.write(changes.writes());
    accumulator = changes.accumulator();
  }

  long timeMillis() {
    return timeMillis;
  }

  /** Lets {@code millis} of ledger time pass before the next block. */
  void advanceMillis(long millis) {
    timeMillis += millis;
  }

  Digest digest() {
    return accumulator.digest();
  }

  <T> T block(Function<BlockExecution, T> body) {
    timeMillis += 1;
    BlockExecution execution = BlockExecution.begin(store, rules, ++sequence, timeMillis, 1);
    T result = body.apply(execution);
    store.write(execution.finish(accumulator).writes());
    return result;
  }

  /** A null batch: proposed time 0, no requests; the ledger time stays where it was. */
  BlockExecution nullBlock() {
    BlockExecution execution = BlockExecution.begin(store, rules, ++sequence, 0, 0);
    store.write(execution.finish(accumulator).writes());
    return execution;
  }

  Outcome execute(long caller, Operation operation) {
    return block(execution -> execution.execute(caller, operation));
  }

  List<ResultCode> accounts(long caller, Account... accounts) {
    return codes(execute(caller, new Operation.CreateAccounts(List.of(accounts))));
  }

  List<ResultCode> transfers(long caller, Transfer... transfers) {
    return codes(execute(caller, new Operation.CreateTransfers(List.of(transfers))));
  }

  static List<ResultCode> codes(Outcome outcome) {
    if (outcome instanceof Outcome.Rejected rejected) {
      return List.of(rejected.code());
    }
    return ((Outcome.EventResults) outcome).codes();
  }

  Account account(Uint128 id) {
    return new StateRecords(new WorkingState(store)).account(id).orElseThrow();
  }

  ResultCode governance(GovernanceProposal.Action action, long proposalId, String... orgs) {
    Bytes proposalBytes = Bytes.wrapOwned(("proposal-" + proposalId).getBytes(
        java.nio.charset.StandardCharsets.UTF_8));
    List<GovernanceApproval> approvals = java.util.Arrays.stream(orgs)
        .map(org -> new GovernanceApproval(org, TestConsortium.organisationKey(org)
            .sign(proposalBytes).toBytes())).toList();
    Outcome outcome = execute(TestConsortium.ALICE, new Operation.Governance(proposalBytes,
        new GovernanceProposal(proposalId, action), approvals));
    return ((Outcome.GovernanceResult) outcome).code();
  }

  static Transfer pending(long id, Uint128 debit, Uint128 credit, long amount, int timeout) {
    return Transfer.of(Uint128.of(id), debit, credit, amount, 1, 1)
        .withFlags(TransferFlags.PENDING).withPending(Uint128.ZERO, timeout);
  }

  static Transfer post(long id, long pendingId, long amount) {
    return new Transfer(Uint128.of(id), Uint128.ZERO, Uint128.ZERO, amount,
        Uint128.of(pendingId), Uint128.ZERO, 0, 0, 0, 0, 0, TransferFlags.POST_PENDING, 0);
  }

  static Transfer voiding(long id, long pendingId) {
    return post(id, pendingId, 0).withFlags(TransferFlags.VOID_PENDING);
  }
}
