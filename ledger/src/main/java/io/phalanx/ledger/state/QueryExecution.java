package io.phalanx.ledger.state;

import io.phalanx.crypto.Bytes;
import io.phalanx.ledger.store.StoreEntry;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Read-only operations. Any member may read any account (the consortium shares one ledger).
 * Lookups return the records found, in request order, omitting ids that do not exist.
 */
final class QueryExecution {
  /** The most records one query returns (and the most ids one lookup may name). */
  static final int RESULTS_MAX = 8190;

  private QueryExecution() {}

  static Outcome lookupAccounts(StateRecords records, List<Uint128> ids) {
    if (ids.size() > RESULTS_MAX) {
      return new Outcome.Rejected(ResultCode.TOO_MANY_EVENTS);
    }
    List<Account> found = new ArrayList<>();
    for (Uint128 id : ids) {
      records.account(id).ifPresent(found::add);
    }
    return new Outcome.Accounts(found);
  }

  static Outcome lookupTransfers(StateRecords records, List<Uint128> ids) {
    if (ids.size() > RESULTS_MAX) {
      return new Outcome.Rejected(ResultCode.TOO_MANY_EVENTS);
    }
    List<Transfer> found = new ArrayList<>();
    for (Uint128 id : ids) {
      records.transfer(id).ifPresent(found::add);
    }
    return new Outcome.Transfers(found);
  }

  static Outcome accountTransfers(StateRecords records, Operation.AccountTransfers query) {
    List<Transfer> found = new ArrayList<>();
    for (StoreEntry entry : scan(records, StateKeys.ACCOUNT_TRANSFER, query.accountId(),
        query.timestampMin(), query.timestampMax(), query.limit(), query.reversed())) {
      found.add(records.transfer(StateRecords.idFromBytes(entry.value())).orElseThrow());
    }
    return new Outcome.Transfers(found);
  }

  static Outcome accountBalances(StateRecords records, Operation.AccountBalances query) {
    List<AccountBalance> found = new ArrayList<>();
    for (StoreEntry entry : scan(records, StateKeys.BALANCE, query.accountId(),
        query.timestampMin(), query.timestampMax(), query.limit(), query.reversed())) {
      found.add(RecordEncoding.decodeBalance(entry.value()));
    }
    return new Outcome.Balances(found);
  }

  static Outcome receipt(StateRecords records, Uint128 transferId) {
    return records.receipt(transferId).<Outcome>map(receipt -> receipt)
        .orElse(new Outcome.Rejected(ResultCode.NOT_FOUND));
  }

  private static List<StoreEntry> scan(StateRecords records, byte kind, Uint128 account,
      long timestampMin, long timestampMax, int limit, boolean reversed) {
    long upper = timestampMax == 0 || timestampMax < 0 ? Long.MAX_VALUE : timestampMax;
    long lower = Math.max(0, timestampMin);
    if (lower > upper) {
      return List.of();
    }
    Bytes from = StateKeys.accountTimestamp(kind, account, lower);
    Bytes to = upper == Long.MAX_VALUE ? afterAccount(kind, account)
        : StateKeys.accountTimestamp(kind, account, upper + 1);
    int bounded = limit <= 0 || limit > RESULTS_MAX ? RESULTS_MAX : limit;
    return records.state().scan(from, to, reversed, bounded);
  }

  private static Bytes afterAccount(byte kind, Uint128 account) {
    Bytes prefix = StateKeys.accountTimestamp(kind, account, 0);
    byte[] end = ByteBuffer.allocate(prefix.length() + 1).put(prefix.toByteArray(), 0, 18)
        .array();
    // prefix (2 bytes) + account (16 bytes), then 0xFF..: above every timestamp of the account.
    for (int i = 18; i < end.length; i++) {
      end[i] = (byte) 0xFF;
    }
    return Bytes.wrapOwned(end);
  }
}
