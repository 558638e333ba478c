package io.phalanx.client.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.InvalidShareException;
import io.phalanx.crypto.SealingKeyPair;
import io.phalanx.crypto.feldman.FeldmanShare;
import io.phalanx.crypto.feldman.FeldmanVss;
import io.phalanx.protocol.VaultPut;
import io.phalanx.protocol.VaultRefresh;
import io.phalanx.protocol.VaultResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Refresh keeps the secret; shares from before it no longer combine with shares after it. */
class VaultRefreshTest {
  private static final byte[] SECRET = "refresh me".getBytes(StandardCharsets.UTF_8);

  @ParameterizedTest
  @ValueSource(ints = {4, 7})
  void refreshKeepsTheSecretAndOldSharesStopCombining(int replicas) throws Exception {
    SimulatedVault vault = new SimulatedVault(replicas);
    VaultPut put = vault.put(SECRET, "k");
    SealingKeyPair ephemeral = SealingKeyPair.generate(SimulatedVault.RANDOM);
    VaultResult before = vault.result();
    Map<Integer, Bytes> oldShares = vault.replicaShares(ephemeral.publicKey());

    VaultRefresh refresh = vault.refresh();
    assertEquals(replicas, refresh.getDeltasCount());
    assertEquals(put.getThreshold(), refresh.getCommitmentsCount());
    VaultResult after = vault.result();
    assertEquals(before.getCommitments(0), after.getCommitments(0));
    assertNotEquals(before.getCommitmentsList(), after.getCommitmentsList());
    Map<Integer, Bytes> newShares = vault.replicaShares(ephemeral.publicKey());
    try (RecoveredSecret secret = VaultReader.read(after, newShares, ephemeral, replicas)) {
      assertArrayEquals(SECRET, secret.secret());
      assertEquals(2, secret.version());
      assertTrue(secret.suspects().isEmpty());
    }

    int threshold = put.getThreshold();
    List<FeldmanShare> mixed = new java.util.ArrayList<>();
    for (int i = 0; i < threshold - 1; i++) {
      mixed.add(VaultReaderTest.open(oldShares.get(i), ephemeral, before, i));
    }
    mixed.add(VaultReaderTest.open(newShares.get(threshold - 1), ephemeral, after,
        threshold - 1));
    assertThrows(InvalidShareException.class, () -> FeldmanVss.combine(mixed,
        VaultWire.commitments(after.getCommitmentsList())));
    assertThrows(InvalidShareException.class, () -> FeldmanVss.combine(mixed,
        VaultWire.commitments(before.getCommitmentsList())));
    VaultUnavailableException failure = assertThrows(VaultUnavailableException.class,
        () -> VaultReader.read(after, oldShares, ephemeral, replicas));
    assertEquals(replicas, failure.suspects().size(), "old shares under new commitments");
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 7})
  void aCorruptedDeltaMakesTheReplicaReportItsShareInvalid(int replicas) {
    SimulatedVault vault = new SimulatedVault(replicas);
    VaultPut put = vault.put(SECRET, "k");
    SealingKeyPair ephemeral = SealingKeyPair.generate(SimulatedVault.RANDOM);
    List<ShareResealer.Layer> wrongKey = List.of(new ShareResealer.Layer(1,
        VaultWire.commitments(put.getCommitmentsList()).toBytes(),
        VaultWire.box(put.getShares(1).getBox()).toBytes()));
    assertTrue(ShareResealer.reseal(vault.replicaKeys.get(0), 0, "k", 1, wrongKey,
        VaultWire.commitments(put.getCommitmentsList()).toBytes(), ephemeral.publicKey(),
        SimulatedVault.RANDOM).getShareInvalid());
  }
}
