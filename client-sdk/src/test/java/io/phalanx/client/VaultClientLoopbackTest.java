package io.phalanx.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.phalanx.client.vault.RecoveredSecret;
import io.phalanx.client.vault.ShareFault;
import io.phalanx.client.vault.ShareResealer;
import io.phalanx.client.vault.VaultDealer;
import io.phalanx.client.vault.VaultUnavailableException;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.SealingKeyPair;
import io.phalanx.crypto.SealingPublicKey;
import io.phalanx.crypto.seal.SealedBox;
import io.phalanx.protocol.LedgerOperation;
import io.phalanx.protocol.LedgerResult;
import io.phalanx.protocol.VaultPolicy;
import io.phalanx.protocol.VaultPut;
import io.phalanx.protocol.VaultResult;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code client.vault().get} against four scripted replicas that answer a real dealt secret: the
 * client waits past the f+1 quorum for the other replicas' shares, uses only shares from
 * replicas that agreed on the result, names the faulty ones, and never returns a wrong secret.
 */
@Timeout(120)
class VaultClientLoopbackTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] SECRET = "open sesame".getBytes(StandardCharsets.UTF_8);
  private static final String NAME = "db";

  private final ScriptedCluster cluster = new ScriptedCluster();
  private final List<SealingKeyPair> replicaKeys = new ArrayList<>();
  private final VaultPut put;
  private final Bytes commitments;
  private final Set<Integer> corrupt = java.util.concurrent.ConcurrentHashMap.newKeySet();

  VaultClientLoopbackTest() {
    for (int i = 0; i < ScriptedCluster.REPLICAS; i++) {
      replicaKeys.add(SealingKeyPair.generate(RANDOM));
    }
    put = VaultDealer.put(SECRET, NAME, 1, VaultPolicy.newBuilder()
        .setOwner(ScriptedCluster.CLIENT_ID).build(),
        replicaKeys.stream().map(SealingKeyPair::publicKey).toList(), RANDOM);
    ByteString encoded = ByteString.copyFrom(new byte[] {(byte) put.getCommitmentsCount()});
    for (ByteString point : put.getCommitmentsList()) {
      encoded = encoded.concat(point);
    }
    commitments = Bytes.of(encoded.toByteArray());
    cluster.vault(new ScriptedCluster.VaultScript() {
      @Override
      public LedgerResult result(LedgerOperation operation) {
        return LedgerResult.newBuilder().setVault(VaultResult.newBuilder().setCode(0)
            .setName(NAME).setVersion(1).setThreshold(put.getThreshold())
            .addAllCommitments(put.getCommitmentsList())
            .setEncryptedSecret(put.getEncryptedSecret())).build();
      }

      @Override
      public ByteString share(int replica, LedgerOperation operation) {
        if (corrupt.contains(replica)) {
          return ByteString.copyFromUtf8("not a share");
        }
        io.phalanx.protocol.SealedBox box = put.getShares(replica).getBox();
        Bytes boxBytes = new SealedBox(
            SealingPublicKey.of(box.getEphemeralPublicKey().toByteArray()),
            Bytes.of(box.getNonce().toByteArray()), Bytes.of(box.getCiphertext().toByteArray()))
            .toBytes();
        SealingPublicKey ephemeral = SealingPublicKey.of(
            operation.getVaultGet().getEphemeralPublicKey().toByteArray());
        return ShareResealer.reseal(replicaKeys.get(replica), replica, NAME, 1,
            List.of(new ShareResealer.Layer(1, commitments, boxBytes)), commitments, ephemeral,
            RANDOM).toByteString();
      }
    });
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void everyReplicaHonestGivesTheSecretBackWithNoSuspects() throws Exception {
    try (PhalanxClient client = cluster.clientBuilder().build();
        RecoveredSecret secret = await(client.vault().get(NAME))) {
      assertArrayEquals(SECRET, secret.secret());
      assertEquals(1, secret.version());
      assertEquals(Map.of(), secret.suspects());
      assertFalse(secret.toString().contains("open sesame"), "the secret is redacted");
    }
  }

  @Test
  void aSilentReplicaAndACorruptShareAreNamedAndTheSecretStillComesBack() throws Exception {
    cluster.mode(3, ScriptedCluster.Mode.SILENT);
    corrupt.add(2);
    try (PhalanxClient client = cluster.clientBuilder().build();
        RecoveredSecret secret = await(client.vault().get(NAME))) {
      assertArrayEquals(SECRET, secret.secret());
      assertEquals(Map.of(2, ShareFault.BAD, 3, ShareFault.MISSING), secret.suspects());
    }
  }

  @Test
  void aShareFromAReplicaThatAnsweredAnotherResultIsNotUsed() throws Exception {
    cluster.mode(3, ScriptedCluster.Mode.LYING);
    try (PhalanxClient client = cluster.clientBuilder().build();
        RecoveredSecret secret = await(client.vault().get(NAME))) {
      assertArrayEquals(SECRET, secret.secret());
      assertEquals(Map.of(3, ShareFault.MISSING), secret.suspects());
    }
  }

  @Test
  void fewerThanFPlusOneGoodSharesFailWithTheSuspectsNeverAWrongSecret() throws Exception {
    // Replicas 1 and 2 agree on the result (the quorum) but send junk; 3 is silent: one good.
    cluster.mode(3, ScriptedCluster.Mode.SILENT);
    corrupt.add(1);
    corrupt.add(2);
    try (PhalanxClient client = cluster.clientBuilder().build()) {
      ExecutionException failure = assertThrows(ExecutionException.class,
          () -> client.vault().get(NAME).get(30, TimeUnit.SECONDS));
      VaultUnavailableException unavailable =
          assertInstanceOf(VaultUnavailableException.class, failure.getCause());
      assertEquals(Map.of(1, ShareFault.BAD, 2, ShareFault.BAD, 3, ShareFault.MISSING),
          unavailable.suspects());
    }
  }

  @Test
  void aRefusalIsARejectedExceptionWithTheLedgersCodeName() throws Exception {
    cluster.vault(null);   // FakeLedger refuses vault operations as unsupported
    try (PhalanxClient client = cluster.clientBuilder().build()) {
      ExecutionException failure = assertThrows(ExecutionException.class,
          () -> client.vault().get(NAME).get(30, TimeUnit.SECONDS));
      assertEquals("unsupported_operation",
          assertInstanceOf(RejectedException.class, failure.getCause()).codeName());
      ExecutionException deleted = assertThrows(ExecutionException.class,
          () -> client.vault().delete(NAME).get(30, TimeUnit.SECONDS));
      assertInstanceOf(RejectedException.class, deleted.getCause());
    }
  }

  @Test
  void badCallsFailAtOnceAndSendNothing() throws Exception {
    try (PhalanxClient client = cluster.clientBuilder().build()) {
      VaultClient vault = client.vault();
      assertInvalid(vault.get(""));
      assertInvalid(vault.get("x".repeat(129)));
      assertInvalid(vault.status("tab\there"));
      assertInvalid(vault.status(NAME, 0, 257));
      assertInvalid(vault.put(NAME, new byte[64 * 1024 + 1], List.of()));
      assertInvalid(vault.put(NAME, SECRET, VaultPolicy.newBuilder().setOwner(99).build()));
      // The scripted genesis carries no replica sealing keys: nothing can be dealt.
      assertInvalid(vault.put(NAME, SECRET, List.of()));
      assertInvalid(vault.refresh(NAME));
    }
    assertTrue(cluster.received().isEmpty(), "nothing was sent: " + cluster.received());
  }

  private static void assertInvalid(CompletableFuture<?> future) {
    ExecutionException failure = assertThrows(ExecutionException.class,
        () -> future.get(5, TimeUnit.SECONDS));
    assertInstanceOf(InvalidRequestException.class, failure.getCause());
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(30, TimeUnit.SECONDS);
  }
}
