package io.phalanx.ledger.state;

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
}
