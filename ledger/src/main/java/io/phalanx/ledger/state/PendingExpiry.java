package io.phalanx.ledger.state;

import io.phalanx.ledger.store.StoreEntry;
import java.util.List;

/**
 * At the start of a block, expires the pending transfers whose deadline its ledger time has
 * reached, in (deadline, creation timestamp, id) order. At most {@link #EXPIRIES_PER_BLOCK_MAX}
 * per block; the rest follow in the next blocks (they already refuse post/void meanwhile).
 */
final class PendingExpiry {
  static final int EXPIRIES_PER_BLOCK_MAX = 10_000;

  private PendingExpiry() {}

  static int run(BlockContext context) {
    List<StoreEntry> due = context.records().state().scan(StateKeys.expiryFrom(0),
        StateKeys.expiryFrom(context.ledgerTimeMillis() + 1), false, EXPIRIES_PER_BLOCK_MAX);
    for (StoreEntry entry : due) {
      Transfer pending = context.records().transfer(StateKeys.expiryTransferId(entry.key()))
          .orElseThrow(() -> new IllegalStateException("expiry entry without its transfer"));
      PendingResolution.expire(context, pending);
    }
    return due.size();
  }
}
