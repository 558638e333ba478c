package io.phalanx.ledger;

import com.google.protobuf.ByteString;
import io.phalanx.crypto.Bytes;
import io.phalanx.ledger.codec.RecordMessages;
import io.phalanx.ledger.state.Account;
import io.phalanx.ledger.state.Transfer;
import io.phalanx.ledger.state.Uint128;
import io.phalanx.protocol.CreateAccounts;
import io.phalanx.protocol.CreateTransfers;
import io.phalanx.protocol.GetAccountBalances;
import io.phalanx.protocol.GetAccountTransfers;
import io.phalanx.protocol.GetBlock;
import io.phalanx.protocol.GetReceipt;
import io.phalanx.protocol.Governance;
import io.phalanx.protocol.GovernanceApproval;
import io.phalanx.protocol.GovernanceProposal;
import io.phalanx.protocol.LedgerOperation;
import io.phalanx.protocol.LookupAccounts;
import io.phalanx.protocol.LookupTransfers;
import java.util.List;

/** Serialised LedgerOperations for tests, as a client would send them. */
public final class Operations {
  private Operations() {}

  public static Bytes bytes(LedgerOperation operation) {
    return Bytes.wrapOwned(operation.toByteArray());
  }

  public static Bytes createAccounts(List<Account> accounts) {
    return bytes(LedgerOperation.newBuilder().setCreateAccounts(CreateAccounts.newBuilder()
        .addAllAccounts(accounts.stream().map(RecordMessages::toProto).toList())).build());
  }

  public static Bytes createAccounts(Account... accounts) {
    return createAccounts(List.of(accounts));
  }

  public static Bytes createTransfers(List<Transfer> transfers) {
    return bytes(LedgerOperation.newBuilder().setCreateTransfers(CreateTransfers.newBuilder()
        .addAllTransfers(transfers.stream().map(RecordMessages::toProto).toList())).build());
  }

  public static Bytes createTransfers(Transfer... transfers) {
    return createTransfers(List.of(transfers));
  }

  public static Bytes lookupAccounts(Uint128... ids) {
    return bytes(LedgerOperation.newBuilder().setLookupAccounts(LookupAccounts.newBuilder()
        .addAllIds(List.of(ids).stream().map(RecordMessages::toProto).toList())).build());
  }

  public static Bytes lookupTransfers(Uint128... ids) {
    return bytes(LedgerOperation.newBuilder().setLookupTransfers(LookupTransfers.newBuilder()
        .addAllIds(List.of(ids).stream().map(RecordMessages::toProto).toList())).build());
  }

  public static Bytes accountTransfers(Uint128 account, long min, long max, int limit,
      boolean reversed) {
    return bytes(LedgerOperation.newBuilder().setGetAccountTransfers(GetAccountTransfers
        .newBuilder().setAccountId(RecordMessages.toProto(account)).setTimestampMin(min)
        .setTimestampMax(max).setLimit(limit).setReversed(reversed)).build());
  }

  public static Bytes accountBalances(Uint128 account, int limit) {
    return bytes(LedgerOperation.newBuilder().setGetAccountBalances(GetAccountBalances
        .newBuilder().setAccountId(RecordMessages.toProto(account)).setLimit(limit)).build());
  }

  public static Bytes getBlock(long height) {
    return bytes(LedgerOperation.newBuilder().setGetBlock(GetBlock.newBuilder()
        .setHeight(height)).build());
  }

  public static Bytes getReceipt(Uint128 transfer) {
    return bytes(LedgerOperation.newBuilder().setGetReceipt(GetReceipt.newBuilder()
        .setTransferId(RecordMessages.toProto(transfer))).build());
  }

  /** A governance operation approved (signed over the exact proposal bytes) by {@code orgs}. */
  public static Bytes governance(GovernanceProposal proposal, String... organisations) {
    ByteString proposalBytes = proposal.toByteString();
    Governance.Builder governance = Governance.newBuilder().setProposal(proposalBytes);
    for (String organisation : organisations) {
      governance.addApprovals(GovernanceApproval.newBuilder().setOrganisation(organisation)
          .setSignature(ByteString.copyFrom(TestConsortium.organisationKey(organisation)
              .sign(proposalBytes.toByteArray()).toByteArray())));
    }
    return bytes(LedgerOperation.newBuilder().setGovernance(governance).build());
  }
}
