package io.phalanx.ledger.state;

import java.util.Objects;

/**
 * An account. Balances are unsigned 64-bit amounts; {@code timestamp} is the ledger's unique
 * creation timestamp ({@code ledgerTimeMillis * 1_000_000 + event index}), zero in a request.
 */
public record Account(
    Uint128 id,
    long owner,
    int asset,
    int flags,
    long debitsPending,
    long debitsPosted,
    long creditsPending,
    long creditsPosted,
    Uint128 userData128,
    long userData64,
    int userData32,
    int code,
    long timestamp) {

  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userData128, "userData128");
  }

  /** A create request for a fresh account with zero balances. */
  public static Account create(Uint128 id, long owner, int asset, int code, int flags) {
    return new Account(id, owner, asset, flags, 0, 0, 0, 0, Uint128.ZERO, 0, 0, code, 0);
  }

  public boolean hasFlag(int flag) {
    return AccountFlags.has(flags, flag);
  }

  Account withTimestamp(long newTimestamp) {
    return new Account(id, owner, asset, flags, debitsPending, debitsPosted, creditsPending,
        creditsPosted, userData128, userData64, userData32, code, newTimestamp);
  }

  Account withFlags(int newFlags) {
    return new Account(id, owner, asset, newFlags, debitsPending, debitsPosted, creditsPending,
        creditsPosted, userData128, userData64, userData32, code, timestamp);
  }

  Account withBalances(long newDebitsPending, long newDebitsPosted, long newCreditsPending,
      long newCreditsPosted) {
    return new Account(id, owner, asset, flags, newDebitsPending, newDebitsPosted,
        newCreditsPending, newCreditsPosted, userData128, userData64, userData32, code, timestamp);
  }
}
