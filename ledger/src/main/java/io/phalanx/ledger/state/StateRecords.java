package io.phalanx.ledger.state;

import io.phalanx.crypto.Bytes;
import java.util.Optional;

/** Typed access to the records of a {@link WorkingState}. */
final class StateRecords {
  private final WorkingState state;

  StateRecords(WorkingState state) {
    this.state = state;
  }

  WorkingState state() {
    return state;
  }

  Optional<Account> account(Uint128 id) {
    return state.get(StateKeys.account(id)).map(RecordEncoding::decodeAccount);
  }

  void putAccount(Account account) {
    state.put(StateKeys.account(account.id()), RecordEncoding.encode(account));
  }

  Optional<Transfer> transfer(Uint128 id) {
    return state.get(StateKeys.transfer(id)).map(RecordEncoding::decodeTransfer);
  }

  Optional<Outcome.Receipt> receipt(Uint128 id) {
    return state.get(StateKeys.transfer(id)).map(bytes -> new Outcome.Receipt(
        RecordEncoding.decodeTransfer(bytes), RecordEncoding.decodeTransferHeight(bytes)));
  }

  void putTransfer(Transfer transfer, long blockHeight) {
    state.put(StateKeys.transfer(transfer.id()), RecordEncoding.encode(transfer, blockHeight));
  }

  Optional<PendingStatus> pendingStatus(Uint128 id) {
    return state.get(StateKeys.pendingStatus(id)).map(RecordEncoding::decodeStatus);
  }

  void putPendingStatus(Uint128 id, PendingStatus status) {
    state.put(StateKeys.pendingStatus(id), RecordEncoding.encode(status));
  }

  Optional<Member> member(long id) {
    return state.get(StateKeys.member(id)).map(RecordEncoding::decodeMember);
  }

  void putMember(Member member) {
    state.put(StateKeys.member(member.id()), RecordEncoding.encode(member));
  }

  void deleteMember(long id) {
    state.delete(StateKeys.member(id));
  }

  Optional<ClientEntry> client(long clientId) {
    return state.get(StateKeys.client(clientId)).map(RecordEncoding::decodeClient);
  }

  void putClient(long clientId, ClientEntry entry) {
    state.put(StateKeys.client(clientId), RecordEncoding.encode(entry));
  }

  boolean isProposalExecuted(long proposalId) {
    return state.get(StateKeys.proposal(proposalId)).isPresent();
  }

  void markProposalExecuted(long proposalId) {
    state.put(StateKeys.proposal(proposalId), Bytes.empty());
  }

  Optional<VaultRecord> vault(String name) {
    return state.get(StateKeys.vault(name)).map(VaultEncoding::decodeRecord);
  }

  void putVault(VaultRecord record) {
    state.put(StateKeys.vault(record.name()), VaultEncoding.encode(record));
  }

  void putVaultAccess(String name, VaultAccess access) {
    state.putFresh(StateKeys.vaultAccess(name, access.timestamp()), VaultEncoding.encode(access));
  }

  /** The access log of {@code name} after {@code timestampAfter}, oldest first. */
  java.util.List<VaultAccess> vaultAccesses(String name, long timestampAfter, int limit) {
    long from = timestampAfter == Long.MAX_VALUE ? Long.MAX_VALUE : timestampAfter + 1;
    java.util.List<VaultAccess> found = new java.util.ArrayList<>();
    for (io.phalanx.ledger.store.StoreEntry entry : state.scan(StateKeys.vaultAccess(name, from),
        StateKeys.vaultAccess(name, Long.MAX_VALUE), false, limit)) {
      found.add(VaultEncoding.decodeAccess(StateKeys.vaultAccessTimestamp(entry.key()),
          entry.value()));
    }
    return found;
  }

  long lastSequence() {
    return state.get(StateKeys.LAST_SEQUENCE).map(RecordEncoding::decodeLong).orElse(0L);
  }

  long ledgerTimeMillis() {
    return state.get(StateKeys.LEDGER_TIME).map(RecordEncoding::decodeLong).orElse(0L);
  }

  void putLastSequence(long sequence) {
    state.put(StateKeys.LAST_SEQUENCE, RecordEncoding.encodeLong(sequence));
  }

  void putLedgerTimeMillis(long millis) {
    state.put(StateKeys.LEDGER_TIME, RecordEncoding.encodeLong(millis));
  }

  /** Indexes the transfer under both accounts and records history for HISTORY accounts. */
  void indexTransfer(Transfer transfer, Account debit, Account credit) {
    Bytes id = idBytes(transfer.id());
    state.putFresh(StateKeys.accountTimestamp(StateKeys.ACCOUNT_TRANSFER, debit.id(),
        transfer.timestamp()), id);
    state.putFresh(StateKeys.accountTimestamp(StateKeys.ACCOUNT_TRANSFER, credit.id(),
        transfer.timestamp()), id);
    recordBalance(debit, transfer.timestamp());
    recordBalance(credit, transfer.timestamp());
  }

  void recordBalance(Account account, long timestamp) {
    if (account.hasFlag(AccountFlags.HISTORY)) {
      state.putFresh(StateKeys.accountTimestamp(StateKeys.BALANCE, account.id(), timestamp),
          RecordEncoding.encode(AccountBalance.of(account, timestamp)));
    }
  }

  static Bytes idBytes(Uint128 id) {
    return Bytes.wrapOwned(java.nio.ByteBuffer.allocate(16).putLong(id.high()).putLong(id.low())
        .array());
  }

  static Uint128 idFromBytes(Bytes bytes) {
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes.toByteArray());
    return new Uint128(in.getLong(), in.getLong());
  }
}
