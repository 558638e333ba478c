package io.phalanx.client;

import io.phalanx.protocol.Account;
import io.phalanx.protocol.AccountBalance;
import io.phalanx.protocol.CertifiedBlock;
import io.phalanx.protocol.EventResult;
import io.phalanx.protocol.LedgerResult;
import io.phalanx.protocol.Receipt;
import io.phalanx.protocol.ResultCode;
import io.phalanx.protocol.Transfer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the consortium's agreed {@link LedgerResult} into what each kind of call returns. */
final class Results {
  private Results() {}

  static List<CreateResult> createResults(LedgerResult result) {
    checkKind(result, LedgerResult.KindCase.CREATE_RESULTS);
    List<CreateResult> results = new ArrayList<>();
    for (EventResult event : result.getCreateResults().getResultsList()) {
      results.add(CreateResult.of(event.getIndex(), event.getCode()));
    }
    return List.copyOf(results);
  }

  static List<Account> accounts(LedgerResult result) {
    checkKind(result, LedgerResult.KindCase.ACCOUNTS);
    return List.copyOf(result.getAccounts().getAccountsList());
  }

  static List<Transfer> transfers(LedgerResult result) {
    checkKind(result, LedgerResult.KindCase.TRANSFERS);
    return List.copyOf(result.getTransfers().getTransfersList());
  }

  static List<AccountBalance> balances(LedgerResult result) {
    checkKind(result, LedgerResult.KindCase.BALANCES);
    return List.copyOf(result.getBalances().getBalancesList());
  }

  static Optional<CertifiedBlock> block(LedgerResult result) {
    if (isNotFound(result)) {
      return Optional.empty();
    }
    checkKind(result, LedgerResult.KindCase.BLOCK);
    return Optional.of(result.getBlock());
  }

  static Optional<Receipt> receipt(LedgerResult result) {
    if (isNotFound(result)) {
      return Optional.empty();
    }
    checkKind(result, LedgerResult.KindCase.RECEIPT);
    return Optional.of(result.getReceipt());
  }

  private static boolean isNotFound(LedgerResult result) {
    return result.hasRejectedCode()
        && result.getRejectedCode() == ResultCode.RESULT_NOT_FOUND_VALUE;
  }

  /** Throws {@link RejectedException} for a refusal, and on a result of another kind. */
  private static void checkKind(LedgerResult result, LedgerResult.KindCase expected) {
    if (result.hasRejectedCode()) {
      int code = result.getRejectedCode();
      throw new RejectedException(code, ResultCodes.name(code), "the consortium refused the request");
    }
    if (result.getKindCase() != expected) {
      throw new PhalanxClientException("expected a " + expected + " result, the consortium agreed on "
          + result.getKindCase());
    }
  }
}
