package io.phalanx.ledger.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import io.phalanx.crypto.Bytes;
import io.phalanx.ledger.state.GovernanceApproval;
import io.phalanx.ledger.state.GovernanceProposal;
import io.phalanx.ledger.state.Operation;
import io.phalanx.protocol.LedgerOperation;
import java.util.ArrayList;
import java.util.List;

/** Serialised {@code LedgerOperation} bytes to an {@link Operation} record, and back. */
public final class OperationCodec {
  private OperationCodec() {}

  /** Decodes {@code bytes}; never throws anything but {@link MalformedOperationException}. */
  public static Operation decode(Bytes bytes) throws MalformedOperationException {
    LedgerOperation operation;
    try {
      operation = LedgerOperation.parseFrom(bytes.toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw new MalformedOperationException("not a LedgerOperation", e);
    }
    return decode(operation);
  }

  public static Operation decode(LedgerOperation operation) throws MalformedOperationException {
    return switch (operation.getKindCase()) {
      case CREATE_ACCOUNTS -> new Operation.CreateAccounts(operation.getCreateAccounts()
          .getAccountsList().stream().map(RecordMessages::fromProto).toList());
      case CREATE_TRANSFERS -> new Operation.CreateTransfers(operation.getCreateTransfers()
          .getTransfersList().stream().map(RecordMessages::fromProto).toList());
      case LOOKUP_ACCOUNTS -> new Operation.LookupAccounts(operation.getLookupAccounts()
          .getIdsList().stream().map(RecordMessages::fromProto).toList());
      case LOOKUP_TRANSFERS -> new Operation.LookupTransfers(operation.getLookupTransfers()
          .getIdsList().stream().map(RecordMessages::fromProto).toList());
      case GET_ACCOUNT_TRANSFERS -> accountTransfers(operation.getGetAccountTransfers());
      case GET_ACCOUNT_BALANCES -> accountBalances(operation.getGetAccountBalances());
      case GET_BLOCK -> new Operation.GetBlock(operation.getGetBlock().getHeight());
      case GET_RECEIPT -> new Operation.GetReceipt(
          RecordMessages.fromProto(operation.getGetReceipt().getTransferId()));
      case GOVERNANCE -> governance(operation.getGovernance());
      case VAULT_PUT -> VaultMessages.put(operation.getVaultPut());
      case VAULT_GET -> VaultMessages.get(operation.getVaultGet());
      case VAULT_REFRESH -> VaultMessages.refresh(operation.getVaultRefresh());
      case VAULT_DELETE -> new Operation.VaultDelete(operation.getVaultDelete().getName());
      case VAULT_STATUS -> new Operation.VaultStatus(operation.getVaultStatus().getName(),
          operation.getVaultStatus().getAccessesAfter(),
          operation.getVaultStatus().getAccessesLimit());
      case KIND_NOT_SET -> throw new MalformedOperationException("no operation set");
    };
  }

  private static Operation accountTransfers(io.phalanx.protocol.GetAccountTransfers query) {
    return new Operation.AccountTransfers(RecordMessages.fromProto(query.getAccountId()),
        query.getTimestampMin(), query.getTimestampMax(), query.getLimit(), query.getReversed());
  }

  private static Operation accountBalances(io.phalanx.protocol.GetAccountBalances query) {
    return new Operation.AccountBalances(RecordMessages.fromProto(query.getAccountId()),
        query.getTimestampMin(), query.getTimestampMax(), query.getLimit(), query.getReversed());
  }

  private static Operation governance(io.phalanx.protocol.Governance governance)
      throws MalformedOperationException {
    Bytes proposalBytes = Bytes.of(governance.getProposal().toByteArray());
    io.phalanx.protocol.GovernanceProposal proposal;
    try {
      proposal = io.phalanx.protocol.GovernanceProposal.parseFrom(governance.getProposal());
    } catch (InvalidProtocolBufferException e) {
      throw new MalformedOperationException("not a GovernanceProposal", e);
    }
    List<GovernanceApproval> approvals = new ArrayList<>();
    for (io.phalanx.protocol.GovernanceApproval approval : governance.getApprovalsList()) {
      approvals.add(new GovernanceApproval(approval.getOrganisation(),
          Bytes.of(approval.getSignature().toByteArray())));
    }
    return new Operation.Governance(proposalBytes,
        new GovernanceProposal(proposal.getProposalId(), action(proposal)), approvals);
  }

  private static GovernanceProposal.Action action(io.phalanx.protocol.GovernanceProposal proposal)
      throws MalformedOperationException {
    return switch (proposal.getActionCase()) {
      case ADD_MEMBER -> new GovernanceProposal.AddMember(proposal.getAddMember().getMemberId(),
          proposal.getAddMember().getOrganisation(),
          Bytes.of(proposal.getAddMember().getPublicKey().toByteArray()),
          proposal.getAddMember().getRolesList());
      case REMOVE_MEMBER -> new GovernanceProposal.RemoveMember(
          proposal.getRemoveMember().getMemberId());
      case SET_ROLES -> new GovernanceProposal.SetRoles(proposal.getSetRoles().getMemberId(),
          proposal.getSetRoles().getRolesList());
      case ACTION_NOT_SET -> throw new MalformedOperationException("proposal without action");
    };
  }
}
