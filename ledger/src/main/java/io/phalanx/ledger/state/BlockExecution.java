package io.phalanx.ledger.state;

import io.phalanx.crypto.Bytes;
import io.phalanx.ledger.store.LedgerStorageException;
import io.phalanx.ledger.store.LedgerStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The execution of one block against the state: the pure, deterministic ledger state machine.
 * Reads the store, buffers its writes, and returns them with the new state digest from
 * {@link #finish}; it never writes to the store itself.
 *
 * <p>Ledger time: a batch with a later time than the state's advances it and first expires due
 * pending transfers; a batch with time 0 (a null batch) or a non-increasing time keeps the
 * previous time, except that executing requests at an unchanged time would repeat timestamps, so
 * then the time advances by one millisecond. A proposed time above {@link #TIME_MILLIS_MAX}
 * counts as non-increasing. Single-threaded.
 */
public final class BlockExecution {
  /** The latest ledger time whose timestamps (time x 1,000,000 + index) fit in a long. */
  public static final long TIME_MILLIS_MAX = (Long.MAX_VALUE - BlockContext.EVENTS_PER_BLOCK_MAX)
      / BlockContext.TIMESTAMP_PER_MILLISECOND;
  private final StateRecords records;
  private final BlockContext context;
  private final int expiredCount;

  private BlockExecution(StateRecords records, BlockContext context, int expiredCount) {
    this.records = records;
    this.context = context;
    this.expiredCount = expiredCount;
  }

  /**
   * Starts block {@code sequence} at {@code proposedTimeMillis}, expiring what is due.
   *
   * @param requestCount how many requests the block carries (decides the time rule above)
   */
  public static BlockExecution begin(LedgerStore store, GovernanceRules rules, long sequence,
      long proposedTimeMillis, int requestCount) {
    return begin(store, rules, VaultRules.DISABLED, sequence, proposedTimeMillis, requestCount);
  }

  /** Like the other {@code begin}, with the vault enabled by {@code vaultRules}. */
  public static BlockExecution begin(LedgerStore store, GovernanceRules rules,
      VaultRules vaultRules, long sequence, long proposedTimeMillis, int requestCount) {
    StateRecords records = new StateRecords(new WorkingState(store));
    long previousSequence = records.lastSequence();
    if (sequence != previousSequence + 1) {
      throw new IllegalArgumentException("block " + sequence + " after " + previousSequence);
    }
    long previousTime = records.ledgerTimeMillis();
    long time = previousTime;
    if (proposedTimeMillis > previousTime && proposedTimeMillis <= TIME_MILLIS_MAX) {
      time = proposedTimeMillis;
    } else if (requestCount > 0) {
      time = previousTime + 1;
    }
    records.putLastSequence(sequence);
    records.putLedgerTimeMillis(time);
    BlockContext context = new BlockContext(records, rules, vaultRules, sequence, time);
    int expired = time > previousTime ? PendingExpiry.run(context) : 0;
    return new BlockExecution(records, context, expired);
  }

  /** The ledger time this block executes at. */
  public long ledgerTimeMillis() {
    return context.ledgerTimeMillis();
  }

  public int expiredCount() {
    return expiredCount;
  }

  public Optional<ClientEntry> clientEntry(long clientId) {
    return records.client(clientId);
  }

  public Optional<Member> member(long memberId) {
    return records.member(memberId);
  }

  /** Stores the reply for the client's request {@code timestamp} in the exactly-once table. */
  public void recordReply(long clientId, long timestamp, Bytes reply) {
    records.putClient(clientId, new ClientEntry(timestamp, reply));
  }

  /**
   * Executes {@code operation} for member {@code callerId}. Never throws for any operation: a
   * refused one answers {@link Outcome.Rejected} and changes nothing.
   */
  public Outcome execute(long callerId, Operation operation) {
    Objects.requireNonNull(operation, "operation");
    Optional<Member> caller = records.member(callerId);
    if (caller.isEmpty()) {
      return new Outcome.Rejected(ResultCode.NOT_MEMBER);
    }
    long savepoint = context.savepoint();
    try {
      return dispatch(caller.get(), operation);
    } catch (LedgerStorageException e) {
      throw e;
    } catch (RuntimeException e) {
      context.rollback(savepoint);
      return new Outcome.Rejected(ResultCode.MALFORMED_OPERATION);
    }
  }

  private Outcome dispatch(Member caller, Operation operation) {
    if (operation instanceof Operation.CreateAccounts create) {
      return runEvents(create.accounts(), account -> account.hasFlag(AccountFlags.LINKED),
          account -> AccountCreation.create(context, caller, account));
    }
    if (operation instanceof Operation.CreateTransfers create) {
      return runEvents(create.transfers(), transfer -> transfer.hasFlag(TransferFlags.LINKED),
          transfer -> TransferCreation.create(context, caller, transfer));
    }
    if (operation instanceof Operation.Governance governance) {
      return new Outcome.GovernanceResult(GovernanceExecution.execute(context, governance));
    }
    if (operation instanceof Operation.VaultPut || operation instanceof Operation.VaultGet
        || operation instanceof Operation.VaultRefresh
        || operation instanceof Operation.VaultDelete) {
      return new VaultExecution(context).execute(caller, operation);
    }
    if (operation instanceof Operation.Unsupported) {
      return new Outcome.Rejected(ResultCode.UNSUPPORTED_OPERATION);
    }
    return ReadOnlyQueries.answer(records, caller.id(), operation);
  }

  private <T> Outcome runEvents(List<T> events, java.util.function.Predicate<T> linked,
      java.util.function.Function<T, ResultCode> apply) {
    if (events.size() > QueryExecution.RESULTS_MAX || !context.hasRoomFor(events.size())) {
      return new Outcome.Rejected(ResultCode.TOO_MANY_EVENTS);
    }
    return new Outcome.EventResults(EventChains.run(context, events, linked, apply));
  }

  /** The block's state writes and the new state digest; {@code accumulator} is advanced. */
  public StateChanges finish(StateDigestAccumulator accumulator) {
    return records.state().finish(accumulator);
  }
}
