package io.phalanx.client.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.phalanx.crypto.feldman.FeldmanShare;
import io.phalanx.crypto.feldman.FeldmanVss;
import io.phalanx.crypto.seal.Sealer;
import io.phalanx.protocol.VaultPolicy;
import io.phalanx.protocol.VaultPut;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VaultDealerTest {
  @ParameterizedTest
  @ValueSource(ints = {4, 7})
  void shareIIsSealedToReplicaIAndBoundToItsPlace(int replicas) {
    SimulatedVault vault = new SimulatedVault(replicas);
    VaultPut put = vault.put("s3cr3t".getBytes(StandardCharsets.UTF_8), "n");
    assertEquals(vault.faults() + 1, put.getThreshold());
    assertEquals(vault.faults() + 1, put.getCommitmentsCount());
    assertEquals(replicas, put.getSharesCount());
    assertEquals(1, put.getVersion());
    assertFalse(put.toString().contains("s3cr3t"));
    for (int i = 0; i < replicas; i++) {
      byte[] plain = Sealer.open(vault.replicaKeys.get(i),
          VaultWire.box(put.getShares(i).getBox()), VaultBinding.share("n", 1, i));
      FeldmanShare share = FeldmanShare.fromBytes(io.phalanx.crypto.Bytes.wrapOwned(plain));
      assertEquals(i + 1, share.index());
      assertEquals(true, FeldmanVss.isValid(share,
          VaultWire.commitments(put.getCommitmentsList())));
      int replica = i;
      assertThrows(io.phalanx.crypto.SealingException.class, () -> Sealer.open(
          vault.replicaKeys.get(replica), VaultWire.box(put.getShares(replica).getBox()),
          VaultBinding.share("n", 2, replica)));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void tooFewReplicasAreRefused(int replicas) {
    SimulatedVault vault = new SimulatedVault(replicas);
    assertThrows(IllegalArgumentException.class, () -> VaultDealer.put(new byte[1], "n", 1,
        VaultPolicy.getDefaultInstance(), vault.publicKeys(), SimulatedVault.RANDOM));
  }
}
