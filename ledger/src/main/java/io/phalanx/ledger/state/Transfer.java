package io.phalanx.ledger.state;

import java.util.Objects;

/**
 * A transfer of {@code amount} (unsigned 64-bit) from the debit to the credit account. For
 * post/void transfers {@code pendingId} names the pending transfer; the stored record carries the
 * resolved accounts, asset, code and amount. {@code timestamp} is set by the ledger.
 */
public record Transfer(
    Uint128 id,
    Uint128 debitAccountId,
    Uint128 creditAccountId,
    long amount,
    Uint128 pendingId,
    Uint128 userData128,
    long userData64,
    int userData32,
    int timeoutSeconds,
    int asset,
    int code,
    int flags,
    long timestamp) {

  public Transfer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(debitAccountId, "debitAccountId");
    Objects.requireNonNull(creditAccountId, "creditAccountId");
    Objects.requireNonNull(pendingId, "pendingId");
    Objects.requireNonNull(userData128, "userData128");
  }

  /** A plain (single-phase) transfer request. */
  public static Transfer of(Uint128 id, Uint128 debit, Uint128 credit, long amount, int asset,
      int code) {
    return new Transfer(id, debit, credit, amount, Uint128.ZERO, Uint128.ZERO, 0, 0, 0, asset, code,
        0, 0);
  }

  public boolean hasFlag(int flag) {
    return TransferFlags.has(flags, flag);
  }

  public Transfer withFlags(int newFlags) {
    return new Transfer(id, debitAccountId, creditAccountId, amount, pendingId, userData128,
        userData64, userData32, timeoutSeconds, asset, code, newFlags, timestamp);
  }

  public Transfer withPending(Uint128 newPendingId, int newTimeoutSeconds) {
    return new Transfer(id, debitAccountId, creditAccountId, amount, newPendingId, userData128,
        userData64, userData32, newTimeoutSeconds, asset, code, flags, timestamp);
  }

  Transfer resolved(Uint128 debit, Uint128 credit, long resolvedAmount, int resolvedAsset,
      int resolvedCode) {
    return new Transfer(id, debit, credit, resolvedAmount, pendingId, userData128, userData64,
        userData32, timeoutSeconds, resolvedAsset, resolvedCode, flags, timestamp);
  }

  Transfer withTimestamp(long newTimestamp) {
    return new Transfer(id, debitAccountId, creditAccountId, amount, pendingId, userData128,
        userData64, userData32, timeoutSeconds, asset, code, flags, newTimestamp);
  }
}
