package io.phalanx.client.vault;

import com.google.protobuf.ByteString;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.SealingPublicKey;
import io.phalanx.crypto.feldman.Dealing;
import io.phalanx.crypto.feldman.FeldmanSecret;
import io.phalanx.crypto.feldman.FeldmanShare;
import io.phalanx.crypto.feldman.FeldmanVss;
import io.phalanx.crypto.seal.DataKey;
import io.phalanx.crypto.seal.Sealer;
import io.phalanx.protocol.Genesis;
import io.phalanx.protocol.ReplicaIdentity;
import io.phalanx.protocol.SealedShare;
import io.phalanx.protocol.VaultPolicy;
import io.phalanx.protocol.VaultPut;
import io.phalanx.protocol.VaultRefresh;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits a secret for the vault, on the client. {@link #put}: a fresh random Feldman scalar,
 * the secret encrypted under the AES-256-GCM data key derived from it, the scalar shared with
 * threshold f + 1 over the n replicas (f = (n − 1) / 3), share i sealed to replica i's X25519 key
 * with {@link VaultBinding#share}. {@link #refresh}: a sharing of zero, delta i sealed to replica
 * i with {@link VaultBinding#delta}.
 *
 * <p>The client keeps nothing: the scalar, the data key and the shares are zeroed or dropped
 * before these methods return, and everything needed to read lives on the ledger. Stateless
 * and thread-safe.
 */
public final class VaultDealer {
  private VaultDealer() {}

  /** The replicas' sealing keys in replica-index order, from the genesis. */
  public static List<SealingPublicKey> sealingKeys(Genesis genesis) {
    SealingPublicKey[] keys = new SealingPublicKey[genesis.getReplicasCount()];
    for (ReplicaIdentity replica : genesis.getReplicasList()) {
      keys[replica.getIndex()] = SealingPublicKey.of(replica.getSealingKey().toByteArray());
    }
    return List.of(keys);
  }

  /** f + 1 for n replicas. */
  public static int threshold(int replicaCount) {
    return (replicaCount - 1) / 3 + 1;
  }

  /**
   * The put for {@code secret} under {@code name}.
   *
   * @param version 1 for a new name, the current version + 1 to replace a secret
   * @param replicaKeys every replica's sealing key, by replica index (n ≥ 4)
   */
  public static VaultPut put(byte[] secret, String name, long version, VaultPolicy policy,
      List<SealingPublicKey> replicaKeys, SecureRandom random) {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(policy, "policy");
    int threshold = checkedThreshold(replicaKeys);
    try (FeldmanSecret scalar = FeldmanSecret.generate(random);
        DataKey dataKey = scalar.deriveDataKey()) {
      Bytes encrypted = dataKey.encrypt(secret, VaultBinding.secret(name), random);
      Dealing dealing = FeldmanVss.deal(scalar, threshold, replicaKeys.size(), random);
      return VaultPut.newBuilder().setName(name).setVersion(version).setPolicy(policy)
          .setThreshold(threshold).addAllCommitments(VaultWire.points(dealing.commitments()))
          .addAllShares(seal(dealing.shares(), replicaKeys, random,
              replica -> VaultBinding.share(name, version, replica)))
          .setEncryptedSecret(ByteString.copyFrom(encrypted.toByteArray())).build();
    }
  }

  /**
   * A refresh of {@code name}: new random shares of the same secret once every replica adds its
   * delta; old shares no longer combine with new ones.
   *
   * @param version the version the refresh creates: the current version + 1
   */
  public static VaultRefresh refresh(String name, long version,
      List<SealingPublicKey> replicaKeys, SecureRandom random) {
    Objects.requireNonNull(name, "name");
    int threshold = checkedThreshold(replicaKeys);
    Dealing dealing = FeldmanVss.dealRefresh(threshold, replicaKeys.size(), random);
    return VaultRefresh.newBuilder().setName(name).setVersion(version)
        .addAllCommitments(VaultWire.points(dealing.commitments()))
        .addAllDeltas(seal(dealing.shares(), replicaKeys, random,
            replica -> VaultBinding.delta(name, version, replica)))
        .build();
  }

  private static int checkedThreshold(List<SealingPublicKey> replicaKeys) {
    if (replicaKeys.size() < 4 || replicaKeys.size() > FeldmanVss.SHARES_MAX) {
      throw new IllegalArgumentException("the vault needs 4..255 replicas, got "
          + replicaKeys.size());
    }
    return threshold(replicaKeys.size());
  }

  private static List<SealedShare> seal(List<FeldmanShare> shares,
      List<SealingPublicKey> replicaKeys, SecureRandom random,
      java.util.function.IntFunction<byte[]> binding) {
    List<SealedShare> sealed = new ArrayList<>();
    for (int replica = 0; replica < replicaKeys.size(); replica++) {
      byte[] plain = shares.get(replica).toBytes().toByteArray();
      try {
        sealed.add(SealedShare.newBuilder().setReplica(replica)
            .setBox(VaultWire.box(Sealer.seal(replicaKeys.get(replica), plain,
                binding.apply(replica), random))).build());
      } finally {
        java.util.Arrays.fill(plain, (byte) 0);
      }
    }
    return sealed;
  }
}
