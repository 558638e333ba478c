package io.phalanx.ledger.codec;

import io.phalanx.crypto.Bytes;
import io.phalanx.ledger.state.Outcome;
import io.phalanx.ledger.state.ResultCode;
import io.phalanx.protocol.Accounts;
import io.phalanx.protocol.Balances;
import io.phalanx.protocol.CreateResults;
import io.phalanx.protocol.EventResult;
import io.phalanx.protocol.GovernanceResult;
import io.phalanx.protocol.LedgerResult;
import io.phalanx.protocol.Receipt;
import io.phalanx.protocol.Transfers;
import java.util.List;

/** {@link Outcome} records to serialised {@code LedgerResult} bytes. */
public final class ResultCodec {
  private ResultCodec() {}

  public static Bytes encode(Outcome outcome) {
    return Bytes.wrapOwned(toProto(outcome).toByteArray());
  }

  public static Bytes rejected(ResultCode code) {
    return encode(new Outcome.Rejected(code));
  }

  public static LedgerResult toProto(Outcome outcome) {
    LedgerResult.Builder result = LedgerResult.newBuilder();
    if (outcome instanceof Outcome.EventResults events) {
      result.setCreateResults(createResults(events.codes()));
    } else if (outcome instanceof Outcome.Accounts accounts) {
      result.setAccounts(Accounts.newBuilder().addAllAccounts(
          accounts.accounts().stream().map(RecordMessages::toProto).toList()));
    } else if (outcome instanceof Outcome.Transfers transfers) {
      result.setTransfers(Transfers.newBuilder().addAllTransfers(
          transfers.transfers().stream().map(RecordMessages::toProto).toList()));
    } else if (outcome instanceof Outcome.Balances balances) {
      result.setBalances(Balances.newBuilder().addAllBalances(
          balances.balances().stream().map(RecordMessages::toProto).toList()));
    } else if (outcome instanceof Outcome.Receipt receipt) {
      result.setReceipt(Receipt.newBuilder()
          .setTransfer(RecordMessages.toProto(receipt.transfer()))
          .setBlockHeight(receipt.blockHeight()).setSequence(receipt.blockHeight()));
    } else if (outcome instanceof Outcome.GovernanceResult governance) {
      result.setGovernance(GovernanceResult.newBuilder().setCode(governance.code().code()));
    } else if (outcome instanceof Outcome.Vault vault) {
      result.setVault(VaultMessages.result(vault));
    } else if (outcome instanceof Outcome.Rejected rejected) {
      result.setRejectedCode(rejected.code().code());
    } else {
      // Java 17 has no exhaustive pattern switch: a new Outcome must fail loudly here.
      throw new IllegalStateException("no encoding for " + outcome.getClass());
    }
    return result.build();
  }

  private static CreateResults createResults(List<ResultCode> codes) {
    CreateResults.Builder results = CreateResults.newBuilder();
    for (int i = 0; i < codes.size(); i++) {
      results.addResults(EventResult.newBuilder().setIndex(i).setCode(codes.get(i).code()));
    }
    return results.build();
  }
}
