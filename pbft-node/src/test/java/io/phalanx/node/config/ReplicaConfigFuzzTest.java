package io.phalanx.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.phalanx.config.ConfigException;
import io.phalanx.config.HostPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes replica configuration files: the fuzzed bytes are written to a file beside the files a
 * replica configuration refers to, then loaded. Contract: a bad file raises
 * {@link ConfigException} naming that file, never another exception; a file that loads gives
 * values inside their documented ranges.
 *
 * <p>Regression inputs: {@code src/test/resources/io/phalanx/node/config/ReplicaConfigFuzzTestInputs/}.
 */
class ReplicaConfigFuzzTest {
  @TempDir
  static Path directory;

  @BeforeAll
  static void writeReferencedFiles() throws IOException {
    Files.createDirectories(directory.resolve("keys"));
    Files.writeString(directory.resolve("genesis.pb"), "");
    Files.writeString(directory.resolve("keys/signing.key"), "");
    Files.writeString(directory.resolve("keys/sealing.key"), "");
  }

  @FuzzTest
  void replicaConfig(byte[] data) throws IOException {
    Path file = directory.resolve("replica.yaml");
    Files.write(file, data);
    ReplicaConfig config;
    try {
      config = ReplicaConfig.load(file);
    } catch (ConfigException e) {
      assertEquals(file, e.file(), e.getMessage());
      return;
    }
    assertEquals(file, config.file());
    assertTrue(config.replica() >= 0 && config.replica() <= 1_000, config.toString());
    assertTrue(Files.exists(config.genesis()) && Files.exists(config.signingKey())
        && Files.exists(config.sealingKey()), config.toString());
    ProtocolSettings protocol = config.protocol();
    assertTrue(protocol.checkpointInterval() >= 1, protocol.toString());
    assertEquals(0, protocol.watermarkWindow() % protocol.checkpointInterval(), protocol.toString());
    assertTrue(protocol.batchRequestsMax() >= 1 && protocol.batchBytesMax() >= 1024,
        protocol.toString());
    assertTrue(config.network().reconnectDelayMillisMin()
        <= config.network().reconnectDelayMillisMax(), config.network().toString());
    for (HostPort address : new HostPort[] {
        config.peerListen(), config.clientListen(), config.adminListen()}) {
      assertTrue(!address.host().isBlank() && address.port() >= 0 && address.port() <= 65_535,
          address.toString());
    }
  }
}
