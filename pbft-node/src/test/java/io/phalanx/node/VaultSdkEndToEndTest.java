package io.phalanx.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.client.PhalanxClient;
import io.phalanx.client.RejectedException;
import io.phalanx.client.VaultChange;
import io.phalanx.client.VaultStatus;
import io.phalanx.client.vault.RecoveredSecret;
import io.phalanx.client.vault.ShareFault;
import io.phalanx.protocol.ResultCode;
import io.phalanx.protocol.VaultAccess;
import io.phalanx.protocol.VaultAccessKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vault through the SDK's {@code client.vault()} on four real replicas. */
class VaultSdkEndToEndTest {
  private static final byte[] SECRET = "s3cret: the signing key".getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path directory;

  @Test
  void putGetRefusedReaderRefreshAndDeleteThroughTheSdk() throws Exception {
    try (LocalConsortium consortium = LocalConsortium.start(directory, 4, 3);
        PhalanxClient owner = client(consortium, 1);
        PhalanxClient reader = client(consortium, 2);
        PhalanxClient stranger = client(consortium, 3)) {
      VaultChange put = await(owner.vault().put("db", SECRET, List.of(2L)));
      assertEquals(new VaultChange("db", 1), put);

      try (RecoveredSecret secret = await(reader.vault().get("db"))) {
        assertArrayEquals(SECRET, secret.secret());
        assertEquals(1, secret.version());
        assertTrue(secret.suspects().isEmpty(), secret.toString());
      }

      RejectedException refused = rejected(stranger.vault().get("db"));
      assertEquals("vault_not_authorised", refused.codeName());
      VaultStatus status = await(owner.vault().status("db"));
      VaultAccess last = status.accesses().get(status.accesses().size() - 1);
      assertEquals(3, last.getMember());
      assertEquals(VaultAccessKind.VAULT_ACCESS_GET, last.getKind());
      assertEquals(ResultCode.RESULT_VAULT_NOT_AUTHORISED_VALUE, last.getCode());
      assertEquals(2, status.threshold());
      assertFalse(status.deleted());

      assertEquals(new VaultChange("db", 2), await(owner.vault().refresh("db")));
      try (RecoveredSecret secret = await(owner.vault().get("db"))) {
        assertArrayEquals(SECRET, secret.secret());
        assertEquals(2, secret.version());
      }
      assertEquals("vault_not_authorised", rejected(reader.vault().refresh("db")).codeName());

      byte[] replaced = "rotated".getBytes(StandardCharsets.UTF_8);
      assertEquals(new VaultChange("db", 3), await(owner.vault().put("db", replaced, List.of())));
      try (RecoveredSecret secret = await(owner.vault().get("db"))) {
        assertArrayEquals(replaced, secret.secret());
      }
      assertEquals("vault_not_authorised", rejected(reader.vault().get("db")).codeName());

      assertEquals(new VaultChange("db", 4), await(owner.vault().delete("db")));
      assertEquals("vault_deleted", rejected(owner.vault().get("db")).codeName());
      assertTrue(await(owner.vault().status("db")).deleted());
      assertEquals("vault_not_found", rejected(owner.vault().get("nothing")).codeName());
      assertTrue(consortium.fatalErrors().isEmpty(), consortium.fatalErrors().toString());
    }
  }

  @Test
  void withSevenReplicasFStoppedOnesAreNamedAndTheSecretStillComesBack() throws Exception {
    try (LocalConsortium consortium = LocalConsortium.start(directory, 7, 1);
        PhalanxClient owner = client(consortium, 1)) {
      assertEquals(1, await(owner.vault().put("k7", SECRET, List.of())).version());
      consortium.stop(5);
      consortium.stop(6);
      try (RecoveredSecret secret = await(owner.vault().get("k7"))) {
        assertArrayEquals(SECRET, secret.secret());
        assertEquals(Map.of(5, ShareFault.MISSING, 6, ShareFault.MISSING), secret.suspects());
      }
      assertTrue(consortium.fatalErrors().isEmpty(), consortium.fatalErrors().toString());
    }
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(60, TimeUnit.SECONDS);
  }

  private static RejectedException rejected(CompletableFuture<?> future) {
    ExecutionException failure = assertThrows(ExecutionException.class,
        () -> future.get(60, TimeUnit.SECONDS));
    return assertInstanceOf(RejectedException.class, failure.getCause());
  }

  private static PhalanxClient client(LocalConsortium consortium, long id) {
    return PhalanxClient.builder().config(consortium.layout.clientConfig(id)).build();
  }
}
