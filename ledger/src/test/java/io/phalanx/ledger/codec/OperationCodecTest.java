package io.phalanx.ledger.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import io.phalanx.crypto.Bytes;
import io.phalanx.ledger.state.Account;
import io.phalanx.ledger.state.GovernanceProposal;
import io.phalanx.ledger.state.Operation;
import io.phalanx.ledger.state.Transfer;
import io.phalanx.ledger.state.Uint128;
import io.phalanx.protocol.Governance;
import io.phalanx.protocol.LedgerOperation;
import io.phalanx.protocol.RemoveMember;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationCodecTest {

  @Test
  void recordsSurviveTheProtobufRoundTripWithUnsignedAmounts() {
    Account account = new Account(new Uint128(-1L, 7), 3, 2, 16, -1L, 1, 2, 3,
        new Uint128(5, 6), -9L, -1, 4, 1234);
    Transfer transfer = new Transfer(Uint128.of(1), Uint128.of(2), Uint128.of(3), -1L,
        Uint128.of(4), new Uint128(-1L, -2L), 5, -6, -7, 8, 9, 10, 11);

    assertEquals(account, RecordMessages.fromProto(RecordMessages.toProto(account)));
    assertEquals(transfer, RecordMessages.fromProto(RecordMessages.toProto(transfer)));
  }

  @Test
  void governanceKeepsTheExactProposalBytes() throws Exception {
    ByteString proposal = io.phalanx.protocol.GovernanceProposal.newBuilder().setProposalId(9)
        .setRemoveMember(RemoveMember.newBuilder().setMemberId(4)).build().toByteString();
    LedgerOperation operation = LedgerOperation.newBuilder().setGovernance(
        Governance.newBuilder().setProposal(proposal)).build();

    Operation.Governance decoded = (Operation.Governance) OperationCodec.decode(
        Bytes.wrapOwned(operation.toByteArray()));
    assertEquals(Bytes.of(proposal.toByteArray()), decoded.proposalBytes());
    assertEquals(new GovernanceProposal(9, new GovernanceProposal.RemoveMember(4)),
        decoded.proposal());
    assertEquals(List.of(), decoded.approvals());
  }

  @Test
  void emptyOrUnparsableOperationsAreMalformed() {
    LedgerOperation noAction = LedgerOperation.newBuilder().setGovernance(Governance.newBuilder()
        .setProposal(io.phalanx.protocol.GovernanceProposal.newBuilder().setProposalId(1).build()
            .toByteString())).build();
    LedgerOperation badProposal = LedgerOperation.newBuilder().setGovernance(
        Governance.newBuilder().setProposal(ByteString.copyFrom(new byte[] {(byte) 0xff})))
        .build();

    assertThrows(MalformedOperationException.class, () -> OperationCodec.decode(Bytes.empty()));
    assertThrows(MalformedOperationException.class, () -> OperationCodec.decode(noAction));
    assertThrows(MalformedOperationException.class, () -> OperationCodec.decode(badProposal));
  }
}
