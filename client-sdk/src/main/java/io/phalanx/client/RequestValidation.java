package io.phalanx.client;

import io.phalanx.protocol.Account;
import io.phalanx.protocol.Transfer;
import io.phalanx.protocol.TransferFlag;
import io.phalanx.protocol.Uint128;
import java.util.List;

/**
 * Checks a call before anything is sent: what the ledger would refuse for the whole request or
 * for an event whose shape alone is wrong. Business rules (balances, ownership) stay the ledger's.
 */
final class RequestValidation {
  /** The most events (or ids) one call may carry: the ledger's limit per operation. */
  static final int EVENTS_MAX = 8190;

  private static final int RESOLVING = TransferFlag.TRANSFER_FLAG_POST_PENDING_VALUE
      | TransferFlag.TRANSFER_FLAG_VOID_PENDING_VALUE;

  private RequestValidation() {}

  static void checkAccounts(List<Account> accounts) {
    checkSize(accounts, "accounts");
    for (int i = 0; i < accounts.size(); i++) {
      Account account = accounts.get(i);
      if (account == null) {
        throw invalid("accounts[" + i + "] is null");
      }
      checkId(account.getId(), "accounts[" + i + "].id");
      if (account.getAsset() == 0) {
        throw invalid("accounts[" + i + "].asset must not be zero");
      }
      if (account.getTimestamp() != 0) {
        throw invalid("accounts[" + i + "].timestamp is set by the ledger and must be zero");
      }
    }
  }

  static void checkTransfers(List<Transfer> transfers) {
    checkSize(transfers, "transfers");
    for (int i = 0; i < transfers.size(); i++) {
      Transfer transfer = transfers.get(i);
      String name = "transfers[" + i + "]";
      if (transfer == null) {
        throw invalid(name + " is null");
      }
      checkId(transfer.getId(), name + ".id");
      if (transfer.getTimestamp() != 0) {
        throw invalid(name + ".timestamp is set by the ledger and must be zero");
      }
      if ((transfer.getFlags() & RESOLVING) != 0) {
        checkId(transfer.getPendingId(), name + ".pending_id");
        continue;
      }
      checkId(transfer.getDebitAccountId(), name + ".debit_account_id");
      checkId(transfer.getCreditAccountId(), name + ".credit_account_id");
      if (transfer.getDebitAccountId().equals(transfer.getCreditAccountId())) {
        throw invalid(name + " debits and credits the same account");
      }
      if (transfer.getAmount() == 0) {
        throw invalid(name + ".amount must not be zero");
      }
      if (transfer.getAsset() == 0) {
        throw invalid(name + ".asset must not be zero");
      }
    }
  }

  static void checkIds(List<Uint128> ids, String what) {
    checkSize(ids, what);
    for (int i = 0; i < ids.size(); i++) {
      checkId(ids.get(i), what + "[" + i + "]");
    }
  }

  static void checkId(Uint128 id, String what) {
    if (id == null) {
      throw invalid(what + " is null");
    }
    if (Ids.isZero(id)) {
      throw invalid(what + " must not be zero");
    }
    if (Ids.isMax(id)) {
      throw invalid(what + " must not be 2^128-1");
    }
  }

  private static void checkSize(List<?> events, String what) {
    if (events == null) {
      throw invalid(what + " is null");
    }
    if (events.isEmpty()) {
      throw invalid(what + " is empty");
    }
    if (events.size() > EVENTS_MAX) {
      throw invalid(what + ": " + events.size() + " events, at most " + EVENTS_MAX + " per call");
    }
  }

  private static InvalidRequestException invalid(String message) {
    return new InvalidRequestException(message);
  }
}
