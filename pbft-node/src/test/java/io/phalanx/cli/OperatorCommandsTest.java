package io.phalanx.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.config.ClientConfig;
import io.phalanx.crypto.KeyFiles;
import io.phalanx.node.config.ConsortiumLayout;
import io.phalanx.node.config.ReplicaConfig;
import io.phalanx.protocol.Genesis;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class OperatorCommandsTest {
  @TempDir
  Path directory;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine command = PhalanxCommand.commandLine();
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  @Test
  void versionPrintsTheBuildVersion() {
    assertEquals(0, run("version"));
    assertTrue(out.toString().startsWith("phalanx " + PhalanxVersion.version()), out.toString());
  }

  @Test
  void keygenWritesBothKeyPairsWithPrivateFilesReadableOnlyByTheOwner() throws Exception {
    Path keys = directory.resolve("keys");

    assertEquals(0, run("keygen", "--out", keys.toString()), err.toString());

    Path signing = keys.resolve("signing.key");
    assertEquals("rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(signing)));
    assertEquals("rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("sealing.key"))));
    assertEquals(KeyFiles.readPrivateKey(signing).publicKey(),
        KeyFiles.readPublicKey(keys.resolve("signing.pub")));
    assertEquals(KeyFiles.readSealingPrivateKey(keys.resolve("sealing.key")).publicKey(),
        KeyFiles.readSealingPublicKey(keys.resolve("sealing.pub")));
  }

  @Test
  void keygenRefusesToOverwriteAnyKey() throws Exception {
    Path keys = directory.resolve("keys");
    assertEquals(0, run("keygen", "--out", keys.toString()));
    byte[] before = Files.readAllBytes(keys.resolve("signing.key"));
    Files.delete(keys.resolve("signing.pub"));

    assertEquals(1, run("keygen", "--out", keys.toString()));

    assertTrue(err.toString().contains("refusing to overwrite"), err.toString());
    assertArrayEquals(before, Files.readAllBytes(keys.resolve("signing.key")));
    assertTrue(Files.notExists(keys.resolve("signing.pub")), "nothing is written on refusal");
  }

  @Test
  void initWritesAConsortiumWhoseConfigsLoadAndWhoseGenesisNamesTheKeysOnDisk() throws Exception {
    Path consortium = directory.resolve("c");

    assertEquals(0, run("init", "--replicas", "4", "--clients", "3", "--dir", consortium.toString(),
        "--base-port", "17000"), err.toString());

    ConsortiumLayout layout = new ConsortiumLayout(consortium);
    Genesis genesis = Genesis.parseFrom(Files.readAllBytes(layout.genesis()));
    assertEquals(4, genesis.getReplicasCount());
    assertEquals(3, genesis.getMembersCount());
    assertEquals(3, genesis.getGovernanceThreshold());
    Set<String> consortiumIds = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      ReplicaConfig config = ReplicaConfig.load(layout.replicaConfig(i));
      assertEquals(i, config.replica());
      assertEquals(17000 + i, config.peerListen().port());
      assertEquals(17100 + i, config.clientListen().port());
      assertArrayEquals(genesis.getReplicas(i).getSigningKey().toByteArray(),
          KeyFiles.readPrivateKey(config.signingKey()).publicKey().toByteArray());
      assertArrayEquals(genesis.getReplicas(i).getSealingKey().toByteArray(),
          KeyFiles.readSealingPrivateKey(config.sealingKey()).publicKey().toByteArray());
      consortiumIds.add(genesis.getConsortiumId());
    }
    ClientConfig client = ClientConfig.load(layout.clientConfig(1));
    assertArrayEquals(genesis.getMembers(0).getPublicKey().toByteArray(),
        KeyFiles.readPrivateKey(client.signingKey()).publicKey().toByteArray());
    assertTrue(genesis.getMembers(0).getRolesList().contains("issuer"));
    assertEquals(1, consortiumIds.size());
  }

  @Test
  void initRefusesAnExistingConsortiumAndAReplicaCountThatIsNotThreeFPlusOne() {
    Path consortium = directory.resolve("c");
    assertEquals(0, run("init", "--dir", consortium.toString()));

    assertEquals(1, run("init", "--dir", consortium.toString()));
    assertEquals(2, run("init", "--replicas", "5", "--dir", directory.resolve("d").toString()));
    assertTrue(err.toString().contains("3f+1"), err.toString());
  }
}
