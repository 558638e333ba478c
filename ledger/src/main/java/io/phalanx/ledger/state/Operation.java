package io.phalanx.ledger.state;

import io.phalanx.crypto.Bytes;
import java.util.List;
import java.util.Objects;

/**
 * A decoded ledger operation. Mutating operations change state only when ordered (executed in a
 * block); the others are read-only and may also run on the query path.
 */
public sealed interface Operation {

  /** True iff executing this operation never changes state. */
  boolean isReadOnly();

  record CreateAccounts(List<Account> accounts) implements Operation {
    public CreateAccounts {
      accounts = List.copyOf(accounts);
    }

    @Override
    public boolean isReadOnly() {
      return false;
    }
  }

  record CreateTransfers(List<Transfer> transfers) implements Operation {
    public CreateTransfers {
      transfers = List.copyOf(transfers);
    }

    @Override
    public boolean isReadOnly() {
      return false;
    }
  }

  record LookupAccounts(List<Uint128> ids) implements Operation {
    public LookupAccounts {
      ids = List.copyOf(ids);
    }

    @Override
    public boolean isReadOnly() {
      return true;
    }
  }

  record LookupTransfers(List<Uint128> ids) implements Operation {
    public LookupTransfers {
      ids = List.copyOf(ids);
    }

    @Override
    public boolean isReadOnly() {
      return true;
    }
  }

  /**
   * An account's transfers (as debit or credit) with timestamps in [timestampMin, timestampMax]
   * (timestampMax 0 = unbounded), oldest first unless reversed, at most limit (0 = the maximum).
   */
  record AccountTransfers(Uint128 accountId, long timestampMin, long timestampMax, int limit,
      boolean reversed) implements Operation {
    public AccountTransfers {
      Objects.requireNonNull(accountId, "accountId");
    }

    @Override
    public boolean isReadOnly() {
      return true;
    }
  }

  /** Balance history of a HISTORY account, same paging as {@link AccountTransfers}. */
  record AccountBalances(Uint128 accountId, long timestampMin, long timestampMax, int limit,
      boolean reversed) implements Operation {
    public AccountBalances {
      Objects.requireNonNull(accountId, "accountId");
    }

    @Override
    public boolean isReadOnly() {
      return true;
    }
  }

  record GetBlock(long height) implements Operation {
    @Override
    public boolean isReadOnly() {
      return true;
    }
  }

  record GetReceipt(Uint128 transferId) implements Operation {
    public GetReceipt {
      Objects.requireNonNull(transferId, "transferId");
    }

    @Override
    public boolean isReadOnly() {
      return true;
    }
  }

  /**
   * A governance proposal with organisations' approvals; each approval signs exactly
   * {@code proposalBytes}.
   */
  record Governance(Bytes proposalBytes, GovernanceProposal proposal,
      List<GovernanceApproval> approvals) implements Operation {
    public Governance {
      Objects.requireNonNull(proposalBytes, "proposalBytes");
      Objects.requireNonNull(proposal, "proposal");
      approvals = List.copyOf(approvals);
    }

    @Override
    public boolean isReadOnly() {
      return false;
    }
  }

  /** An operation this ledger does not execute (the vault's): answered UNSUPPORTED_OPERATION. */
  record Unsupported(String kind) implements Operation {
    @Override
    public boolean isReadOnly() {
      return true;
    }
  }
}
