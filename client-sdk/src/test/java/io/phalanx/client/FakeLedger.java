package io.phalanx.client;

import io.phalanx.protocol.Account;
import io.phalanx.protocol.Accounts;
import io.phalanx.protocol.BlockHeader;
import io.phalanx.protocol.CertifiedBlock;
import io.phalanx.protocol.CreateResults;
import io.phalanx.protocol.EventResult;
import io.phalanx.protocol.LedgerOperation;
import io.phalanx.protocol.LedgerResult;
import io.phalanx.protocol.ResultCode;
import io.phalanx.protocol.Transfer;
import io.phalanx.protocol.Transfers;
import io.phalanx.protocol.Uint128;

/**
 * The answers a correct replica of the scripted cluster gives: deterministic functions of the
 * operation, so every correct replica agrees. A transfer of {@link #TOO_MUCH} or more is refused
 * with exceeds_credits; every other event succeeds.
 */
final class FakeLedger {
  static final long TOO_MUCH = 1_000_000;
  static final long BALANCE = 100;
  /** What a lying replica answers to everything. */
  static final LedgerResult LIE = LedgerResult.newBuilder()
      .setRejectedCode(ResultCode.RESULT_NOT_OWNER_VALUE).build();

  private FakeLedger() {}

  static LedgerResult answer(long clientId, LedgerOperation operation) {
    return switch (operation.getKindCase()) {
      case CREATE_ACCOUNTS -> events(operation.getCreateAccounts().getAccountsCount(), null);
      case CREATE_TRANSFERS -> transfers(operation);
      case LOOKUP_ACCOUNTS -> accounts(clientId, operation);
      case LOOKUP_TRANSFERS -> LedgerResult.newBuilder()
          .setTransfers(Transfers.getDefaultInstance()).build();
      case GET_BLOCK -> LedgerResult.newBuilder().setBlock(CertifiedBlock.newBuilder()
          .setHeader(BlockHeader.newBuilder().setHeight(operation.getGetBlock().getHeight())
              .setSequence(operation.getGetBlock().getHeight()).build().toByteString())).build();
      case GET_RECEIPT -> LedgerResult.newBuilder()
          .setRejectedCode(ResultCode.RESULT_NOT_FOUND_VALUE).build();
      default -> LedgerResult.newBuilder()
          .setRejectedCode(ResultCode.RESULT_UNSUPPORTED_OPERATION_VALUE).build();
    };
  }

  private static LedgerResult transfers(LedgerOperation operation) {
    return events(operation.getCreateTransfers().getTransfersCount(), operation);
  }

  private static LedgerResult events(int count, LedgerOperation transfers) {
    CreateResults.Builder results = CreateResults.newBuilder();
    for (int i = 0; i < count; i++) {
      int code = ResultCode.RESULT_OK_VALUE;
      if (transfers != null) {
        Transfer transfer = transfers.getCreateTransfers().getTransfers(i);
        code = transfer.getAmount() >= TOO_MUCH ? ResultCode.RESULT_EXCEEDS_CREDITS_VALUE : code;
      }
      results.addResults(EventResult.newBuilder().setIndex(i).setCode(code));
    }
    return LedgerResult.newBuilder().setCreateResults(results).build();
  }

  private static LedgerResult accounts(long clientId, LedgerOperation operation) {
    Accounts.Builder accounts = Accounts.newBuilder();
    for (Uint128 id : operation.getLookupAccounts().getIdsList()) {
      accounts.addAccounts(Account.newBuilder().setId(id).setOwner(clientId).setAsset(1)
          .setCode(1).setCreditsPosted(BALANCE));
    }
    return LedgerResult.newBuilder().setAccounts(accounts).build();
  }
}
