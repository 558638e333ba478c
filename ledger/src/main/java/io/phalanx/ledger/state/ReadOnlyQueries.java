package io.phalanx.ledger.state;

import io.phalanx.ledger.store.LedgerStore;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The read-only query path: answers a read-only {@link Operation} against the current state
 * without changing anything. {@link Operation.GetBlock} is answered by the ledger facade, which
 * owns blocks; here it is refused.
 */
public final class ReadOnlyQueries {
  private ReadOnlyQueries() {}

  /** Answers {@code operation} for {@code callerId} from {@code store}. Never throws. */
  public static Outcome query(LedgerStore store, long callerId, Operation operation) {
    StateRecords records = new StateRecords(new WorkingState(store));
    if (records.member(callerId).isEmpty()) {
      return new Outcome.Rejected(ResultCode.NOT_MEMBER);
    }
    if (!operation.isReadOnly()) {
      return new Outcome.Rejected(ResultCode.NOT_READ_ONLY);
    }
    try {
      return answer(records, callerId, operation);
    } catch (io.phalanx.ledger.store.LedgerStorageException e) {
      throw e;
    } catch (RuntimeException e) {
      return new Outcome.Rejected(ResultCode.MALFORMED_OPERATION);
    }
  }

  /** A member of the current state. */
  /**
   * The whole exactly-once table, by client id: what a replica that caught up by state transfer
   * hands its PBFT core so that requests executed inside the transferred range are known.
   */
  public static SortedMap<Long, ClientEntry> clientTable(LedgerStore store) {
    SortedMap<Long, ClientEntry> table = new TreeMap<>();
    io.phalanx.crypto.Bytes from = StateKeys.client(0);
    io.phalanx.crypto.Bytes end = StateKeys.client(Long.MAX_VALUE);
    while (true) {
      java.util.List<io.phalanx.ledger.store.StoreEntry> chunk = store.scan(from, end, false, 1024);
      for (io.phalanx.ledger.store.StoreEntry entry : chunk) {
        table.put(StateKeys.clientIdOf(entry.key()), RecordEncoding.decodeClient(entry.value()));
      }
      if (chunk.size() < 1024) {
        return table;
      }
      from = StateKeys.client(StateKeys.clientIdOf(chunk.get(chunk.size() - 1).key()) + 1);
    }
  }

  /** The stored vault secret {@code name} (sealed shares, commitments), if any. */
  public static Optional<VaultRecord> vault(LedgerStore store, String name) {
    return new StateRecords(new WorkingState(store)).vault(name);
  }

  public static Optional<Member> member(LedgerStore store, long memberId) {
    return new StateRecords(new WorkingState(store)).member(memberId);
  }

  /** The last executed sequence recorded in the state (0 before the first block). */
  public static long lastSequence(LedgerStore store) {
    return new StateRecords(new WorkingState(store)).lastSequence();
  }

  /** The ledger time of the last block (the genesis time before the first). */
  public static long ledgerTimeMillis(LedgerStore store) {
    return new StateRecords(new WorkingState(store)).ledgerTimeMillis();
  }

  static Outcome answer(StateRecords records, long callerId, Operation operation) {
    if (operation instanceof Operation.VaultStatus status) {
      return VaultExecution.status(records, callerId, status);
    }
    if (operation instanceof Operation.LookupAccounts lookup) {
      return QueryExecution.lookupAccounts(records, lookup.ids());
    }
    if (operation instanceof Operation.LookupTransfers lookup) {
      return QueryExecution.lookupTransfers(records, lookup.ids());
    }
    if (operation instanceof Operation.AccountTransfers query) {
      return QueryExecution.accountTransfers(records, query);
    }
    if (operation instanceof Operation.AccountBalances query) {
      return QueryExecution.accountBalances(records, query);
    }
    if (operation instanceof Operation.GetReceipt receipt) {
      return QueryExecution.receipt(records, receipt.transferId());
    }
    return new Outcome.Rejected(ResultCode.UNSUPPORTED_OPERATION);
  }
}
