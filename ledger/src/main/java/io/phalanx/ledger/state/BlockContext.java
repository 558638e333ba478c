package io.phalanx.ledger.state;

/**
 * Everything one block's execution shares: the working state, the block's height and ledger
 * time, and the event counter that makes timestamps unique.
 *
 * <p>Timestamps: {@code ledgerTimeMillis * 1_000_000 + event index}, the index counting events
 * created in this block from 0; at most {@link #EVENTS_PER_BLOCK_MAX} per block.
 */
final class BlockContext {
  static final int EVENTS_PER_BLOCK_MAX = 999_999;
  static final long TIMESTAMP_PER_MILLISECOND = 1_000_000L;

  private final StateRecords records;
  private final GovernanceRules rules;
  private final VaultRules vaultRules;
  private final long height;
  private final long ledgerTimeMillis;
  private int eventIndex;

  BlockContext(StateRecords records, GovernanceRules rules, VaultRules vaultRules, long height,
      long ledgerTimeMillis) {
    this.records = records;
    this.rules = rules;
    this.vaultRules = vaultRules;
    this.height = height;
    this.ledgerTimeMillis = ledgerTimeMillis;
  }

  StateRecords records() {
    return records;
  }

  GovernanceRules rules() {
    return rules;
  }

  VaultRules vaultRules() {
    return vaultRules;
  }

  long height() {
    return height;
  }

  long ledgerTimeMillis() {
    return ledgerTimeMillis;
  }

  /** True iff {@code events} more events fit in this block. */
  boolean hasRoomFor(int events) {
    return (long) eventIndex + events <= EVENTS_PER_BLOCK_MAX;
  }

  long nextTimestamp() {
    if (eventIndex >= EVENTS_PER_BLOCK_MAX) {
      throw new IllegalStateException("event index overflow; callers check hasRoomFor");
    }
    return ledgerTimeMillis * TIMESTAMP_PER_MILLISECOND + eventIndex++;
  }

  /** A mark covering the working state and the event counter. */
  long savepoint() {
    return ((long) records.state().savepoint() << 20) | eventIndex;
  }

  void rollback(long savepoint) {
    records.state().rollback((int) (savepoint >>> 20));
    eventIndex = (int) (savepoint & 0xFFFFF);
  }
}
