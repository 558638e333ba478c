package io.phalanx.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes configuration files: the fuzzed bytes are written to a file beside the files a client
 * configuration refers to, then loaded. Contract: a bad file raises {@link ConfigException}
 * naming that file, never another exception; a file that loads gives values inside their
 * documented ranges.
 *
 * <p>Regression inputs: {@code src/test/resources/io/phalanx/config/ClientConfigFuzzTestInputs/}.
 */
class ClientConfigFuzzTest {
  @TempDir
  static Path directory;

  @BeforeAll
  static void writeReferencedFiles() throws IOException {
    Files.createDirectories(directory.resolve("keys"));
    Files.writeString(directory.resolve("genesis.pb"), "");
    Files.writeString(directory.resolve("keys/signing.key"), "");
  }

  @FuzzTest
  void clientConfig(byte[] data) throws IOException {
    Path file = directory.resolve("client.yaml");
    Files.write(file, data);
    ClientConfig config;
    try {
      config = ClientConfig.load(file);
    } catch (ConfigException e) {
      assertEquals(file, e.file(), e.getMessage());
      return;
    }
    assertEquals(file, config.file());
    assertTrue(config.clientId() >= 1, config.toString());
    assertTrue(Files.exists(config.genesis()) && Files.exists(config.signingKey()), config.toString());
    assertTrue(config.requestTimeoutMillis() >= 10 && config.requestTimeoutMillis() <= 600_000);
    NetworkSettings network = config.network();
    assertTrue(network.frameBytesMax() >= 1024 && network.outboundQueueMax() >= 16, network.toString());
    assertTrue(network.reconnectDelayMillisMin() >= 1
        && network.reconnectDelayMillisMin() <= network.reconnectDelayMillisMax(), network.toString());
  }

  /** Every accessor of {@link YamlSection} on fixed field names of a fuzzed file. */
  @FuzzTest
  void yamlSectionAccessors(byte[] data) throws IOException {
    Path file = directory.resolve("section.yaml");
    Files.write(file, data);
    YamlSection root;
    try {
      root = YamlSection.load(file);
    } catch (ConfigException e) {
      assertEquals(file, e.file(), e.getMessage());
      return;
    }
    read(file, () -> root.string("text"));
    read(file, () -> root.string("name", "default"));
    read(file, () -> root.longValue("number", -1_000, 1_000));
    read(file, () -> root.intValue("count", 0, 10, 5));
    read(file, () -> root.booleanValue("flag", false));
    read(file, () -> root.list("items"));
    read(file, () -> root.hostPort("address"));
    read(file, () -> root.path("file", false));
    read(file, () -> root.path("existing", true));
    read(file, () -> root.optionalSection("section").intValue("number", 0, 100, 1));
    read(file, () -> {
      root.rejectUnknownFields();
      return null;
    });
  }

  private static void read(Path file, Supplier<?> accessor) {
    try {
      accessor.get();
    } catch (ConfigException e) {
      assertEquals(file, e.file(), e.getMessage());
    }
  }
}
