package io.phalanx.client.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.InsufficientSharesException;
import io.phalanx.crypto.SealingKeyPair;
import io.phalanx.crypto.feldman.FeldmanShare;
import io.phalanx.crypto.feldman.FeldmanVss;
import io.phalanx.protocol.VaultReplicaShare;
import io.phalanx.protocol.VaultResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Put, then read with honest, lying and silent replicas, with 4 and 7 replicas. */
class VaultReaderTest {
  private static final byte[] SECRET = "postgres://admin:hunter2@db".getBytes(
      StandardCharsets.UTF_8);

  private SimulatedVault vault(int replicas) {
    SimulatedVault vault = new SimulatedVault(replicas);
    vault.put(SECRET, "db/password");
    return vault;
  }

  private static RecoveredSecret read(SimulatedVault vault, Map<Integer, Bytes> shares,
      SealingKeyPair ephemeral) {
    return VaultReader.read(vault.result(), shares, ephemeral, vault.replicaCount);
  }

  /** Flips a byte inside the re-sealed box: it no longer opens. */
  private static Bytes corrupt(Bytes reply) throws Exception {
    VaultReplicaShare share = VaultReplicaShare.parseFrom(reply.toByteArray());
    byte[] box = share.getBox().toByteArray();
    box[box.length - 20] ^= 1;
    return Bytes.wrapOwned(share.toBuilder().setBox(ByteString.copyFrom(box)).build()
        .toByteArray());
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 7})
  void allHonestRepliesGiveTheSecretWithNoSuspects(int replicas) {
    SimulatedVault vault = vault(replicas);
    SealingKeyPair ephemeral = SealingKeyPair.generate(SimulatedVault.RANDOM);
    try (RecoveredSecret secret = read(vault, vault.replicaShares(ephemeral.publicKey()),
        ephemeral)) {
      assertArrayEquals(SECRET, secret.secret());
      assertEquals(1, secret.version());
      assertTrue(secret.suspects().isEmpty());
      assertFalse(secret.toString().contains("hunter2"));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 7})
  void fCorruptedSharesAreNamedAndTheSecretStillComesBack(int replicas) throws Exception {
    SimulatedVault vault = vault(replicas);
    SealingKeyPair ephemeral = SealingKeyPair.generate(SimulatedVault.RANDOM);
    Map<Integer, Bytes> shares = vault.replicaShares(ephemeral.publicKey());
    TreeMap<Integer, ShareFault> expected = new TreeMap<>();
    for (int i = 0; i < vault.faults(); i++) {
      shares.put(i, corrupt(shares.get(i)));
      expected.put(i, ShareFault.BAD);
    }
    try (RecoveredSecret secret = read(vault, shares, ephemeral)) {
      assertArrayEquals(SECRET, secret.secret());
      assertEquals(expected, secret.suspects());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 7})
  void fWithheldSharesAreNamedAndTheSecretStillComesBack(int replicas) {
    SimulatedVault vault = vault(replicas);
    SealingKeyPair ephemeral = SealingKeyPair.generate(SimulatedVault.RANDOM);
    Map<Integer, Bytes> shares = vault.replicaShares(ephemeral.publicKey());
    TreeMap<Integer, ShareFault> expected = new TreeMap<>();
    for (int i = replicas - vault.faults(); i < replicas; i++) {
      shares.remove(i);
      expected.put(i, ShareFault.MISSING);
    }
    try (RecoveredSecret secret = read(vault, shares, ephemeral)) {
      assertArrayEquals(SECRET, secret.secret());
      assertEquals(expected, secret.suspects());
    }
  }

  /** f + 1 corrupted and f silent leave f good shares: a typed failure, never a secret. */
  @ParameterizedTest
  @ValueSource(ints = {4, 7})
  void fPlusOneCorruptedSharesFailWithATypedExceptionNamingThem(int replicas) throws Exception {
    SimulatedVault vault = vault(replicas);
    SealingKeyPair ephemeral = SealingKeyPair.generate(SimulatedVault.RANDOM);
    Map<Integer, Bytes> shares = vault.replicaShares(ephemeral.publicKey());
    TreeMap<Integer, ShareFault> expected = new TreeMap<>();
    for (int i = 0; i <= vault.faults(); i++) {
      shares.put(i, corrupt(shares.get(i)));
      expected.put(i, ShareFault.BAD);
    }
    for (int i = replicas - vault.faults(); i < replicas; i++) {
      shares.remove(i);
      expected.put(i, ShareFault.MISSING);
    }
    VaultUnavailableException failure = assertThrows(VaultUnavailableException.class,
        () -> read(vault, shares, ephemeral));
    assertEquals(expected, failure.suspects());
    assertFalse(failure.getMessage().contains("hunter2"));
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 7})
  void anyFSharesCannotReconstruct(int replicas) throws Exception {
    SimulatedVault vault = vault(replicas);
    SealingKeyPair ephemeral = SealingKeyPair.generate(SimulatedVault.RANDOM);
    Map<Integer, Bytes> all = vault.replicaShares(ephemeral.publicKey());
    Map<Integer, Bytes> onlyF = new TreeMap<>();
    List<FeldmanShare> opened = new ArrayList<>();
    for (int i = replicas - vault.faults(); i < replicas; i++) {
      onlyF.put(i, all.get(i));
      opened.add(open(all.get(i), ephemeral, vault.result(), i));
    }
    assertThrows(VaultUnavailableException.class, () -> read(vault, onlyF, ephemeral));
    assertThrows(InsufficientSharesException.class, () -> FeldmanVss.combine(opened,
        VaultWire.commitments(vault.result().getCommitmentsList())));
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 7})
  void aShareReplayedUnderAnotherReplicaOrKeyIsBad(int replicas) {
    SimulatedVault vault = vault(replicas);
    SealingKeyPair ephemeral = SealingKeyPair.generate(SimulatedVault.RANDOM);
    Map<Integer, Bytes> shares = vault.replicaShares(ephemeral.publicKey());
    shares.put(0, shares.get(1));
    SealingKeyPair other = SealingKeyPair.generate(SimulatedVault.RANDOM);
    try (RecoveredSecret secret = read(vault, shares, ephemeral)) {
      assertEquals(Map.of(0, ShareFault.BAD), secret.suspects());
    }
    VaultUnavailableException failure = assertThrows(VaultUnavailableException.class,
        () -> read(vault, shares, other));
    assertEquals(replicas, failure.suspects().size());
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 7})
  void aReplicaReportingAnInvalidStoredShareIsNamedAsSuch(int replicas) {
    SimulatedVault vault = vault(replicas);
    SealingKeyPair ephemeral = SealingKeyPair.generate(SimulatedVault.RANDOM);
    Map<Integer, Bytes> shares = vault.replicaShares(ephemeral.publicKey());
    shares.put(2, Bytes.wrapOwned(VaultReplicaShare.newBuilder().setName("db/password")
        .setVersion(1).setReplica(2).setShareInvalid(true).build().toByteArray()));
    try (RecoveredSecret secret = read(vault, shares, ephemeral)) {
      assertArrayEquals(SECRET, secret.secret());
      assertEquals(Map.of(2, ShareFault.REPORTED_INVALID), secret.suspects());
    }
  }

  static FeldmanShare open(Bytes reply, SealingKeyPair ephemeral, VaultResult result,
      int replica) throws Exception {
    VaultReplicaShare share = VaultReplicaShare.parseFrom(reply.toByteArray());
    return FeldmanShare.fromBytes(Bytes.wrapOwned(io.phalanx.crypto.seal.Sealer.open(ephemeral,
        share.getBox().toByteArray(),
        VaultBinding.reshare(result.getName(), result.getVersion(), replica))));
  }
}
