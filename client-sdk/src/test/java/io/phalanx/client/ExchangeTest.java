package io.phalanx.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.phalanx.protocol.BlockHeader;
import io.phalanx.protocol.CertifiedBlock;
import io.phalanx.protocol.ClientReply;
import io.phalanx.protocol.CommitCertificate;
import io.phalanx.protocol.GetBlock;
import io.phalanx.protocol.LedgerOperation;
import io.phalanx.protocol.LedgerResult;
import io.phalanx.protocol.LookupAccounts;
import io.phalanx.protocol.SignedEnvelope;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExchangeTest {
  @Test
  void orderedRepliesMatchOnResultBytesAndTheViewLearnedIsTheLowestAgreeing() {
    Exchange exchange = exchange(PendingCall.Kind.QUERY, ReplyQuorum.ordered(4));
    ByteString truth = ByteString.copyFromUtf8("truth");

    assertEquals(Optional.empty(), exchange.add(3, reply(3, 99, ByteString.copyFromUtf8("lie"))));
    assertEquals(Optional.empty(), exchange.add(0, reply(0, 7, truth)));
    ClientReply agreed = exchange.add(1, reply(1, 5, truth)).orElseThrow();

    assertEquals(truth, agreed.getResult());
    assertEquals(5, exchange.agreedView(exchange.matchKey(truth)));
  }

  @Test
  void aReplicaVotesOnceEvenIfItRepeatsItself() {
    Exchange exchange = exchange(PendingCall.Kind.QUERY, ReplyQuorum.ordered(4));
    ByteString lie = ByteString.copyFromUtf8("lie");

    exchange.add(3, reply(3, 0, lie));
    assertEquals(Optional.empty(), exchange.add(3, reply(3, 0, lie)));
  }

  @Test
  void blockRepliesMatchDespiteDifferentCertificatesButNotDifferentHeaders() {
    Exchange exchange = exchange(PendingCall.Kind.BLOCK, ReplyQuorum.ordered(4));

    assertEquals(Optional.empty(), exchange.add(0, reply(0, 0, block(3, 0))));
    assertEquals(Optional.empty(), exchange.add(2, reply(2, 0, block(4, 2))));
    assertTrue(exchange.add(1, reply(1, 0, block(3, 1))).isPresent());
  }

  @Test
  void aReadOnlyQuorumBecomesImpossibleWhenReplicasDisagree() {
    Exchange exchange = exchange(PendingCall.Kind.QUERY, ReplyQuorum.readOnly(4));

    exchange.add(0, reply(0, 0, ByteString.copyFromUtf8("a")));
    exchange.add(1, reply(1, 0, ByteString.copyFromUtf8("a")));
    exchange.add(2, reply(2, 0, ByteString.copyFromUtf8("b")));
    assertEquals(false, exchange.isImpossible());
    exchange.add(3, reply(3, 0, ByteString.copyFromUtf8("b")));
    assertEquals(true, exchange.isImpossible());
  }

  private static ByteString block(long height, int certifiedBy) {
    return LedgerResult.newBuilder().setBlock(CertifiedBlock.newBuilder()
        .setHeader(BlockHeader.newBuilder().setHeight(height).build().toByteString())
        .setCertificate(CommitCertificate.newBuilder()
            .addCommits(SignedEnvelope.newBuilder().setSenderId(certifiedBy))))
        .build().toByteString();
  }

  private static ClientReply reply(int replica, long view, ByteString result) {
    return ClientReply.newBuilder().setReplica(replica).setView(view).setTimestamp(1)
        .setResult(result).build();
  }

  private static Exchange exchange(PendingCall.Kind kind, ReplyQuorum quorum) {
    LedgerOperation operation = kind == PendingCall.Kind.BLOCK
        ? LedgerOperation.newBuilder().setGetBlock(GetBlock.newBuilder().setHeight(3)).build()
        : LedgerOperation.newBuilder().setLookupAccounts(LookupAccounts.getDefaultInstance())
            .build();
    PendingCall<?> call = new PendingCall<>(kind, operation, 0, false, result -> result,
        Runnable::run);
    return new Exchange(1, new byte[0], true, List.of(call), quorum, 0, 1);
  }
}
