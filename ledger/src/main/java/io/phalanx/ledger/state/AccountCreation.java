package io.phalanx.ledger.state;

import java.util.Optional;

/**
 * create_accounts for one event. Checks in order: request shape, permission (the caller must own
 * the account; ISSUER accounts need the issuer role), then existence (identical answers
 * {@link ResultCode#EXISTS}, different fields a distinct code).
 */
final class AccountCreation {
  private AccountCreation() {}

  static ResultCode create(BlockContext context, Member caller, Account account) {
    ResultCode shape = checkShape(account);
    if (shape != ResultCode.OK) {
      return shape;
    }
    if (account.owner() != caller.id()) {
      return ResultCode.NOT_OWNER;
    }
    if (account.hasFlag(AccountFlags.ISSUER) && !caller.hasRole(Member.ISSUER_ROLE)) {
      return ResultCode.ISSUER_ROLE_REQUIRED;
    }
    Optional<Account> existing = context.records().account(account.id());
    if (existing.isPresent()) {
      return compareExisting(account, existing.get());
    }
    context.records().putAccount(account.withTimestamp(context.nextTimestamp()));
    return ResultCode.OK;
  }

  private static ResultCode checkShape(Account account) {
    if (account.timestamp() != 0) {
      return ResultCode.TIMESTAMP_MUST_BE_ZERO;
    }
    if ((account.flags() & ~AccountFlags.ALLOWED) != 0) {
      return ResultCode.RESERVED_FLAG;
    }
    if (account.id().isZero()) {
      return ResultCode.ID_MUST_NOT_BE_ZERO;
    }
    if (account.id().isMax()) {
      return ResultCode.ID_MUST_NOT_BE_INT_MAX;
    }
    if (account.hasFlag(AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS)
        && account.hasFlag(AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS)) {
      return ResultCode.FLAGS_ARE_MUTUALLY_EXCLUSIVE;
    }
    return checkBalancesAndCodes(account);
  }

  private static ResultCode checkBalancesAndCodes(Account account) {
    if (account.debitsPending() != 0) {
      return ResultCode.DEBITS_PENDING_MUST_BE_ZERO;
    }
    if (account.debitsPosted() != 0) {
      return ResultCode.DEBITS_POSTED_MUST_BE_ZERO;
    }
    if (account.creditsPending() != 0) {
      return ResultCode.CREDITS_PENDING_MUST_BE_ZERO;
    }
    if (account.creditsPosted() != 0) {
      return ResultCode.CREDITS_POSTED_MUST_BE_ZERO;
    }
    if (account.asset() == 0) {
      return ResultCode.ASSET_MUST_NOT_BE_ZERO;
    }
    if (account.code() == 0) {
      return ResultCode.CODE_MUST_NOT_BE_ZERO;
    }
    return ResultCode.OK;
  }

  private static ResultCode compareExisting(Account request, Account existing) {
    int compared = ~(AccountFlags.LINKED | AccountFlags.CLOSED);
    if ((request.flags() & compared) != (existing.flags() & compared)) {
      return ResultCode.EXISTS_WITH_DIFFERENT_FLAGS;
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
    if (request.asset() != existing.asset()) {
      return ResultCode.EXISTS_WITH_DIFFERENT_ASSET;
    }
    if (request.code() != existing.code()) {
      return ResultCode.EXISTS_WITH_DIFFERENT_CODE;
    }
    return ResultCode.EXISTS;
  }
}
