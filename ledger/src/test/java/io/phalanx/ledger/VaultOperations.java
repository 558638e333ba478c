package io.phalanx.ledger;

import com.google.protobuf.ByteString;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.SealingKeyPair;
import io.phalanx.crypto.feldman.Dealing;
import io.phalanx.crypto.feldman.FeldmanSecret;
import io.phalanx.crypto.feldman.FeldmanVss;
import io.phalanx.crypto.seal.SealedBox;
import io.phalanx.crypto.seal.Sealer;
import io.phalanx.ledger.codec.VaultMessages;
import io.phalanx.protocol.LedgerOperation;
import io.phalanx.protocol.SealedShare;
import io.phalanx.protocol.VaultDelete;
import io.phalanx.protocol.VaultGet;
import io.phalanx.protocol.VaultPolicy;
import io.phalanx.protocol.VaultPut;
import io.phalanx.protocol.VaultRefresh;
import io.phalanx.protocol.VaultStatusQuery;
import java.security.SecureRandom;
import java.util.List;

/**
 * Vault operations for ledger tests, shaped as the SDK makes them: real Feldman commitments and
 * real sealed boxes (to throwaway replica keys; the ledger never opens them).
 */
public final class VaultOperations {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int REPLICAS = 4;
  private static final int THRESHOLD = 2;

  private VaultOperations() {}

  /** A well-formed put for the 4-replica test consortium. */
  public static VaultPut.Builder put(String name, long owner, long version, Long... readers) {
    Dealing dealing = FeldmanVss.deal(FeldmanSecret.generate(RANDOM), THRESHOLD, REPLICAS,
        RANDOM);
    return VaultPut.newBuilder().setName(name).setVersion(version).setThreshold(THRESHOLD)
        .setPolicy(VaultPolicy.newBuilder().setOwner(owner).addAllReaders(List.of(readers)))
        .addAllCommitments(VaultMessages.points(dealing.commitments().toBytes()))
        .addAllShares(boxes(REPLICAS))
        .setEncryptedSecret(ByteString.copyFrom(new byte[40]));
  }

  /** A well-formed refresh (a sharing of zero) creating {@code version}. */
  public static VaultRefresh.Builder refresh(String name, long version) {
    Dealing dealing = FeldmanVss.dealRefresh(THRESHOLD, REPLICAS, RANDOM);
    return VaultRefresh.newBuilder().setName(name).setVersion(version)
        .addAllCommitments(VaultMessages.points(dealing.commitments().toBytes()))
        .addAllDeltas(boxes(REPLICAS));
  }

  /** Boxes of the right size: 33 bytes sealed to a fresh key each. */
  public static List<SealedShare> boxes(int count) {
    SealedShare[] shares = new SealedShare[count];
    for (int i = 0; i < count; i++) {
      SealedBox box = Sealer.seal(SealingKeyPair.generate(RANDOM).publicKey(), new byte[33],
          new byte[0], RANDOM);
      shares[i] = SealedShare.newBuilder().setReplica(i).setBox(VaultMessages.box(box.toBytes()))
          .build();
    }
    return List.of(shares);
  }

  public static Bytes op(VaultPut.Builder put) {
    return Operations.bytes(LedgerOperation.newBuilder().setVaultPut(put).build());
  }

  public static Bytes op(VaultRefresh.Builder refresh) {
    return Operations.bytes(LedgerOperation.newBuilder().setVaultRefresh(refresh).build());
  }

  public static Bytes get(String name) {
    return Operations.bytes(LedgerOperation.newBuilder().setVaultGet(VaultGet.newBuilder()
        .setName(name).setEphemeralPublicKey(ByteString.copyFrom(
            SealingKeyPair.generate(RANDOM).publicKey().toByteArray()))).build());
  }

  public static Bytes delete(String name) {
    return Operations.bytes(LedgerOperation.newBuilder()
        .setVaultDelete(VaultDelete.newBuilder().setName(name)).build());
  }

  public static Bytes status(String name, int accessesLimit) {
    return Operations.bytes(LedgerOperation.newBuilder().setVaultStatus(VaultStatusQuery
        .newBuilder().setName(name).setAccessesLimit(accessesLimit)).build());
  }
}
