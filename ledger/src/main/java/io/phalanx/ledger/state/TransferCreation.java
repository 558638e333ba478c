package io.phalanx.ledger.state;

import java.util.Optional;

/**
 * create_transfers for one event: single-phase and pending transfers here, post/void in
 * {@link PendingResolution}. Checks in order: request shape, accounts, assets, existence,
 * permission (only the debit account's owner may debit it; an ISSUER account only while its owner
 * holds the issuer role), overflow, then balance limits. A non-ISSUER account behaves as if it
 * had DEBITS_MUST_NOT_EXCEED_CREDITS: only issuer accounts create value.
 */
final class TransferCreation {
  private TransferCreation() {}

  static ResultCode create(BlockContext context, Member caller, Transfer transfer) {
    ResultCode common = checkCommonShape(transfer);
    if (common != ResultCode.OK) {
      return common;
    }
    if (transfer.hasFlag(TransferFlags.POST_PENDING)
        || transfer.hasFlag(TransferFlags.VOID_PENDING)) {
      return PendingResolution.resolve(context, caller, transfer);
    }
    ResultCode shape = checkShape(transfer);
    if (shape != ResultCode.OK) {
      return shape;
    }
    StateRecords records = context.records();
    Optional<Account> debit = records.account(transfer.debitAccountId());
    if (debit.isEmpty()) {
      return ResultCode.DEBIT_ACCOUNT_NOT_FOUND;
    }
    Optional<Account> credit = records.account(transfer.creditAccountId());
    if (credit.isEmpty()) {
      return ResultCode.CREDIT_ACCOUNT_NOT_FOUND;
    }
    ResultCode accounts = checkAccounts(caller, transfer, debit.get(), credit.get(), records);
    if (accounts != ResultCode.OK) {
      return accounts;
    }
    ResultCode balances = checkBalances(transfer, debit.get(), credit.get());
    if (balances != ResultCode.OK) {
      return balances;
    }
    apply(context, transfer, debit.get(), credit.get());
    return ResultCode.OK;
  }

  static ResultCode checkCommonShape(Transfer transfer) {
    if (transfer.timestamp() != 0) {
      return ResultCode.TIMESTAMP_MUST_BE_ZERO;
    }
    if ((transfer.flags() & ~TransferFlags.ALLOWED) != 0) {
      return ResultCode.RESERVED_FLAG;
    }
    if (transfer.id().isZero()) {
      return ResultCode.ID_MUST_NOT_BE_ZERO;
    }
    if (transfer.id().isMax()) {
      return ResultCode.ID_MUST_NOT_BE_INT_MAX;
    }
    int phases = Integer.bitCount(transfer.flags() & (TransferFlags.PENDING
        | TransferFlags.POST_PENDING | TransferFlags.VOID_PENDING));
    if (phases > 1) {
      return ResultCode.FLAGS_ARE_MUTUALLY_EXCLUSIVE;
    }
    boolean closing = (transfer.flags() & TransferFlags.CLOSING) != 0;
    return closing && !transfer.hasFlag(TransferFlags.PENDING)
        ? ResultCode.CLOSING_TRANSFER_MUST_BE_PENDING : ResultCode.OK;
  }

  private static ResultCode checkShape(Transfer transfer) {
    if (transfer.debitAccountId().isZero()) {
      return ResultCode.DEBIT_ACCOUNT_ID_MUST_NOT_BE_ZERO;
    }
    if (transfer.debitAccountId().isMax()) {
      return ResultCode.DEBIT_ACCOUNT_ID_MUST_NOT_BE_INT_MAX;
    }
    if (transfer.creditAccountId().isZero()) {
      return ResultCode.CREDIT_ACCOUNT_ID_MUST_NOT_BE_ZERO;
    }
    if (transfer.creditAccountId().isMax()) {
      return ResultCode.CREDIT_ACCOUNT_ID_MUST_NOT_BE_INT_MAX;
    }
    if (transfer.debitAccountId().equals(transfer.creditAccountId())) {
      return ResultCode.ACCOUNTS_MUST_BE_DIFFERENT;
    }
    if (!transfer.pendingId().isZero()) {
      return ResultCode.PENDING_ID_MUST_BE_ZERO;
    }
    if (!transfer.hasFlag(TransferFlags.PENDING) && transfer.timeoutSeconds() != 0) {
      return ResultCode.TIMEOUT_RESERVED_FOR_PENDING_TRANSFER;
    }
    if (transfer.asset() == 0) {
      return ResultCode.ASSET_MUST_NOT_BE_ZERO;
    }
    if (transfer.code() == 0) {
      return ResultCode.CODE_MUST_NOT_BE_ZERO;
    }
    return transfer.amount() == 0 ? ResultCode.AMOUNT_MUST_NOT_BE_ZERO : ResultCode.OK;
  }

  private static ResultCode checkAccounts(Member caller, Transfer transfer, Account debit,
      Account credit, StateRecords records) {
    if (debit.asset() != credit.asset()) {
      return ResultCode.ACCOUNTS_MUST_HAVE_THE_SAME_ASSET;
    }
    if (transfer.asset() != debit.asset()) {
      return ResultCode.TRANSFER_MUST_HAVE_THE_SAME_ASSET_AS_ACCOUNTS;
    }
    Optional<Transfer> existing = records.transfer(transfer.id());
    if (existing.isPresent()) {
      return compareExisting(transfer, existing.get());
    }
    if (debit.hasFlag(AccountFlags.CLOSED)) {
      return ResultCode.DEBIT_ACCOUNT_ALREADY_CLOSED;
    }
    if (credit.hasFlag(AccountFlags.CLOSED)) {
      return ResultCode.CREDIT_ACCOUNT_ALREADY_CLOSED;
    }
    if (debit.owner() != caller.id()) {
      return ResultCode.NOT_OWNER;
    }
    if (debit.hasFlag(AccountFlags.ISSUER) && !caller.hasRole(Member.ISSUER_ROLE)) {
      return ResultCode.ISSUER_ROLE_REQUIRED;
    }
    return ResultCode.OK;
  }

  private static ResultCode checkBalances(Transfer transfer, Account debit, Account credit) {
    long amount = transfer.amount();
    boolean pending = transfer.hasFlag(TransferFlags.PENDING);
    if (pending && Amounts.overflowsAdd(debit.debitsPending(), amount)) {
      return ResultCode.OVERFLOWS_DEBITS_PENDING;
    }
    if (pending && Amounts.overflowsAdd(credit.creditsPending(), amount)) {
      return ResultCode.OVERFLOWS_CREDITS_PENDING;
    }
    if (!pending && Amounts.overflowsAdd(debit.debitsPosted(), amount)) {
      return ResultCode.OVERFLOWS_DEBITS_POSTED;
    }
    if (!pending && Amounts.overflowsAdd(credit.creditsPosted(), amount)) {
      return ResultCode.OVERFLOWS_CREDITS_POSTED;
    }
    if (Amounts.overflowsAdd(debit.debitsPending(), debit.debitsPosted(), amount)) {
      return ResultCode.OVERFLOWS_DEBITS;
    }
    if (Amounts.overflowsAdd(credit.creditsPending(), credit.creditsPosted(), amount)) {
      return ResultCode.OVERFLOWS_CREDITS;
    }
    boolean debitLimited = !debit.hasFlag(AccountFlags.ISSUER)
        || debit.hasFlag(AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS);
    if (debitLimited && Amounts.greater(debit.debitsPending() + debit.debitsPosted() + amount,
        debit.creditsPosted())) {
      return ResultCode.EXCEEDS_CREDITS;
    }
    if (credit.hasFlag(AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS) && Amounts.greater(
        credit.creditsPending() + credit.creditsPosted() + amount, credit.debitsPosted())) {
      return ResultCode.EXCEEDS_DEBITS;
    }
    return ResultCode.OK;
  }

  private static void apply(BlockContext context, Transfer request, Account debit,
      Account credit) {
    Transfer transfer = request.withTimestamp(context.nextTimestamp());
    long amount = transfer.amount();
    Account newDebit;
    Account newCredit;
    StateRecords records = context.records();
    if (transfer.hasFlag(TransferFlags.PENDING)) {
      newDebit = debit.withBalances(debit.debitsPending() + amount, debit.debitsPosted(),
          debit.creditsPending(), debit.creditsPosted());
      newCredit = credit.withBalances(credit.debitsPending(), credit.debitsPosted(),
          credit.creditsPending() + amount, credit.creditsPosted());
      // A new transfer id has no status yet, and the expiry key embeds a fresh timestamp.
      records.state().putFresh(StateKeys.pendingStatus(transfer.id()),
          RecordEncoding.encode(PendingStatus.PENDING));
      if (transfer.timeoutSeconds() != 0) {
        records.state().putFresh(StateKeys.expiry(PendingResolution.deadlineMillis(transfer),
            transfer.timestamp(), transfer.id()), io.phalanx.crypto.Bytes.empty());
      }
    } else {
      newDebit = debit.withBalances(debit.debitsPending(), debit.debitsPosted() + amount,
          debit.creditsPending(), debit.creditsPosted());
      newCredit = credit.withBalances(credit.debitsPending(), credit.debitsPosted(),
          credit.creditsPending(), credit.creditsPosted() + amount);
    }
    if (transfer.hasFlag(TransferFlags.CLOSING_DEBIT)) {
      newDebit = newDebit.withFlags(newDebit.flags() | AccountFlags.CLOSED);
    }
    if (transfer.hasFlag(TransferFlags.CLOSING_CREDIT)) {
      newCredit = newCredit.withFlags(newCredit.flags() | AccountFlags.CLOSED);
    }
    records.putAccount(newDebit);
    records.putAccount(newCredit);
    records.putTransfer(transfer, context.height());
    records.indexTransfer(transfer, newDebit, newCredit);
  }

  /** Compares a request (resolved, for post/void) with the stored transfer of the same id. */
  static ResultCode compareExisting(Transfer request, Transfer existing) {
    if ((request.flags() & ~TransferFlags.LINKED) != (existing.flags() & ~TransferFlags.LINKED)) {
      return ResultCode.EXISTS_WITH_DIFFERENT_FLAGS;
    }
    if (!request.pendingId().equals(existing.pendingId())) {
      return ResultCode.EXISTS_WITH_DIFFERENT_PENDING_ID;
    }
    if (request.timeoutSeconds() != existing.timeoutSeconds()) {
      return ResultCode.EXISTS_WITH_DIFFERENT_TIMEOUT;
    }
    if (!request.debitAccountId().equals(existing.debitAccountId())) {
      return ResultCode.EXISTS_WITH_DIFFERENT_DEBIT_ACCOUNT_ID;
    }
    if (!request.creditAccountId().equals(existing.creditAccountId())) {
      return ResultCode.EXISTS_WITH_DIFFERENT_CREDIT_ACCOUNT_ID;
    }
    if (request.amount() != existing.amount()) {
      return ResultCode.EXISTS_WITH_DIFFERENT_AMOUNT;
    }
    if (!request.userData128().equals(existing.userData128())) {
      return ResultCode.EXISTS_WITH_DIFFERENT_USER_DATA_128;
    }
    if (request.userData64() != existing.userData64()) {
      return ResultCode.EXISTS_WITH_DIFFERENT_USER_DATA_64;
    }
    if (request.userData32() != existing.userData32()) {
      return ResultCode.EXISTS_WITH_DIFFERENT_USER_DATA_32;
    }
    return request.code() != existing.code() ? ResultCode.EXISTS_WITH_DIFFERENT_CODE
        : ResultCode.EXISTS;
  }
}
