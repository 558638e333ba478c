package io.phalanx.ledger.state;

import java.util.Optional;

/**
 * Posting (in full with amount 0, or in part) and voiding pending transfers, and their expiry.
 * A pending transfer with a timeout expires at {@code creation millisecond + timeout seconds};
 * from the first block whose ledger time reaches that deadline it can no longer be posted or
 * voided, and {@link PendingExpiry} releases its amount at the start of such a block.
 */
final class PendingResolution {
  private PendingResolution() {}

  static long deadlineMillis(Transfer pending) {
    return pending.timestamp() / BlockContext.TIMESTAMP_PER_MILLISECOND
        + Integer.toUnsignedLong(pending.timeoutSeconds()) * 1000L;
  }

  static ResultCode resolve(BlockContext context, Member caller, Transfer transfer) {
    ResultCode shape = checkShape(transfer);
    if (shape != ResultCode.OK) {
      return shape;
    }
    StateRecords records = context.records();
    Optional<Transfer> found = records.transfer(transfer.pendingId());
    if (found.isEmpty()) {
      return ResultCode.PENDING_TRANSFER_NOT_FOUND;
    }
    Transfer pending = found.get();
    if (!pending.hasFlag(TransferFlags.PENDING)) {
      return ResultCode.PENDING_TRANSFER_NOT_PENDING;
    }
    ResultCode matches = checkMatches(transfer, pending);
    if (matches != ResultCode.OK) {
      return matches;
    }
    boolean post = transfer.hasFlag(TransferFlags.POST_PENDING);
    long amount = post && transfer.amount() == 0 || !post ? pending.amount() : transfer.amount();
    Transfer resolved = transfer.resolved(pending.debitAccountId(), pending.creditAccountId(),
        amount, pending.asset(), pending.code());
    Optional<Transfer> existing = records.transfer(transfer.id());
    if (existing.isPresent()) {
      return TransferCreation.compareExisting(resolved, existing.get());
    }
    ResultCode status = checkStatus(context, pending);
    if (status != ResultCode.OK) {
      return status;
    }
    Account debit = records.account(pending.debitAccountId()).orElseThrow();
    Account credit = records.account(pending.creditAccountId()).orElseThrow();
    if (debit.owner() != caller.id()) {
      return ResultCode.NOT_OWNER;
    }
    apply(context, resolved, pending, debit, credit);
    return ResultCode.OK;
  }

  private static ResultCode checkShape(Transfer transfer) {
    if (transfer.pendingId().isZero()) {
      return ResultCode.PENDING_ID_MUST_NOT_BE_ZERO;
    }
    if (transfer.pendingId().isMax()) {
      return ResultCode.PENDING_ID_MUST_NOT_BE_INT_MAX;
    }
    if (transfer.pendingId().equals(transfer.id())) {
      return ResultCode.PENDING_ID_MUST_BE_DIFFERENT;
    }
    return transfer.timeoutSeconds() != 0 ? ResultCode.TIMEOUT_RESERVED_FOR_PENDING_TRANSFER
        : ResultCode.OK;
  }

  private static ResultCode checkMatches(Transfer transfer, Transfer pending) {
    if (!transfer.debitAccountId().isZero()
        && !transfer.debitAccountId().equals(pending.debitAccountId())) {
      return ResultCode.PENDING_TRANSFER_HAS_DIFFERENT_DEBIT_ACCOUNT_ID;
    }
    if (!transfer.creditAccountId().isZero()
        && !transfer.creditAccountId().equals(pending.creditAccountId())) {
      return ResultCode.PENDING_TRANSFER_HAS_DIFFERENT_CREDIT_ACCOUNT_ID;
    }
    if (transfer.asset() != 0 && transfer.asset() != pending.asset()) {
      return ResultCode.PENDING_TRANSFER_HAS_DIFFERENT_ASSET;
    }
    if (transfer.code() != 0 && transfer.code() != pending.code()) {
      return ResultCode.PENDING_TRANSFER_HAS_DIFFERENT_CODE;
    }
    if (transfer.hasFlag(TransferFlags.POST_PENDING)
        && Amounts.greater(transfer.amount(), pending.amount())) {
      return ResultCode.EXCEEDS_PENDING_TRANSFER_AMOUNT;
    }
    if (transfer.hasFlag(TransferFlags.VOID_PENDING) && transfer.amount() != 0
        && transfer.amount() != pending.amount()) {
      return ResultCode.PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT;
    }
    return ResultCode.OK;
  }

  private static ResultCode checkStatus(BlockContext context, Transfer pending) {
    PendingStatus status = context.records().pendingStatus(pending.id()).orElseThrow();
    return switch (status) {
      case POSTED -> ResultCode.PENDING_TRANSFER_ALREADY_POSTED;
      case VOIDED -> ResultCode.PENDING_TRANSFER_ALREADY_VOIDED;
      case EXPIRED -> ResultCode.PENDING_TRANSFER_EXPIRED;
      case PENDING -> pending.timeoutSeconds() != 0
          && deadlineMillis(pending) <= context.ledgerTimeMillis()
          ? ResultCode.PENDING_TRANSFER_EXPIRED : ResultCode.OK;
    };
  }

  private static void apply(BlockContext context, Transfer resolved, Transfer pending,
      Account debit, Account credit) {
    boolean post = resolved.hasFlag(TransferFlags.POST_PENDING);
    long posted = post ? resolved.amount() : 0;
    Account newDebit = debit.withBalances(
        Amounts.subtract(debit.debitsPending(), pending.amount()), debit.debitsPosted() + posted,
        debit.creditsPending(), debit.creditsPosted());
    Account newCredit = credit.withBalances(credit.debitsPending(), credit.debitsPosted(),
        Amounts.subtract(credit.creditsPending(), pending.amount()),
        credit.creditsPosted() + posted);
    if (!post) {
      newDebit = reopened(newDebit, pending, TransferFlags.CLOSING_DEBIT);
      newCredit = reopened(newCredit, pending, TransferFlags.CLOSING_CREDIT);
    }
    Transfer transfer = resolved.withTimestamp(context.nextTimestamp());
    StateRecords records = context.records();
    records.putPendingStatus(pending.id(), post ? PendingStatus.POSTED : PendingStatus.VOIDED);
    if (pending.timeoutSeconds() != 0) {
      records.state().delete(StateKeys.expiry(deadlineMillis(pending), pending.timestamp(),
          pending.id()));
    }
    records.putAccount(newDebit);
    records.putAccount(newCredit);
    records.putTransfer(transfer, context.height());
    records.indexTransfer(transfer, newDebit, newCredit);
  }

  /** Releases an expired pending transfer's reserved amount; status becomes EXPIRED. */
  static void expire(BlockContext context, Transfer pending) {
    StateRecords records = context.records();
    Account debit = records.account(pending.debitAccountId()).orElseThrow();
    Account credit = records.account(pending.creditAccountId()).orElseThrow();
    Account newDebit = debit.withBalances(
        Amounts.subtract(debit.debitsPending(), pending.amount()), debit.debitsPosted(),
        debit.creditsPending(), debit.creditsPosted());
    Account newCredit = credit.withBalances(credit.debitsPending(), credit.debitsPosted(),
        Amounts.subtract(credit.creditsPending(), pending.amount()), credit.creditsPosted());
    newDebit = reopened(newDebit, pending, TransferFlags.CLOSING_DEBIT);
    newCredit = reopened(newCredit, pending, TransferFlags.CLOSING_CREDIT);
    long timestamp = context.nextTimestamp();
    records.putPendingStatus(pending.id(), PendingStatus.EXPIRED);
    records.state().delete(StateKeys.expiry(deadlineMillis(pending), pending.timestamp(),
        pending.id()));
    records.putAccount(newDebit);
    records.putAccount(newCredit);
    records.recordBalance(newDebit, timestamp);
    records.recordBalance(newCredit, timestamp);
  }

  /** The account reopened if the voided or expired pending transfer had closed it. */
  private static Account reopened(Account account, Transfer pending, int closingFlag) {
    return pending.hasFlag(closingFlag)
        ? account.withFlags(account.flags() & ~AccountFlags.CLOSED) : account;
  }
}
