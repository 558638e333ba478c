package io.phalanx.client;

import com.google.protobuf.ByteString;
import io.phalanx.client.vault.RecoveredSecret;
import io.phalanx.client.vault.VaultDealer;
import io.phalanx.client.vault.VaultReader;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.SealingKeyPair;
import io.phalanx.crypto.SealingPublicKey;
import io.phalanx.protocol.Genesis;
import io.phalanx.protocol.LedgerOperation;
import io.phalanx.protocol.LedgerResult;
import io.phalanx.protocol.VaultDelete;
import io.phalanx.protocol.VaultGet;
import io.phalanx.protocol.VaultPolicy;
import io.phalanx.protocol.VaultResult;
import io.phalanx.protocol.VaultStatusQuery;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The split-secret vault through a {@link PhalanxClient} ({@code client.vault()}): a secret is
 * encrypted under a fresh data key whose Feldman shares go to the replicas, sealed one to each;
 * any f + 1 of them give it back to an authorised reader, and every read is on the ledger. See
 * {@code client-sdk/README-vault.md}.
 *
 * <p>Thread-safe; every method returns at once. Refusals fail the future with
 * {@link RejectedException} carrying the ledger's code ({@code vault_not_authorised},
 * {@code vault_not_found}, {@code vault_deleted}, {@code vault_version_mismatch}, ...); a get
 * with fewer than f + 1 good shares fails with
 * {@link io.phalanx.client.vault.VaultUnavailableException} naming the replicas at fault, never
 * with a wrong secret. The secret is never logged and no key material is kept.
 */
public final class VaultClient {
  /** Most access-log entries one status call returns (the ledger's cap). */
  public static final int ACCESSES_MAX = 256;
  static final int NAME_BYTES_MAX = 128;
  static final int SECRET_BYTES_MAX = 64 * 1024;
  static final int READERS_MAX = 64;

  private final PhalanxClient client;
  private final Genesis genesis;
  private final Executor callbacks;
  private final SecureRandom random = new SecureRandom();
  private volatile List<SealingPublicKey> sealingKeys;

  VaultClient(PhalanxClient client, Genesis genesis, Executor callbacks) {
    this.client = client;
    this.genesis = genesis;
    this.callbacks = callbacks;
  }

  /** Stores {@code secret} under {@code name}, readable by the caller and {@code readers}. */
  public CompletableFuture<VaultChange> put(String name, byte[] secret, Collection<Long> readers) {
    Objects.requireNonNull(readers, "readers");
    return put(name, secret, VaultPolicy.newBuilder().setOwner(client.clientId())
        .addAllReaders(readers.stream().distinct().sorted().toList()).build());
  }

  /**
   * Stores {@code secret} under {@code name} (a new secret, or the next version of one the caller
   * owns). The current version is read first (read-only status); a concurrent change makes the
   * put fail with {@code vault_version_mismatch}, and it may simply be called again.
   *
   * @param policy owner (must be this client) and readers; approvals are not supported yet
   */
  public CompletableFuture<VaultChange> put(String name, byte[] secret, VaultPolicy policy) {
    List<SealingPublicKey> keys;
    byte[] copy;
    try {
      checkName(name);
      Objects.requireNonNull(secret, "secret");
      Objects.requireNonNull(policy, "policy");
      if (secret.length > SECRET_BYTES_MAX) {
        throw new InvalidRequestException("a secret has at most " + SECRET_BYTES_MAX
            + " bytes, got " + secret.length);
      }
      if (policy.getOwner() != client.clientId()) {
        throw new InvalidRequestException("the policy's owner must be this client ("
            + client.clientId() + "), got " + policy.getOwner());
      }
      if (policy.getReadersCount() > READERS_MAX) {
        throw new InvalidRequestException("at most " + READERS_MAX + " readers, got "
            + policy.getReadersCount());
      }
      keys = sealingKeys();
      copy = secret.clone();
    } catch (InvalidRequestException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<VaultChange> put = currentVersion(name).thenComposeAsync(current -> {
      long version = current + 1;
      LedgerOperation operation = LedgerOperation.newBuilder().setVaultPut(
          VaultDealer.put(copy, name, version, policy, keys, random)).build();
      Arrays.fill(copy, (byte) 0);
      return client.ordered(operation, VaultClient::change);
    }, callbacks);
    put.whenComplete((change, failure) -> Arrays.fill(copy, (byte) 0));
    return put;
  }

  /**
   * Reads the secret: an ordered get with a fresh ephemeral key (on the ledger's access log),
   * then the replicas' re-sealed shares — from every replica that answers within one request
   * timeout after f + 1 agree on the result — verified and combined. {@code suspects()} names
   * replicas whose share was bad or missing. Close the returned secret when done.
   */
  public CompletableFuture<RecoveredSecret> get(String name) {
    try {
      checkName(name);
    } catch (InvalidRequestException e) {
      return CompletableFuture.failedFuture(e);
    }
    SealingKeyPair ephemeral = SealingKeyPair.generate(random);
    LedgerOperation operation = LedgerOperation.newBuilder().setVaultGet(VaultGet.newBuilder()
        .setName(name)
        .setEphemeralPublicKey(ByteString.copyFrom(ephemeral.publicKey().toByteArray())))
        .build();
    int replicas = client.replicas();
    CompletableFuture<RecoveredSecret> get = client.orderedWithShares(operation,
        (result, shares) -> read(result, shares, ephemeral, replicas));
    get.whenComplete((secret, failure) -> ephemeral.destroy());
    return get;
  }

  /** The secret's status and the first {@value #ACCESSES_MAX} entries of its access log. */
  public CompletableFuture<VaultStatus> status(String name) {
    return status(name, 0, ACCESSES_MAX);
  }

  /**
   * The secret's status and at most {@code limit} access-log entries after ledger timestamp
   * {@code after} (exclusive; page on with the last entry's timestamp). Owner, readers and
   * approvers may ask; read-only, falls back to ordered, never logged.
   */
  public CompletableFuture<VaultStatus> status(String name, long after, int limit) {
    try {
      checkName(name);
      if (limit < 0 || limit > ACCESSES_MAX) {
        throw new InvalidRequestException("limit must be in 0.." + ACCESSES_MAX + ", got " + limit);
      }
    } catch (InvalidRequestException e) {
      return CompletableFuture.failedFuture(e);
    }
    return client.readOnly(statusQuery(name, after, limit), result -> {
      VaultResult vault = okVault(result);
      return new VaultStatus(vault.getName(), vault.getVersion(), vault.getThreshold(),
          vault.getDeleted(), vault.getAcks(), vault.getAccessesList());
    });
  }

  /**
   * Re-randomises every share of the secret (owner only): the secret stays, old shares no longer
   * combine with new ones. Reads the current version first, like {@link #put}.
   */
  public CompletableFuture<VaultChange> refresh(String name) {
    List<SealingPublicKey> keys;
    try {
      checkName(name);
      keys = sealingKeys();
    } catch (InvalidRequestException e) {
      return CompletableFuture.failedFuture(e);
    }
    return currentVersion(name).thenComposeAsync(current -> client.ordered(
        LedgerOperation.newBuilder().setVaultRefresh(
            VaultDealer.refresh(name, current + 1, keys, random)).build(),
        VaultClient::change), callbacks);
  }

  /** Deletes the secret's shares (owner only); the name keeps a tombstone and its log. */
  public CompletableFuture<VaultChange> delete(String name) {
    try {
      checkName(name);
    } catch (InvalidRequestException e) {
      return CompletableFuture.failedFuture(e);
    }
    return client.ordered(LedgerOperation.newBuilder().setVaultDelete(
        VaultDelete.newBuilder().setName(name)).build(), VaultClient::change);
  }

  /**
   * The secret's current version, 0 when the name is unknown. A caller that may not inspect it
   * still learns the version the ledger reports with its refusal, so the change it then submits
   * is refused by the ledger — and logged there — rather than here.
   */
  private CompletableFuture<Long> currentVersion(String name) {
    return client.readOnly(statusQuery(name, 0, 0), result -> vault(result).getVersion());
  }

  private static LedgerOperation statusQuery(String name, long after, int limit) {
    return LedgerOperation.newBuilder().setVaultStatus(VaultStatusQuery.newBuilder()
        .setName(name).setAccessesAfter(after).setAccessesLimit(limit)).build();
  }

  private static RecoveredSecret read(LedgerResult result, Map<Integer, Bytes> shares,
      SealingKeyPair ephemeral, int replicas) {
    try {
      return VaultReader.read(okVault(result), shares, ephemeral, replicas);
    } catch (IllegalArgumentException | io.phalanx.crypto.CryptoException e) {
      throw new PhalanxClientException("f+1 replicas agreed on an unusable vault result", e);
    }
  }

  private static VaultChange change(LedgerResult result) {
    VaultResult vault = okVault(result);
    return new VaultChange(vault.getName(), vault.getVersion());
  }

  private static VaultResult okVault(LedgerResult result) {
    VaultResult vault = vault(result);
    if (vault.getCode() != ResultCodes.OK) {
      throw new RejectedException(vault.getCode(), ResultCodes.name(vault.getCode()),
          "the vault refused the request on " + quoted(vault.getName()));
    }
    return vault;
  }

  private static VaultResult vault(LedgerResult result) {
    if (result.hasRejectedCode()) {
      int code = result.getRejectedCode();
      throw new RejectedException(code, ResultCodes.name(code), "the consortium refused the request");
    }
    if (!result.hasVault()) {
      throw new PhalanxClientException("expected a vault result, the consortium agreed on "
          + result.getKindCase());
    }
    return result.getVault();
  }

  private List<SealingPublicKey> sealingKeys() {
    List<SealingPublicKey> keys = sealingKeys;
    if (keys == null) {
      if (genesis.getReplicasCount() < 4) {
        throw new InvalidRequestException("the vault needs at least 4 replicas, the genesis has "
            + genesis.getReplicasCount());
      }
      try {
        keys = VaultDealer.sealingKeys(genesis);
      } catch (RuntimeException e) {
        throw new InvalidRequestException("the genesis lacks usable replica sealing keys: "
            + e.getMessage());
      }
      sealingKeys = keys;
    }
    return keys;
  }

  static void checkName(String name) {
    if (name == null) {
      throw new InvalidRequestException("name is missing");
    }
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes < 1 || bytes > NAME_BYTES_MAX || name.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidRequestException("a vault name has 1.." + NAME_BYTES_MAX
          + " UTF-8 bytes and no control characters");
    }
  }

  private static String quoted(String name) {
    return "'" + name + "'";
  }
}
