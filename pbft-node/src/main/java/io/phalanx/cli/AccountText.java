package io.phalanx.cli;

import io.phalanx.client.Ids;
import io.phalanx.protocol.Account;
import io.phalanx.protocol.Transfer;

/** One-line, human-readable descriptions of ledger records for the command line. */
final class AccountText {
  private AccountText() {}

  static String describe(Account account) {
    long balance = account.getCreditsPosted() - account.getDebitsPosted();
    return "account " + Ids.toString(account.getId()) + " owner " + account.getOwner()
        + " asset " + account.getAsset() + ": balance " + balance
        + " (credits posted " + Long.toUnsignedString(account.getCreditsPosted())
        + ", debits posted " + Long.toUnsignedString(account.getDebitsPosted())
        + ", credits pending " + Long.toUnsignedString(account.getCreditsPending())
        + ", debits pending " + Long.toUnsignedString(account.getDebitsPending())
        + ", flags " + account.getFlags() + ")";
  }

  static String describe(Transfer transfer) {
    return "transfer " + Ids.toString(transfer.getId()) + ": "
        + Long.toUnsignedString(transfer.getAmount()) + " of asset " + transfer.getAsset()
        + " from " + Ids.toString(transfer.getDebitAccountId())
        + " to " + Ids.toString(transfer.getCreditAccountId())
        + " at " + transfer.getTimestamp() + (transfer.getFlags() != 0
            ? " flags " + transfer.getFlags() : "");
  }
}
