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

  /**
   * Stores a new secret or a new version of one (owner only).
   *
   * @param commitments FeldmanCommitments encoding
   * @param shares one SealedBox encoding per replica, by replica index
   * @param version the version this put creates (1 for a new name)
   */
  record VaultPut(String name, VaultPolicy policy, int threshold, Bytes commitments,
      List<Bytes> shares, Bytes encryptedSecret, long version) implements Operation {
    public VaultPut {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(commitments, "commitments");
      Objects.requireNonNull(encryptedSecret, "encryptedSecret");
      shares = List.copyOf(shares);
    }

    @Override
    public boolean isReadOnly() {
      return false;
    }
  }

  /** A read: checked against the policy and always recorded, so never read-only. */
  record VaultGet(String name, Bytes ephemeralPublicKey) implements Operation {
    public VaultGet {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(ephemeralPublicKey, "ephemeralPublicKey");
    }

    @Override
    public boolean isReadOnly() {
      return false;
    }
  }

  /** Re-randomises the shares: a sharing of zero, one delta box per replica (owner only). */
  record VaultRefresh(String name, long version, Bytes commitments, List<Bytes> deltas)
      implements Operation {
    public VaultRefresh {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(commitments, "commitments");
      deltas = List.copyOf(deltas);
    }

    @Override
    public boolean isReadOnly() {
      return false;
    }
  }

  record VaultDelete(String name) implements Operation {
    public VaultDelete {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public boolean isReadOnly() {
      return false;
    }
  }

  /** Version, threshold and the access log after {@code accessesAfter}, at most the limit. */
  record VaultStatus(String name, long accessesAfter, int accessesLimit) implements Operation {
    public VaultStatus {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public boolean isReadOnly() {
      return true;
    }
  }

  /** An operation this ledger does not execute (unknown kinds): answered UNSUPPORTED_OPERATION. */
  record Unsupported(String kind) implements Operation {
    @Override
    public boolean isReadOnly() {
      return true;
    }
  }
}
