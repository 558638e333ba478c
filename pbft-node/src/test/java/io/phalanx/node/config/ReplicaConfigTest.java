package io.phalanx.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.phalanx.config.ConfigException;
import io.phalanx.config.HostPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicaConfigTest {
  private static final String VALID = """
      replica: 2
      genesis: genesis.pb
      signingKey: keys/signing.key
      sealingKey: keys/sealing.key
      dataDirectory: data/replica-2
      listen:
        peers: 127.0.0.1:7002
        clients: 127.0.0.1:7102
        admin: 127.0.0.1:7202
      """;

  @TempDir
  Path directory;

  @BeforeEach
  void writeReferencedFiles() throws IOException {
    Files.createDirectories(directory.resolve("keys"));
    Files.writeString(directory.resolve("genesis.pb"), "");
    Files.writeString(directory.resolve("keys/signing.key"), "");
    Files.writeString(directory.resolve("keys/sealing.key"), "");
  }

  @Test
  void loadsAValidFileWithProtocolDefaults() throws IOException {
    ReplicaConfig config = ReplicaConfig.load(write(VALID));

    assertEquals(2, config.replica());
    assertEquals(new HostPort("127.0.0.1", 7102), config.clientListen());
    assertEquals(directory.resolve("data/replica-2"), config.dataDirectory());
    assertEquals(128, config.protocol().checkpointInterval());
    assertEquals(256, config.protocol().watermarkWindow());
  }

  @Test
  void theWatermarkWindowMustBeAMultipleOfTheCheckpointInterval() throws IOException {
    Path file = write(VALID + "protocol:\n  checkpointInterval: 100\n  watermarkWindow: 250\n");

    ConfigException error = assertThrows(ConfigException.class, () -> ReplicaConfig.load(file));

    assertEquals("protocol.watermarkWindow", error.field());
  }

  @Test
  void errorsNameTheNestedField() throws IOException {
    assertEquals("listen.admin", assertThrows(ConfigException.class,
        () -> ReplicaConfig.load(write(VALID.replace("127.0.0.1:7202", "nowhere")))).field());
    assertEquals("listen.extra", assertThrows(ConfigException.class,
        () -> ReplicaConfig.load(write(VALID + "  extra: 1\n"))).field());
    assertEquals("protocol.batchRequestsMax", assertThrows(ConfigException.class,
        () -> ReplicaConfig.load(write(VALID + "protocol:\n  batchRequestsMax: 0\n"))).field());
  }

  private Path write(String text) throws IOException {
    Path file = directory.resolve("replica.yaml");
    Files.writeString(file, text);
    return file;
  }
}
