package io.phalanx.ledger.state;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.CryptoException;
import io.phalanx.crypto.feldman.FeldmanCommitments;
import io.phalanx.crypto.feldman.FeldmanShare;
import io.phalanx.crypto.feldman.FeldmanVss;
import io.phalanx.crypto.seal.SealedBox;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The vault's ordered operations. The ledger never sees a secret or a share: it checks shapes
 * and sizes, the policy and versions, stores the sealed shares and commitments, and records every
 * get (allowed or refused) and every refused change on the secret's access log, in ledger time.
 * Feldman arithmetic on public commitments (a refresh's new commitments) is deterministic.
 */
final class VaultExecution {
  static final int NAME_BYTES_MAX = 128;
  static final int SECRET_BYTES_MAX = 64 * 1024;
  /** nonce (12) + tag (16): the smallest encrypted secret (an empty one). */
  static final int SECRET_BYTES_MIN = 28;
  /** A sealed Feldman share: the box header and tag around 33 bytes. */
  static final int SHARE_BOX_BYTES = SealedBox.LENGTH_BYTES_MIN + FeldmanShare.LENGTH_BYTES;
  static final int REFRESHES_MAX = 16;

  private final BlockContext context;
  private final StateRecords records;
  private final VaultRules rules;

  VaultExecution(BlockContext context) {
    this.context = context;
    this.records = context.records();
    this.rules = context.vaultRules();
  }

  Outcome execute(Member caller, Operation operation) {
    if (!rules.isEnabled()) {
      return new Outcome.Rejected(ResultCode.UNSUPPORTED_OPERATION);
    }
    if (!context.hasRoomFor(1)) {
      return new Outcome.Rejected(ResultCode.TOO_MANY_EVENTS);
    }
    if (operation instanceof Operation.VaultPut put) {
      return put(caller.id(), put);
    }
    if (operation instanceof Operation.VaultGet get) {
      return get(caller.id(), get);
    }
    if (operation instanceof Operation.VaultRefresh refresh) {
      return refresh(caller.id(), refresh);
    }
    return delete(caller.id(), (Operation.VaultDelete) operation);
  }

  private Outcome put(long caller, Operation.VaultPut put) {
    if (!isValidName(put.name())) {
      return Outcome.Vault.of(ResultCode.VAULT_BAD_NAME, put.name(), 0);
    }
    Optional<VaultRecord> existing = records.vault(put.name());
    long current = existing.map(VaultRecord::version).orElse(0L);
    if (existing.isPresent() && existing.get().policy().owner() != caller) {
      return logged(put.name(), caller, VaultAccess.Kind.PUT, ResultCode.VAULT_NOT_AUTHORISED,
          current);
    }
    ResultCode check = checkPut(caller, put, current);
    if (check != ResultCode.OK) {
      return Outcome.Vault.of(check, put.name(), current);
    }
    records.putVault(new VaultRecord(put.name(), put.version(), put.policy(), put.threshold(),
        put.commitments(), put.encryptedSecret(),
        List.of(new VaultShareLayer(put.version(), put.commitments(), put.shares())), false));
    return logged(put.name(), caller, VaultAccess.Kind.PUT, ResultCode.OK, put.version());
  }

  private ResultCode checkPut(long caller, Operation.VaultPut put, long current) {
    if (put.version() != current + 1) {
      return ResultCode.VAULT_VERSION_MISMATCH;
    }
    VaultPolicy policy = put.policy();
    if (policy.approvalsRequired() != 0 || !policy.approvers().isEmpty()) {
      return ResultCode.VAULT_APPROVALS_NOT_SUPPORTED;
    }
    if (policy.owner() != caller || policy.readers().size() > VaultPolicy.MEMBERS_MAX) {
      return ResultCode.VAULT_BAD_POLICY;
    }
    if (put.threshold() != rules.threshold()) {
      return ResultCode.VAULT_BAD_THRESHOLD;
    }
    Optional<FeldmanCommitments> commitments = commitments(put.commitments());
    if (commitments.isEmpty() || commitments.get().isZeroSharing()
        || commitments.get().threshold() != put.threshold()) {
      return ResultCode.VAULT_BAD_COMMITMENTS;
    }
    if (!isValidBoxes(put.shares())) {
      return ResultCode.VAULT_BAD_SHARES;
    }
    int secretBytes = put.encryptedSecret().length();
    if (secretBytes < SECRET_BYTES_MIN || secretBytes > SECRET_BYTES_MAX + SECRET_BYTES_MIN) {
      return ResultCode.VAULT_BAD_SECRET_SIZE;
    }
    return ResultCode.OK;
  }

  private Outcome get(long caller, Operation.VaultGet get) {
    Optional<VaultRecord> found = records.vault(get.name());
    if (found.isEmpty()) {
      return Outcome.Vault.of(ResultCode.VAULT_NOT_FOUND, get.name(), 0);
    }
    VaultRecord record = found.get();
    ResultCode code = !record.policy().mayRead(caller) ? ResultCode.VAULT_NOT_AUTHORISED
        : record.deleted() ? ResultCode.VAULT_DELETED : ResultCode.OK;
    recordAccess(get.name(), caller, VaultAccess.Kind.GET, code, record.version());
    if (code != ResultCode.OK) {
      return Outcome.Vault.of(code, get.name(), record.version());
    }
    return new Outcome.Vault(code, record.name(), record.version(), record.threshold(),
        record.commitments(), record.encryptedSecret(), false, List.of());
  }

  private Outcome refresh(long caller, Operation.VaultRefresh refresh) {
    Optional<VaultRecord> found = records.vault(refresh.name());
    if (found.isEmpty()) {
      return Outcome.Vault.of(ResultCode.VAULT_NOT_FOUND, refresh.name(), 0);
    }
    VaultRecord record = found.get();
    if (record.policy().owner() != caller) {
      return logged(refresh.name(), caller, VaultAccess.Kind.REFRESH,
          ResultCode.VAULT_NOT_AUTHORISED, record.version());
    }
    ResultCode check = checkRefresh(record, refresh);
    if (check != ResultCode.OK) {
      return Outcome.Vault.of(check, refresh.name(), record.version());
    }
    FeldmanCommitments delta = commitments(refresh.commitments()).orElseThrow();
    Bytes combined = FeldmanVss.refresh(FeldmanCommitments.fromBytes(record.commitments()), delta)
        .toBytes();
    List<VaultShareLayer> layers = new ArrayList<>(record.layers());
    layers.add(new VaultShareLayer(refresh.version(), refresh.commitments(), refresh.deltas()));
    records.putVault(new VaultRecord(record.name(), refresh.version(), record.policy(),
        record.threshold(), combined, record.encryptedSecret(), layers, false));
    return logged(refresh.name(), caller, VaultAccess.Kind.REFRESH, ResultCode.OK,
        refresh.version());
  }

  private ResultCode checkRefresh(VaultRecord record, Operation.VaultRefresh refresh) {
    if (record.deleted()) {
      return ResultCode.VAULT_DELETED;
    }
    if (refresh.version() != record.version() + 1) {
      return ResultCode.VAULT_VERSION_MISMATCH;
    }
    if (record.layers().size() > REFRESHES_MAX) {
      return ResultCode.VAULT_REFRESH_LIMIT;
    }
    Optional<FeldmanCommitments> delta = commitments(refresh.commitments());
    if (delta.isEmpty() || !delta.get().isZeroSharing()
        || delta.get().threshold() != record.threshold()) {
      return ResultCode.VAULT_BAD_COMMITMENTS;
    }
    return isValidBoxes(refresh.deltas()) ? ResultCode.OK : ResultCode.VAULT_BAD_SHARES;
  }

  private Outcome delete(long caller, Operation.VaultDelete delete) {
    Optional<VaultRecord> found = records.vault(delete.name());
    if (found.isEmpty()) {
      return Outcome.Vault.of(ResultCode.VAULT_NOT_FOUND, delete.name(), 0);
    }
    VaultRecord record = found.get();
    if (record.policy().owner() != caller) {
      return logged(delete.name(), caller, VaultAccess.Kind.DELETE,
          ResultCode.VAULT_NOT_AUTHORISED, record.version());
    }
    if (record.deleted()) {
      return Outcome.Vault.of(ResultCode.VAULT_DELETED, delete.name(), record.version());
    }
    long version = record.version() + 1;
    records.putVault(new VaultRecord(record.name(), version, record.policy(), record.threshold(),
        record.commitments(), Bytes.empty(), List.of(), true));
    return logged(delete.name(), caller, VaultAccess.Kind.DELETE, ResultCode.OK, version);
  }

  /** The status of a secret, on the ordered or the read-only path (changes nothing). */
  static Outcome status(StateRecords records, long caller, Operation.VaultStatus status) {
    Optional<VaultRecord> found = records.vault(status.name());
    if (found.isEmpty()) {
      return Outcome.Vault.of(ResultCode.VAULT_NOT_FOUND, status.name(), 0);
    }
    VaultRecord record = found.get();
    if (!record.policy().mayInspect(caller)) {
      return Outcome.Vault.of(ResultCode.VAULT_NOT_AUTHORISED, status.name(), record.version());
    }
    int limit = Math.max(0, Math.min(status.accessesLimit(), 256));
    List<VaultAccess> accesses = limit == 0 ? List.of()
        : records.vaultAccesses(status.name(), status.accessesAfter(), limit);
    return new Outcome.Vault(ResultCode.OK, record.name(), record.version(), record.threshold(),
        Bytes.empty(), Bytes.empty(), record.deleted(), accesses);
  }

  private Outcome logged(String name, long caller, VaultAccess.Kind kind, ResultCode code,
      long version) {
    recordAccess(name, caller, kind, code, version);
    return Outcome.Vault.of(code, name, version);
  }

  private void recordAccess(String name, long caller, VaultAccess.Kind kind, ResultCode code,
      long version) {
    records.putVaultAccess(name,
        new VaultAccess(context.nextTimestamp(), caller, kind, code, version));
  }

  private boolean isValidBoxes(List<Bytes> boxes) {
    if (boxes.size() != rules.replicaCount()) {
      return false;
    }
    for (Bytes box : boxes) {
      if (box.length() != SHARE_BOX_BYTES) {
        return false;
      }
      try {
        SealedBox.fromBytes(box);
      } catch (CryptoException e) {
        return false;
      }
    }
    return true;
  }

  private static Optional<FeldmanCommitments> commitments(Bytes encoded) {
    try {
      return Optional.of(FeldmanCommitments.fromBytes(encoded));
    } catch (CryptoException e) {
      return Optional.empty();
    }
  }

  static boolean isValidName(String name) {
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    return bytes >= 1 && bytes <= NAME_BYTES_MAX && name.chars().noneMatch(Character::isISOControl);
  }
}
