package io.phalanx.client.vault;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.SealingKeyPair;
import io.phalanx.crypto.SealingPublicKey;
import io.phalanx.crypto.feldman.FeldmanCommitments;
import io.phalanx.crypto.feldman.FeldmanVss;
import io.phalanx.protocol.VaultPolicy;
import io.phalanx.protocol.VaultPut;
import io.phalanx.protocol.VaultRefresh;
import io.phalanx.protocol.VaultResult;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** n replicas with their sealing keys, storing one secret as the ledger would. */
final class SimulatedVault {
  static final SecureRandom RANDOM = new SecureRandom();
  final int replicaCount;
  final List<SealingKeyPair> replicaKeys = new ArrayList<>();
  private final List<List<ShareResealer.Layer>> layers = new ArrayList<>();
  private VaultPut put;
  private FeldmanCommitments commitments;
  private long version;

  SimulatedVault(int replicaCount) {
    this.replicaCount = replicaCount;
    for (int i = 0; i < replicaCount; i++) {
      replicaKeys.add(SealingKeyPair.generate(RANDOM));
      layers.add(new ArrayList<>());
    }
  }

  List<SealingPublicKey> publicKeys() {
    return replicaKeys.stream().map(SealingKeyPair::publicKey).toList();
  }

  VaultPut put(byte[] secret, String name) {
    put = VaultDealer.put(secret, name, 1, VaultPolicy.newBuilder().setOwner(7).build(),
        publicKeys(), RANDOM);
    commitments = VaultWire.commitments(put.getCommitmentsList());
    version = 1;
    for (int i = 0; i < replicaCount; i++) {
      layers.get(i).add(new ShareResealer.Layer(1, commitments.toBytes(),
          box(put.getShares(i).getBox())));
    }
    return put;
  }

  VaultRefresh refresh() {
    version++;
    VaultRefresh refresh = VaultDealer.refresh(put.getName(), version, publicKeys(), RANDOM);
    FeldmanCommitments delta = VaultWire.commitments(refresh.getCommitmentsList());
    commitments = FeldmanVss.refresh(commitments, delta);
    for (int i = 0; i < replicaCount; i++) {
      layers.get(i).add(new ShareResealer.Layer(version, delta.toBytes(),
          box(refresh.getDeltas(i).getBox())));
    }
    return refresh;
  }

  /** The matched result of a get, as every replica answers it. */
  VaultResult result() {
    return VaultResult.newBuilder().setCode(0).setName(put.getName()).setVersion(version)
        .setThreshold(put.getThreshold()).addAllCommitments(VaultWire.points(commitments))
        .setEncryptedSecret(put.getEncryptedSecret()).build();
  }

  /** Every replica's replica_share for a get with {@code ephemeral}. */
  Map<Integer, Bytes> replicaShares(SealingPublicKey ephemeral) {
    Map<Integer, Bytes> shares = new TreeMap<>();
    for (int i = 0; i < replicaCount; i++) {
      shares.put(i, Bytes.wrapOwned(ShareResealer.reseal(replicaKeys.get(i), i, put.getName(),
          version, layers.get(i), commitments.toBytes(), ephemeral, RANDOM).toByteArray()));
    }
    return shares;
  }

  int faults() {
    return (replicaCount - 1) / 3;
  }

  private static Bytes box(io.phalanx.protocol.SealedBox box) {
    return VaultWire.box(box).toBytes();
  }
}
