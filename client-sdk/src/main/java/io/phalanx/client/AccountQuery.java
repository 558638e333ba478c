package io.phalanx.client;

import io.phalanx.protocol.Uint128;
import java.util.Objects;

/**
 * Which of an account's transfers or balances to read: a window of ledger time, at most
 * {@code limit} records (0 = the ledger's maximum), oldest first unless {@code reversed}. To page,
 * ask again with {@code timestampMin} one above the last record's timestamp.
 *
 * @param accountId the account
 * @param timestampMin the smallest ledger timestamp included
 * @param timestampMax the largest ledger timestamp included, 0 for no bound
 * @param limit at most this many records, 0 for the ledger's maximum (8190)
 * @param reversed newest first
 */
public record AccountQuery(Uint128 accountId, long timestampMin, long timestampMax, int limit,
    boolean reversed) {
  /** The most records one query may ask for. */
  public static final int LIMIT_MAX = 8190;

  public AccountQuery {
    Objects.requireNonNull(accountId, "accountId");
    if (limit < 0 || limit > LIMIT_MAX) {
      throw new IllegalArgumentException("limit must be in 0.." + LIMIT_MAX + ", got " + limit);
    }
  }

  /** Everything of the account, oldest first, up to the ledger's maximum. */
  public static AccountQuery of(Uint128 accountId) {
    return new AccountQuery(accountId, 0, 0, 0, false);
  }

  /** The newest {@code limit} records, newest first. */
  public static AccountQuery latest(Uint128 accountId, int limit) {
    return new AccountQuery(accountId, 0, 0, limit, true);
  }

  /** The next page after a record with ledger timestamp {@code lastTimestamp}. */
  public AccountQuery after(long lastTimestamp) {
    return new AccountQuery(accountId, lastTimestamp + 1, timestampMax, limit, reversed);
  }
}
