package io.phalanx.ledger.state;

import io.phalanx.crypto.Bytes;
import java.util.List;
import java.util.Objects;

/** What executing an {@link Operation} answered; the codec turns it into a LedgerResult. */
public sealed interface Outcome {

  /** One code per event of a create operation, in order. */
  record EventResults(List<ResultCode> codes) implements Outcome {
    public EventResults {
      codes = List.copyOf(codes);
    }
  }

  record Accounts(List<Account> accounts) implements Outcome {
    public Accounts {
      accounts = List.copyOf(accounts);
    }
  }

  record Transfers(List<Transfer> transfers) implements Outcome {
    public Transfers {
      transfers = List.copyOf(transfers);
    }
  }

  record Balances(List<AccountBalance> balances) implements Outcome {
    public Balances {
      balances = List.copyOf(balances);
    }
  }

  /** A transfer with the height of the block that executed it (== its PBFT sequence). */
  record Receipt(Transfer transfer, long blockHeight) implements Outcome {
    public Receipt {
      Objects.requireNonNull(transfer, "transfer");
    }
  }

  record GovernanceResult(ResultCode code) implements Outcome {
    public GovernanceResult {
      Objects.requireNonNull(code, "code");
    }
  }

  /** The request as a whole was refused. */
  record Rejected(ResultCode code) implements Outcome {
    public Rejected {
      Objects.requireNonNull(code, "code");
    }
  }

  /**
   * A vault operation's answer, identical on every replica. {@code commitments} and
   * {@code encryptedSecret} are filled for a get answered OK; {@code accesses} for a status.
   */
  record Vault(ResultCode code, String name, long version, int threshold, Bytes commitments,
      Bytes encryptedSecret, boolean deleted, List<VaultAccess> accesses) implements Outcome {
    public Vault {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(commitments, "commitments");
      Objects.requireNonNull(encryptedSecret, "encryptedSecret");
      accesses = List.copyOf(accesses);
    }

    static Vault of(ResultCode code, String name, long version) {
      return new Vault(code, name, version, 0, Bytes.empty(), Bytes.empty(), false, List.of());
    }
  }
}
