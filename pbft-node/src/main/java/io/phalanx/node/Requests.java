package io.phalanx.node;

import com.google.protobuf.InvalidProtocolBufferException;
import io.phalanx.crypto.Bytes;
import io.phalanx.ledger.LedgerRequest;
import io.phalanx.pbft.core.Batch;
import io.phalanx.pbft.core.ExecutedReply;
import io.phalanx.pbft.core.Request;
import io.phalanx.pbft.core.SignedRequest;
import io.phalanx.protocol.LedgerResult;
import io.phalanx.protocol.ResultCode;
import java.util.ArrayList;
import java.util.List;

/** Conversions between the core's batches and the ledger's requests and results. */
final class Requests {
  private Requests() {}

  static List<LedgerRequest> ledgerRequests(Batch batch) {
    List<LedgerRequest> requests = new ArrayList<>(batch.requests().size());
    for (SignedRequest signed : batch.requests()) {
      Request request = signed.request();
      requests.add(new LedgerRequest(request.clientId(), request.timestamp(), request.operation()));
    }
    return requests;
  }

  /**
   * The replies the core should send and remember: one per executed request, none for a stale
   * timestamp (the ledger skipped it and there is nothing to answer).
   */
  static List<ExecutedReply> replies(Batch batch, List<Bytes> results) {
    return replies(batch, results, java.util.Collections.nCopies(results.size(), Bytes.empty()));
  }

  /** As above, each reply carrying this replica's {@code replicaShares} entry (may be empty). */
  static List<ExecutedReply> replies(Batch batch, List<Bytes> results, List<Bytes> replicaShares) {
    List<ExecutedReply> replies = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      Request request = batch.requests().get(i).request();
      if (!isStale(results.get(i))) {
        replies.add(new ExecutedReply(request.clientId(), request.timestamp(), results.get(i),
            replicaShares.get(i)));
      }
    }
    return replies;
  }

  private static boolean isStale(Bytes result) {
    try {
      LedgerResult decoded = LedgerResult.parseFrom(result.toByteArray());
      return decoded.getKindCase() == LedgerResult.KindCase.REJECTED_CODE
          && decoded.getRejectedCode() == ResultCode.RESULT_STALE_REQUEST_VALUE;
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("the ledger produced a result that does not parse", e);
    }
  }
}
