package io.phalanx.ledger.state;

import static io.phalanx.ledger.TestConsortium.ALICE;
import static io.phalanx.ledger.TestConsortium.BOB;
import static io.phalanx.ledger.TestConsortium.ISSUER;
import static io.phalanx.ledger.state.ResultCode.*;
import static io.phalanx.ledger.state.StateHarness.pending;
import static io.phalanx.ledger.state.StateHarness.post;
import static io.phalanx.ledger.state.StateHarness.voiding;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.phalanx.crypto.Bytes;
import io.phalanx.ledger.LedgerDriver;
import io.phalanx.ledger.LedgerRequest;
import io.phalanx.ledger.Operations;
import io.phalanx.ledger.VaultOperations;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every {@link ResultCode} is produced by at least one scenario here; {@link #allCovered}. */
class ResultCodeCoverageTest {
  static final Set<ResultCode> COVERED = EnumSet.noneOf(ResultCode.class);
  static final Uint128 MINT = Uint128.of(1);
  static final Uint128 A = Uint128.of(2);
  static final Uint128 B = Uint128.of(3);
  static final Uint128 C = Uint128.of(4);
  static final long MAX = -1L;
  static final long HALF = Long.MIN_VALUE;

  StateHarness harness;

  static void expect(List<ResultCode> expected, List<ResultCode> actual) {
    assertEquals(expected, actual);
    COVERED.addAll(actual);
  }

  static void expect(ResultCode expected, List<ResultCode> actual) {
    expect(List.of(expected), actual);
  }

  @BeforeEach
  void accounts() {
    harness = new StateHarness();
    expect(List.of(OK, OK, OK), harness.accounts(BOB, Account.create(B, BOB, 1, 1, 0),
        Account.create(C, BOB, 2, 1, 0),
        Account.create(Uint128.of(5), BOB, 1, 1, AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS)));
    expect(OK, harness.accounts(ISSUER, Account.create(MINT, ISSUER, 1, 1, AccountFlags.ISSUER)));
    expect(OK, harness.accounts(ALICE, Account.create(A, ALICE, 1, 1, 0)));
    expect(OK, harness.transfers(ISSUER, Transfer.of(Uint128.of(1), MINT, A, 1000, 1, 1)));
  }

  @AfterAll
  static void allCovered() {
    Set<ResultCode> missing = EnumSet.allOf(ResultCode.class);
    missing.removeAll(COVERED);
    assertEquals(Set.of(), missing, "result codes no test produced");
  }

  @Test
  void accountShape() {
    Account good = Account.create(Uint128.of(50), ALICE, 1, 1, 0);
    expect(TIMESTAMP_MUST_BE_ZERO, harness.accounts(ALICE, good.withTimestamp(5)));
    expect(RESERVED_FLAG, harness.accounts(ALICE, Account.create(Uint128.of(50), ALICE, 1, 1,
        AccountFlags.CLOSED)));
    expect(ID_MUST_NOT_BE_ZERO, harness.accounts(ALICE, Account.create(Uint128.ZERO, ALICE, 1, 1,
        0)));
    expect(ID_MUST_NOT_BE_INT_MAX, harness.accounts(ALICE, Account.create(Uint128.MAX, ALICE, 1,
        1, 0)));
    expect(FLAGS_ARE_MUTUALLY_EXCLUSIVE, harness.accounts(ALICE, Account.create(Uint128.of(50),
        ALICE, 1, 1, 3)));
    expect(DEBITS_PENDING_MUST_BE_ZERO, harness.accounts(ALICE, good.withBalances(1, 0, 0, 0)));
    expect(DEBITS_POSTED_MUST_BE_ZERO, harness.accounts(ALICE, good.withBalances(0, 1, 0, 0)));
    expect(CREDITS_PENDING_MUST_BE_ZERO, harness.accounts(ALICE, good.withBalances(0, 0, 1, 0)));
    expect(CREDITS_POSTED_MUST_BE_ZERO, harness.accounts(ALICE, good.withBalances(0, 0, 0, 1)));
    expect(ASSET_MUST_NOT_BE_ZERO, harness.accounts(ALICE, Account.create(Uint128.of(50), ALICE,
        0, 1, 0)));
    expect(CODE_MUST_NOT_BE_ZERO, harness.accounts(ALICE, Account.create(Uint128.of(50), ALICE,
        1, 0, 0)));
    expect(NOT_OWNER, harness.accounts(ALICE, Account.create(Uint128.of(50), BOB, 1, 1, 0)));
    expect(ISSUER_ROLE_REQUIRED, harness.accounts(ALICE, Account.create(Uint128.of(50), ALICE, 1,
        1, AccountFlags.ISSUER)));
  }

  @Test
  void accountExists() {
    Account a = harness.account(A);
    Account request = Account.create(A, ALICE, 1, 1, 0);
    expect(EXISTS, harness.accounts(ALICE, request));
    expect(EXISTS_WITH_DIFFERENT_FLAGS, harness.accounts(ALICE, Account.create(A, ALICE, 1, 1,
        AccountFlags.HISTORY)));
    expect(EXISTS_WITH_DIFFERENT_USER_DATA_128, harness.accounts(ALICE, new Account(A, ALICE, 1,
        0, 0, 0, 0, 0, Uint128.of(1), 0, 0, 1, 0)));
    expect(EXISTS_WITH_DIFFERENT_USER_DATA_64, harness.accounts(ALICE, new Account(A, ALICE, 1,
        0, 0, 0, 0, 0, Uint128.ZERO, 1, 0, 1, 0)));
    expect(EXISTS_WITH_DIFFERENT_USER_DATA_32, harness.accounts(ALICE, new Account(A, ALICE, 1,
        0, 0, 0, 0, 0, Uint128.ZERO, 0, 1, 1, 0)));
    expect(EXISTS_WITH_DIFFERENT_ASSET, harness.accounts(ALICE, Account.create(A, ALICE, 2, 1,
        0)));
    expect(EXISTS_WITH_DIFFERENT_CODE, harness.accounts(ALICE, Account.create(A, ALICE, 1, 2, 0)));
    assertEquals(a, harness.account(A));
  }

  @Test
  void linkedChainsAreAllOrNothing() {
    Account first = Account.create(Uint128.of(60), ALICE, 1, 1, AccountFlags.LINKED);
    Account broken = Account.create(Uint128.of(61), ALICE, 0, 1, 0);
    expect(List.of(LINKED_EVENT_FAILED, ASSET_MUST_NOT_BE_ZERO),
        harness.accounts(ALICE, first, broken));
    expect(List.of(LINKED_EVENT_FAILED, LINKED_EVENT_CHAIN_OPEN),
        harness.accounts(ALICE, first,
            Account.create(Uint128.of(62), ALICE, 1, 1, AccountFlags.LINKED)));
    Transfer linked = Transfer.of(Uint128.of(70), A, B, 10, 1, 1).withFlags(TransferFlags.LINKED);
    expect(List.of(LINKED_EVENT_FAILED, EXCEEDS_CREDITS), harness.transfers(ALICE, linked,
        Transfer.of(Uint128.of(71), A, B, 5000, 1, 1)));
    assertEquals(0, harness.account(B).creditsPosted());
    expect(NOT_FOUND, List.of(((Outcome.Rejected) harness.execute(ALICE,
        new Operation.GetReceipt(Uint128.of(70)))).code()));
  }

  @Test
  void transferShape() {
    Transfer t = Transfer.of(Uint128.of(80), A, B, 10, 1, 1);
    expect(TIMESTAMP_MUST_BE_ZERO, harness.transfers(ALICE, t.withTimestamp(1)));
    expect(RESERVED_FLAG, harness.transfers(ALICE, t.withFlags(64)));
    expect(ID_MUST_NOT_BE_ZERO, harness.transfers(ALICE, Transfer.of(Uint128.ZERO, A, B, 1, 1,
        1)));
    expect(ID_MUST_NOT_BE_INT_MAX, harness.transfers(ALICE, Transfer.of(Uint128.MAX, A, B, 1, 1,
        1)));
    expect(FLAGS_ARE_MUTUALLY_EXCLUSIVE, harness.transfers(ALICE, t.withFlags(
        TransferFlags.PENDING | TransferFlags.VOID_PENDING)));
    expect(DEBIT_ACCOUNT_ID_MUST_NOT_BE_ZERO, harness.transfers(ALICE,
        Transfer.of(Uint128.of(80), Uint128.ZERO, B, 1, 1, 1)));
    expect(DEBIT_ACCOUNT_ID_MUST_NOT_BE_INT_MAX, harness.transfers(ALICE,
        Transfer.of(Uint128.of(80), Uint128.MAX, B, 1, 1, 1)));
    expect(CREDIT_ACCOUNT_ID_MUST_NOT_BE_ZERO, harness.transfers(ALICE,
        Transfer.of(Uint128.of(80), A, Uint128.ZERO, 1, 1, 1)));
    expect(CREDIT_ACCOUNT_ID_MUST_NOT_BE_INT_MAX, harness.transfers(ALICE,
        Transfer.of(Uint128.of(80), A, Uint128.MAX, 1, 1, 1)));
    expect(ACCOUNTS_MUST_BE_DIFFERENT, harness.transfers(ALICE, Transfer.of(Uint128.of(80), A, A,
        1, 1, 1)));
    expect(PENDING_ID_MUST_BE_ZERO, harness.transfers(ALICE, t.withPending(Uint128.of(1), 0)));
    expect(TIMEOUT_RESERVED_FOR_PENDING_TRANSFER, harness.transfers(ALICE,
        t.withPending(Uint128.ZERO, 5)));
    expect(ASSET_MUST_NOT_BE_ZERO, harness.transfers(ALICE, Transfer.of(Uint128.of(80), A, B, 1,
        0, 1)));
    expect(CODE_MUST_NOT_BE_ZERO, harness.transfers(ALICE, Transfer.of(Uint128.of(80), A, B, 1,
        1, 0)));
    expect(AMOUNT_MUST_NOT_BE_ZERO, harness.transfers(ALICE, Transfer.of(Uint128.of(80), A, B, 0,
        1, 1)));
  }

  @Test
  void transferAccountsAndPermissions() {
    expect(DEBIT_ACCOUNT_NOT_FOUND, harness.transfers(ALICE, Transfer.of(Uint128.of(80),
        Uint128.of(99), B, 1, 1, 1)));
    expect(CREDIT_ACCOUNT_NOT_FOUND, harness.transfers(ALICE, Transfer.of(Uint128.of(80), A,
        Uint128.of(99), 1, 1, 1)));
    expect(ACCOUNTS_MUST_HAVE_THE_SAME_ASSET, harness.transfers(ALICE, Transfer.of(Uint128.of(80),
        A, C, 1, 1, 1)));
    expect(TRANSFER_MUST_HAVE_THE_SAME_ASSET_AS_ACCOUNTS, harness.transfers(ALICE,
        Transfer.of(Uint128.of(80), A, B, 1, 2, 1)));
    expect(NOT_OWNER, harness.transfers(BOB, Transfer.of(Uint128.of(80), A, B, 1, 1, 1)));
    expect(EXCEEDS_CREDITS, harness.transfers(ALICE, Transfer.of(Uint128.of(80), A, B, 1001, 1,
        1)));
    expect(EXCEEDS_DEBITS, harness.transfers(ISSUER, Transfer.of(Uint128.of(80), MINT,
        Uint128.of(5), 1, 1, 1)));
    expect(OK, List.of(harness.governance(new GovernanceProposal.SetRoles(ISSUER, List.of()), 1,
        "alpha", "beta")));
    expect(ISSUER_ROLE_REQUIRED, harness.transfers(ISSUER, Transfer.of(Uint128.of(80), MINT, B,
        1, 1, 1)));
  }

  @Test
  void transferExists() {
    Transfer original = Transfer.of(Uint128.of(1), MINT, A, 1000, 1, 1);
    expect(EXISTS, harness.transfers(ISSUER, original));
    expect(EXISTS_WITH_DIFFERENT_FLAGS, harness.transfers(ISSUER,
        original.withFlags(TransferFlags.PENDING)));
    expect(EXISTS_WITH_DIFFERENT_DEBIT_ACCOUNT_ID, harness.transfers(ISSUER,
        Transfer.of(Uint128.of(1), B, A, 1000, 1, 1)));
    expect(EXISTS_WITH_DIFFERENT_CREDIT_ACCOUNT_ID, harness.transfers(ISSUER,
        Transfer.of(Uint128.of(1), MINT, B, 1000, 1, 1)));
    expect(EXISTS_WITH_DIFFERENT_AMOUNT, harness.transfers(ISSUER,
        Transfer.of(Uint128.of(1), MINT, A, 999, 1, 1)));
    expect(EXISTS_WITH_DIFFERENT_USER_DATA_128, harness.transfers(ISSUER, new Transfer(
        Uint128.of(1), MINT, A, 1000, Uint128.ZERO, Uint128.of(9), 0, 0, 0, 1, 1, 0, 0)));
    expect(EXISTS_WITH_DIFFERENT_USER_DATA_64, harness.transfers(ISSUER, new Transfer(
        Uint128.of(1), MINT, A, 1000, Uint128.ZERO, Uint128.ZERO, 9, 0, 0, 1, 1, 0, 0)));
    expect(EXISTS_WITH_DIFFERENT_USER_DATA_32, harness.transfers(ISSUER, new Transfer(
        Uint128.of(1), MINT, A, 1000, Uint128.ZERO, Uint128.ZERO, 0, 9, 0, 1, 1, 0, 0)));
    expect(EXISTS_WITH_DIFFERENT_CODE, harness.transfers(ISSUER,
        Transfer.of(Uint128.of(1), MINT, A, 1000, 1, 2)));
    expect(List.of(OK, OK), harness.transfers(ALICE, pending(90, A, B, 10, 60),
        pending(91, A, B, 10, 0)));
    expect(EXISTS_WITH_DIFFERENT_TIMEOUT, harness.transfers(ALICE, pending(90, A, B, 10, 61)));
    expect(OK, harness.transfers(ALICE, post(92, 90, 0)));
    expect(EXISTS_WITH_DIFFERENT_PENDING_ID, harness.transfers(ALICE, post(92, 91, 0)));
  }

  @Test
  void twoPhaseTransfers() {
    expect(List.of(OK, OK, OK), harness.transfers(ALICE, pending(90, A, B, 100, 0),
        pending(91, A, B, 100, 0), pending(93, A, B, 100, 1)));
    expect(PENDING_ID_MUST_NOT_BE_ZERO, harness.transfers(ALICE, post(95, 0, 0)));
    expect(PENDING_ID_MUST_NOT_BE_INT_MAX, harness.transfers(ALICE, new Transfer(Uint128.of(95),
        Uint128.ZERO, Uint128.ZERO, 0, Uint128.MAX, Uint128.ZERO, 0, 0, 0, 0, 0,
        TransferFlags.POST_PENDING, 0)));
    expect(PENDING_ID_MUST_BE_DIFFERENT, harness.transfers(ALICE, post(95, 95, 0)));
    expect(TIMEOUT_RESERVED_FOR_PENDING_TRANSFER, harness.transfers(ALICE,
        post(95, 90, 0).withPending(Uint128.of(90), 3)));
    expect(PENDING_TRANSFER_NOT_FOUND, harness.transfers(ALICE, post(95, 94, 0)));
    expect(PENDING_TRANSFER_NOT_PENDING, harness.transfers(ALICE, post(95, 1, 0)));
    Transfer base = post(95, 90, 0);
    expect(PENDING_TRANSFER_HAS_DIFFERENT_DEBIT_ACCOUNT_ID, harness.transfers(ALICE,
        base.resolved(B, Uint128.ZERO, 0, 0, 0)));
    expect(PENDING_TRANSFER_HAS_DIFFERENT_CREDIT_ACCOUNT_ID, harness.transfers(ALICE,
        base.resolved(Uint128.ZERO, A, 0, 0, 0)));
    expect(PENDING_TRANSFER_HAS_DIFFERENT_ASSET, harness.transfers(ALICE,
        base.resolved(Uint128.ZERO, Uint128.ZERO, 0, 2, 0)));
    expect(PENDING_TRANSFER_HAS_DIFFERENT_CODE, harness.transfers(ALICE,
        base.resolved(Uint128.ZERO, Uint128.ZERO, 0, 0, 2)));
    expect(EXCEEDS_PENDING_TRANSFER_AMOUNT, harness.transfers(ALICE, post(95, 90, 101)));
    expect(PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT, harness.transfers(ALICE,
        voiding(95, 90).resolved(Uint128.ZERO, Uint128.ZERO, 5, 0, 0)));
    expect(List.of(OK, OK), harness.transfers(ALICE, post(95, 90, 40), voiding(96, 91)));
    expect(PENDING_TRANSFER_ALREADY_POSTED, harness.transfers(ALICE, voiding(97, 90)));
    expect(PENDING_TRANSFER_ALREADY_VOIDED, harness.transfers(ALICE, post(97, 91, 0)));
    harness.advanceMillis(2000);
    expect(PENDING_TRANSFER_EXPIRED, harness.transfers(ALICE, post(97, 93, 0)));
    Account a = harness.account(A);
    assertEquals(0, a.debitsPending());
    assertEquals(40, a.debitsPosted());
  }

  @Test
  void closingTransfersCloseUntilVoidedOrExpiredAndForGoodWhenPosted() {
    Transfer closeA = pending(110, A, B, 10, 0).withFlags(TransferFlags.PENDING
        | TransferFlags.CLOSING_DEBIT);
    expect(CLOSING_TRANSFER_MUST_BE_PENDING, harness.transfers(ALICE,
        Transfer.of(Uint128.of(110), A, B, 10, 1, 1).withFlags(TransferFlags.CLOSING_DEBIT)));
    expect(OK, harness.transfers(ALICE, closeA));
    assertEquals(AccountFlags.CLOSED, harness.account(A).flags() & AccountFlags.CLOSED);
    expect(DEBIT_ACCOUNT_ALREADY_CLOSED, harness.transfers(ALICE, Transfer.of(Uint128.of(111), A,
        B, 1, 1, 1)));
    expect(CREDIT_ACCOUNT_ALREADY_CLOSED, harness.transfers(ISSUER, Transfer.of(Uint128.of(111),
        MINT, A, 1, 1, 1)));
    expect(EXISTS, harness.accounts(ALICE, Account.create(A, ALICE, 1, 1, 0)));
    expect(OK, harness.transfers(ALICE, voiding(112, 110)));
    expect(OK, harness.transfers(ALICE, Transfer.of(Uint128.of(111), A, B, 1, 1, 1)));
    Transfer closeB = pending(113, A, B, 5, 1).withFlags(TransferFlags.PENDING
        | TransferFlags.CLOSING_CREDIT);
    expect(OK, harness.transfers(ALICE, closeB));
    assertEquals(AccountFlags.CLOSED, harness.account(B).flags() & AccountFlags.CLOSED);
    harness.advanceMillis(2_000);
    expect(OK, harness.transfers(ALICE, Transfer.of(Uint128.of(114), A, B, 1, 1, 1)));
    expect(OK, harness.transfers(ALICE, pending(115, A, B, 5, 0).withFlags(
        TransferFlags.PENDING | TransferFlags.CLOSING_DEBIT)));
    expect(OK, harness.transfers(ALICE, post(116, 115, 0)));
    expect(DEBIT_ACCOUNT_ALREADY_CLOSED, harness.transfers(ALICE, Transfer.of(Uint128.of(117), A,
        B, 1, 1, 1)));
  }

  @Test
  void overflows() {
    Uint128[] x = new Uint128[8];
    for (int i = 0; i < x.length; i++) {
      x[i] = Uint128.of(100 + i);
      expect(OK, harness.accounts(BOB, Account.create(x[i], BOB, 1, 1, 0)));
    }
    Uint128[] mints = new Uint128[6];
    for (int i = 0; i < mints.length; i++) {
      mints[i] = Uint128.of(200 + i);
      expect(OK, harness.accounts(ISSUER, Account.create(mints[i], ISSUER, 1, 1,
          AccountFlags.ISSUER)));
    }
    expect(OK, harness.transfers(ISSUER, Transfer.of(Uint128.of(300), mints[0], x[0], MAX, 1, 1)));
    expect(OVERFLOWS_DEBITS_POSTED, harness.transfers(ISSUER, Transfer.of(Uint128.of(301),
        mints[0], x[1], 1, 1, 1)));
    expect(OVERFLOWS_CREDITS_POSTED, harness.transfers(ISSUER, Transfer.of(Uint128.of(301),
        mints[1], x[0], 1, 1, 1)));
    expect(OK, harness.transfers(ISSUER, pending(302, mints[2], x[2], MAX, 0)));
    expect(OVERFLOWS_DEBITS_PENDING, harness.transfers(ISSUER, pending(303, mints[2], x[3], 1,
        0)));
    expect(OVERFLOWS_CREDITS_PENDING, harness.transfers(ISSUER, pending(303, mints[3], x[2], 1,
        0)));
    expect(OK, harness.transfers(ISSUER, Transfer.of(Uint128.of(304), mints[4], x[4], HALF, 1,
        1)));
    expect(OVERFLOWS_DEBITS, harness.transfers(ISSUER, pending(305, mints[4], x[5], HALF, 0)));
    expect(OVERFLOWS_CREDITS, harness.transfers(ISSUER, pending(305, mints[5], x[4], HALF, 0)));
  }

  @Test
  void governance() {
    GovernanceProposal.Action add = new GovernanceProposal.AddMember(9, "beta",
        io.phalanx.ledger.TestConsortium.memberKey(9).publicKey().toBytes(), List.of());
    expect(INSUFFICIENT_APPROVALS, List.of(harness.governance(add, 1, "alpha", "alpha")));
    expect(UNKNOWN_ORGANISATION, List.of(harness.governance(add, 1, "alpha", "delta")));
    Bytes other = Bytes.wrapOwned(new byte[] {1});
    Outcome forged = harness.execute(ALICE, new Operation.Governance(other,
        new GovernanceProposal(1, add), List.of(new GovernanceApproval("alpha",
            io.phalanx.ledger.TestConsortium.organisationKey("alpha").sign(new byte[] {2})
                .toBytes()), new GovernanceApproval("beta", Bytes.wrapOwned(new byte[3])))));
    expect(BAD_APPROVAL_SIGNATURE, List.of(((Outcome.GovernanceResult) forged).code()));
    expect(OK, List.of(harness.governance(add, 1, "alpha", "beta")));
    expect(PROPOSAL_ALREADY_EXECUTED, List.of(harness.governance(add, 1, "alpha", "beta")));
    expect(MEMBER_ALREADY_EXISTS, List.of(harness.governance(add, 2, "alpha", "beta")));
    expect(MEMBER_NOT_FOUND, List.of(harness.governance(new GovernanceProposal.RemoveMember(77),
        3, "alpha", "gamma")));
    expect(BAD_MEMBER_KEY, List.of(harness.governance(new GovernanceProposal.AddMember(10,
        "beta", Bytes.wrapOwned(new byte[5]), List.of()), 4, "alpha", "beta")));
    expect(UNKNOWN_ORGANISATION, List.of(harness.governance(new GovernanceProposal.AddMember(10,
        "delta", io.phalanx.ledger.TestConsortium.memberKey(10).publicKey().toBytes(),
        List.of()), 5, "alpha", "beta")));
    expect(OK, harness.accounts(9, Account.create(Uint128.of(900), 9, 1, 1, 0)));
    expect(OK, List.of(harness.governance(new GovernanceProposal.RemoveMember(9), 6, "beta",
        "gamma")));
    expect(NOT_MEMBER, harness.accounts(9, Account.create(Uint128.of(901), 9, 1, 1, 0)));
  }

  @Test
  void tooManyEvents() {
    List<Account> accounts = new ArrayList<>();
    for (int i = 0; i <= QueryExecution.RESULTS_MAX; i++) {
      accounts.add(Account.create(Uint128.of(10_000 + i), ALICE, 1, 1, 0));
    }
    expect(TOO_MANY_EVENTS, StateHarness.codes(harness.execute(ALICE,
        new Operation.CreateAccounts(accounts))));
  }

  @Test
  void requestLevelRejections() {
    LedgerDriver driver = LedgerDriver.inMemory();
    expect(MALFORMED_OPERATION, LedgerDriver.codes(driver.submit(ALICE,
        Bytes.wrapOwned(new byte[] {(byte) 0xff, 0x01}))));
    expect(NOT_MEMBER, LedgerDriver.codes(driver.submit(99, Operations.lookupAccounts(A))));
    expect(NOT_READ_ONLY, LedgerDriver.codes(driver.query(ALICE, Operations.createAccounts(
        Account.create(A, ALICE, 1, 1, 0)))));
    expect(UNSUPPORTED_OPERATION, LedgerDriver.codes(driver.submit(ALICE,
        Operations.getBlock(1))));
    expect(NOT_FOUND, LedgerDriver.codes(driver.query(ALICE, Operations.getReceipt(A))));
    LedgerRequest request = new LedgerRequest(BOB, 10, Operations.lookupAccounts(A));
    driver.block(List.of(request));
    expect(STALE_REQUEST, LedgerDriver.codes(LedgerDriver.parse(driver.block(List.of(
        new LedgerRequest(BOB, 9, Operations.lookupAccounts(A)))).results().get(0))));
  }

  static ResultCode vault(io.phalanx.protocol.LedgerResult result) {
    return LedgerDriver.code(result.getVault().getCode());
  }

  @Test
  void vaultCodes() {
    LedgerDriver driver = LedgerDriver.inMemory();
    java.util.function.Function<io.phalanx.protocol.VaultPut.Builder, ResultCode> put =
        builder -> vault(driver.submit(ALICE, VaultOperations.op(builder)));
    expect(VAULT_NOT_FOUND, List.of(vault(driver.submit(ALICE, VaultOperations.get("db")))));
    expect(VAULT_BAD_NAME, List.of(put.apply(VaultOperations.put("", ALICE, 1))));
    expect(VAULT_VERSION_MISMATCH, List.of(put.apply(VaultOperations.put("db", ALICE, 2))));
    expect(VAULT_BAD_POLICY, List.of(put.apply(VaultOperations.put("db", BOB, 1))));
    var approvals = VaultOperations.put("db", ALICE, 1);
    approvals.getPolicyBuilder().setApprovalsRequired(1).addApprovers(BOB);
    expect(VAULT_APPROVALS_NOT_SUPPORTED, List.of(put.apply(approvals)));
    expect(VAULT_BAD_THRESHOLD, List.of(put.apply(VaultOperations.put("db", ALICE, 1)
        .setThreshold(3))));
    expect(VAULT_BAD_COMMITMENTS, List.of(put.apply(VaultOperations.put("db", ALICE, 1)
        .clearCommitments().addAllCommitments(VaultOperations.refresh("db", 1)
            .getCommitmentsList()))));
    expect(VAULT_BAD_SHARES, List.of(put.apply(VaultOperations.put("db", ALICE, 1)
        .clearShares().addAllShares(VaultOperations.boxes(3)))));
    expect(VAULT_BAD_SECRET_SIZE, List.of(put.apply(VaultOperations.put("db", ALICE, 1)
        .setEncryptedSecret(com.google.protobuf.ByteString.copyFrom(new byte[10])))));
    expect(OK, List.of(put.apply(VaultOperations.put("db", ALICE, 1))));
    expect(VAULT_NOT_AUTHORISED, List.of(vault(driver.submit(BOB, VaultOperations.get("db")))));
    for (int version = 2; version <= 17; version++) {
      expect(OK, List.of(vault(driver.submit(ALICE,
          VaultOperations.op(VaultOperations.refresh("db", version))))));
    }
    expect(VAULT_REFRESH_LIMIT, List.of(vault(driver.submit(ALICE,
        VaultOperations.op(VaultOperations.refresh("db", 18))))));
    expect(OK, List.of(vault(driver.submit(ALICE, VaultOperations.delete("db")))));
    expect(VAULT_DELETED, List.of(vault(driver.submit(ALICE, VaultOperations.get("db")))));
  }
}
