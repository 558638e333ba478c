package io.phalanx.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenesisFileTest {

  @Test
  void aWrittenGenesisReadsBackToTheSameConfig(@TempDir Path directory) {
    Path file = directory.resolve("genesis.pb");
    GenesisFile.write(file, TestConsortium.genesis());

    GenesisConfig config = GenesisFile.read(file);
    assertEquals(TestConsortium.config(), config);
    assertEquals(4, config.replicaCount());
    assertEquals(1, config.faultsTolerated());
    assertEquals(3, config.commitQuorum());
  }

  @Test
  void aGenesisWithRepeatedReplicasOrAnImpossibleThresholdIsRefused() {
    var genesis = TestConsortium.genesis();
    var repeated = genesis.toBuilder().setReplicas(1, genesis.getReplicas(1).toBuilder()
        .setIndex(0)).build();
    var threshold = genesis.toBuilder().setGovernanceThreshold(4).build();
    var unknownOrganisation = genesis.toBuilder().setMembers(0, genesis.getMembers(0).toBuilder()
        .setOrganisation("nobody")).build();

    assertThrows(IllegalArgumentException.class, () -> GenesisConfig.fromProto(repeated));
    assertThrows(IllegalArgumentException.class, () -> GenesisConfig.fromProto(threshold));
    assertThrows(IllegalArgumentException.class,
        () -> GenesisConfig.fromProto(unknownOrganisation));
  }
}
