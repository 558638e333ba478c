package io.phalanx.client;

import io.phalanx.protocol.Account;
import io.phalanx.protocol.AccountFlag;
import io.phalanx.protocol.Transfer;
import io.phalanx.protocol.TransferFlag;
import io.phalanx.protocol.Uint128;
import java.util.Objects;

/**
 * Short factories for the events of a create call. They set only what a create request may set
 * (balances and timestamps stay zero: the ledger owns them); use {@code toBuilder()} on the
 * result for the optional fields (user data, pending timeouts).
 */
public final class Events {
  /** The code events get when the caller does not choose one (the ledger refuses code 0). */
  public static final int DEFAULT_CODE = 1;

  private Events() {}

  /** An account owned by member {@code owner}; {@code flags} are {@link AccountFlag} bits. */
  public static Account account(Uint128 id, long owner, int asset, int flags) {
    return Account.newBuilder()
        .setId(Objects.requireNonNull(id, "id"))
        .setOwner(owner)
        .setAsset(asset)
        .setCode(DEFAULT_CODE)
        .setFlags(flags)
        .build();
  }

  /** A single-phase transfer of {@code amount} units of {@code asset}. */
  public static Transfer transfer(Uint128 id, Uint128 debitAccountId, Uint128 creditAccountId,
      long amount, int asset) {
    return Transfer.newBuilder()
        .setId(Objects.requireNonNull(id, "id"))
        .setDebitAccountId(Objects.requireNonNull(debitAccountId, "debitAccountId"))
        .setCreditAccountId(Objects.requireNonNull(creditAccountId, "creditAccountId"))
        .setAmount(amount)
        .setAsset(asset)
        .setCode(DEFAULT_CODE)
        .build();
  }

  /** A pending transfer: reserves {@code amount} until posted, voided or expired. */
  public static Transfer pending(Uint128 id, Uint128 debitAccountId, Uint128 creditAccountId,
      long amount, int asset, int timeoutSeconds) {
    return transfer(id, debitAccountId, creditAccountId, amount, asset).toBuilder()
        .setFlags(TransferFlag.TRANSFER_FLAG_PENDING_VALUE)
        .setTimeoutSeconds(timeoutSeconds)
        .build();
  }

  /** Posts pending transfer {@code pending} ({@code amount} 0 posts the whole amount). */
  public static Transfer post(Uint128 id, Transfer pending, long amount) {
    return resolve(id, pending, amount, TransferFlag.TRANSFER_FLAG_POST_PENDING_VALUE);
  }

  /** Voids pending transfer {@code pending}. */
  public static Transfer voidPending(Uint128 id, Transfer pending) {
    return resolve(id, pending, pending.getAmount(), TransferFlag.TRANSFER_FLAG_VOID_PENDING_VALUE);
  }

  /** The same event with the linked flag: it joins the next event of the call, all or nothing. */
  public static Transfer linked(Transfer transfer) {
    return transfer.toBuilder()
        .setFlags(transfer.getFlags() | TransferFlag.TRANSFER_FLAG_LINKED_VALUE).build();
  }

  /** The same account with the linked flag. */
  public static Account linked(Account account) {
    return account.toBuilder()
        .setFlags(account.getFlags() | AccountFlag.ACCOUNT_FLAG_LINKED_VALUE).build();
  }

  private static Transfer resolve(Uint128 id, Transfer pending, long amount, int flag) {
    return Transfer.newBuilder()
        .setId(Objects.requireNonNull(id, "id"))
        .setPendingId(pending.getId())
        .setDebitAccountId(pending.getDebitAccountId())
        .setCreditAccountId(pending.getCreditAccountId())
        .setAmount(amount)
        .setAsset(pending.getAsset())
        .setCode(pending.getCode())
        .setFlags(flag)
        .build();
  }
}
