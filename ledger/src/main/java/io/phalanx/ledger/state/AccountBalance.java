package io.phalanx.ledger.state;

/** An account's balances right after the event with ledger timestamp {@code timestamp}. */
public record AccountBalance(long timestamp, long debitsPending, long debitsPosted,
    long creditsPending, long creditsPosted) {

  static AccountBalance of(Account account, long timestamp) {
    return new AccountBalance(timestamp, account.debitsPending(), account.debitsPosted(),
        account.creditsPending(), account.creditsPosted());
  }
}
