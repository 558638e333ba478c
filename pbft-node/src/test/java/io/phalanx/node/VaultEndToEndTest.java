package io.phalanx.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.client.vault.RecoveredSecret;
import io.phalanx.client.vault.ShareFault;
import io.phalanx.client.vault.VaultDealer;
import io.phalanx.client.vault.VaultReader;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.SealingKeyPair;
import io.phalanx.crypto.SealingPublicKey;
import io.phalanx.protocol.LedgerOperation;
import io.phalanx.protocol.LedgerResult;
import io.phalanx.protocol.ResultCode;
import io.phalanx.protocol.VaultAccess;
import io.phalanx.protocol.VaultGet;
import io.phalanx.protocol.VaultPolicy;
import io.phalanx.protocol.VaultResult;
import io.phalanx.protocol.VaultStatusQuery;
import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vault end to end on four real replicas: a secret is put, read back from the replicas'
 * re-sealed shares (also with one replica's share withheld or corrupted), refreshed, and refused
 * to a member outside the policy, whose attempt is on the ledger.
 */
class VaultEndToEndTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] SECRET = "the database password".getBytes(StandardCharsets.UTF_8);
  private static final long TIMEOUT_MILLIS = 20_000;

  @TempDir
  Path directory;

  @Test
  void putGetRefreshAndARefusedReader() throws Exception {
    try (LocalConsortium consortium = LocalConsortium.start(directory, 4, 2);
        RawClient owner = client(consortium, 1);
        RawClient stranger = client(consortium, 2)) {
      List<SealingPublicKey> keys = VaultDealer.sealingKeys(consortium.genesis);
      LedgerResult put = owner.execute(LedgerOperation.newBuilder().setVaultPut(VaultDealer.put(
          SECRET, "db", 1, VaultPolicy.newBuilder().setOwner(1).build(), keys, RANDOM)).build(),
          TIMEOUT_MILLIS);
      assertEquals(ResultCode.RESULT_OK_VALUE, put.getVault().getCode(), put.toString());

      SealingKeyPair ephemeral = SealingKeyPair.generate(RANDOM);
      RawClient.Answer got = owner.executeCollectingShares(get("db", ephemeral), TIMEOUT_MILLIS);
      VaultResult result = got.result().getVault();
      assertEquals(ResultCode.RESULT_OK_VALUE, result.getCode());
      assertEquals(4, got.replicaShares().size());
      try (RecoveredSecret secret = VaultReader.read(result, got.replicaShares(), ephemeral, 4)) {
        assertArrayEquals(SECRET, secret.secret());
        assertTrue(secret.suspects().isEmpty(), secret.toString());
      }

      Map<Integer, Bytes> withheld = new TreeMap<>(got.replicaShares());
      withheld.remove(2);
      expectRecovered(result, withheld, ephemeral, Map.of(2, ShareFault.MISSING));
      Map<Integer, Bytes> replayed = new TreeMap<>(got.replicaShares());
      replayed.put(1, replayed.get(3));
      expectRecovered(result, replayed, ephemeral, Map.of(1, ShareFault.BAD));

      RawClient.Answer refused = stranger.executeCollectingShares(
          get("db", SealingKeyPair.generate(RANDOM)), TIMEOUT_MILLIS);
      assertEquals(ResultCode.RESULT_VAULT_NOT_AUTHORISED_VALUE,
          refused.result().getVault().getCode());
      assertTrue(refused.replicaShares().values().stream().allMatch(Bytes::isEmpty));
      LedgerResult status = owner.execute(LedgerOperation.newBuilder().setVaultStatus(
          VaultStatusQuery.newBuilder().setName("db").setAccessesLimit(10)).build(),
          TIMEOUT_MILLIS);
      VaultAccess last = status.getVault().getAccesses(status.getVault().getAccessesCount() - 1);
      assertEquals(2, last.getMember());
      assertEquals(ResultCode.RESULT_VAULT_NOT_AUTHORISED_VALUE, last.getCode());

      LedgerResult refresh = owner.execute(LedgerOperation.newBuilder().setVaultRefresh(
          VaultDealer.refresh("db", 2, keys, RANDOM)).build(), TIMEOUT_MILLIS);
      assertEquals(ResultCode.RESULT_OK_VALUE, refresh.getVault().getCode());
      SealingKeyPair second = SealingKeyPair.generate(RANDOM);
      RawClient.Answer again = owner.executeCollectingShares(get("db", second), TIMEOUT_MILLIS);
      try (RecoveredSecret secret = VaultReader.read(again.result().getVault(),
          again.replicaShares(), second, 4)) {
        assertArrayEquals(SECRET, secret.secret());
        assertEquals(2, secret.version());
        assertTrue(secret.suspects().isEmpty(), secret.toString());
      }
      assertTrue(consortium.fatalErrors().isEmpty(), consortium.fatalErrors().toString());
    }
  }

  @Test
  void aRestartOfEveryReplicaKeepsTheSecret() throws Exception {
    try (LocalConsortium consortium = LocalConsortium.start(directory, 4, 2)) {
      try (RawClient owner = client(consortium, 1)) {
        LedgerResult put = owner.execute(LedgerOperation.newBuilder().setVaultPut(
            VaultDealer.put(SECRET, "kept", 1, VaultPolicy.newBuilder().setOwner(1)
                .addReaders(2).build(), VaultDealer.sealingKeys(consortium.genesis), RANDOM))
            .build(), TIMEOUT_MILLIS);
        assertEquals(ResultCode.RESULT_OK_VALUE, put.getVault().getCode(), put.toString());
      }
      for (int i = 0; i < consortium.replicas(); i++) {
        consortium.stop(i);
      }
      for (int i = 0; i < consortium.replicas(); i++) {
        consortium.start(i);
      }
      // A fresh client (RawClient does not resend over sockets that broke with the restart).
      try (RawClient reader = client(consortium, 2)) {
        SealingKeyPair ephemeral = SealingKeyPair.generate(RANDOM);
        RawClient.Answer got = reader.executeCollectingShares(get("kept", ephemeral),
            TIMEOUT_MILLIS);
        try (RecoveredSecret secret = VaultReader.read(got.result().getVault(),
            got.replicaShares(), ephemeral, 4)) {
          assertArrayEquals(SECRET, secret.secret());
          assertEquals(1, secret.version());
        }
      }
      assertTrue(consortium.fatalErrors().isEmpty(), consortium.fatalErrors().toString());
    }
  }

  /** Reads with a doctored set of replica shares (a faulty replica simulated by the client). */
  private static void expectRecovered(VaultResult result, Map<Integer, Bytes> shares,
      SealingKeyPair ephemeral, Map<Integer, ShareFault> suspects) {
    try (RecoveredSecret secret = VaultReader.read(result, shares, ephemeral, 4)) {
      assertArrayEquals(SECRET, secret.secret());
      assertEquals(suspects, secret.suspects());
    }
  }

  private static LedgerOperation get(String name, SealingKeyPair ephemeral) {
    return LedgerOperation.newBuilder().setVaultGet(VaultGet.newBuilder().setName(name)
        .setEphemeralPublicKey(ByteString.copyFrom(ephemeral.publicKey().toByteArray())))
        .build();
  }

  private static RawClient client(LocalConsortium consortium, long id) throws Exception {
    return new RawClient(consortium.genesis, id,
        consortium.layout.clientKeys(id).resolve("signing.key"));
  }
}
