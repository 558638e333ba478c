package io.phalanx.ledger;

import io.phalanx.crypto.Bytes;
import io.phalanx.ledger.codec.MalformedOperationException;
import io.phalanx.ledger.codec.OperationCodec;
import io.phalanx.ledger.codec.ResultCodec;
import io.phalanx.ledger.state.BlockExecution;
import io.phalanx.ledger.state.ClientEntry;
import io.phalanx.ledger.state.Operation;
import io.phalanx.ledger.state.ResultCode;
import java.util.Optional;

/**
 * One ordered request, with exactly-once semantics from the replicated client table: a
 * timestamp below the client's last executed one is skipped ({@link ResultCode#STALE_REQUEST},
 * not recorded), an equal one gets the cached reply again, only a greater one executes. The
 * reply of every executed request of a member is recorded, in the same block.
 */
final class RequestExecution {
  private RequestExecution() {}

  static Bytes execute(BlockExecution execution, LedgerRequest request) {
    Optional<ClientEntry> entry = execution.clientEntry(request.clientId());
    if (entry.isPresent()) {
      int order = Long.compareUnsigned(request.timestamp(), entry.get().lastTimestamp());
      if (order < 0) {
        return ResultCodec.rejected(ResultCode.STALE_REQUEST);
      }
      if (order == 0) {
        return entry.get().reply();
      }
    }
    Bytes reply = reply(execution, request);
    if (execution.member(request.clientId()).isPresent()) {
      execution.recordReply(request.clientId(), request.timestamp(), reply);
    }
    return reply;
  }

  private static Bytes reply(BlockExecution execution, LedgerRequest request) {
    Operation operation;
    try {
      operation = OperationCodec.decode(request.operation());
    } catch (MalformedOperationException e) {
      return ResultCodec.rejected(ResultCode.MALFORMED_OPERATION);
    }
    if (operation instanceof Operation.GetBlock) {
      // Replicas that caught up by snapshot lack old blocks: answering here would diverge.
      return ResultCodec.rejected(ResultCode.UNSUPPORTED_OPERATION);
    }
    return ResultCodec.encode(execution.execute(request.clientId(), operation));
  }
}
