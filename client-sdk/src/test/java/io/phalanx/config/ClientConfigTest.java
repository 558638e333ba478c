package io.phalanx.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientConfigTest {
  @TempDir
  Path directory;

  @BeforeEach
  void writeReferencedFiles() throws IOException {
    Files.writeString(directory.resolve("genesis.pb"), "");
    Files.writeString(directory.resolve("client.key"), "");
  }

  @Test
  void loadsAValidFileResolvingPathsAgainstItsDirectory() throws IOException {
    Path file = write("client: 7\ngenesis: genesis.pb\nsigningKey: client.key\n"
        + "network:\n  frameBytesMax: 65536\n");

    ClientConfig config = ClientConfig.load(file);

    assertEquals(7, config.clientId());
    assertEquals(directory.resolve("genesis.pb"), config.genesis());
    assertEquals(65_536, config.network().frameBytesMax());
    assertEquals(3_000, config.requestTimeoutMillis());
  }

  @Test
  void aMissingFieldIsNamedWithTheFile() throws IOException {
    Path file = write("client: 7\ngenesis: genesis.pb\n");

    ConfigException error = assertThrows(ConfigException.class, () -> ClientConfig.load(file));

    assertEquals("signingKey", error.field());
    assertTrue(error.getMessage().startsWith(file.toString()), error.getMessage());
  }

  @Test
  void aTypoIsAnUnknownFieldNotASilentDefault() throws IOException {
    Path file = write("client: 7\ngenesis: genesis.pb\nsigningKey: client.key\n"
        + "network:\n  frameBytesMaximum: 65536\n");

    ConfigException error = assertThrows(ConfigException.class, () -> ClientConfig.load(file));

    assertEquals("network.frameBytesMaximum", error.field());
  }

  @Test
  void wrongTypesAndRangesAreRejected() throws IOException {
    assertEquals("client", assertThrows(ConfigException.class, () -> ClientConfig.load(
        write("client: seven\ngenesis: genesis.pb\nsigningKey: client.key\n"))).field());
    assertEquals("client", assertThrows(ConfigException.class, () -> ClientConfig.load(
        write("client: 0\ngenesis: genesis.pb\nsigningKey: client.key\n"))).field());
    assertEquals("genesis", assertThrows(ConfigException.class, () -> ClientConfig.load(
        write("client: 1\ngenesis: missing.pb\nsigningKey: client.key\n"))).field());
  }

  @Test
  void malformedYamlDuplicateKeysAndNonMappingsAreRejectedAsAWhole() throws IOException {
    for (String text : new String[] {"client: [1\n", "client: 1\nclient: 2\n", "- a\n- b\n", ""}) {
      ConfigException error = assertThrows(ConfigException.class, () -> ClientConfig.load(write(text)));
      assertEquals("", error.field(), text);
    }
    assertThrows(ConfigException.class, () -> ClientConfig.load(directory.resolve("absent.yaml")));
  }

  @Test
  void hostPortParsesNamesAndBracketedIpv6AndRejectsGarbage() {
    assertEquals(new HostPort("127.0.0.1", 7000), HostPort.parse("127.0.0.1:7000"));
    assertEquals(new HostPort("::1", 7000), HostPort.parse("[::1]:7000"));
    assertEquals("[::1]:7000", HostPort.parse("[::1]:7000").toString());
    for (String bad : new String[] {"localhost", ":7000", "host:", "host:port", "host:70000"}) {
      assertThrows(IllegalArgumentException.class, () -> HostPort.parse(bad), bad);
    }
  }

  // The three below were found by ClientConfigFuzzTest; its corpus keeps the inputs.

  @Test
  void aBadScalarUnderAnExplicitTagIsInvalidYamlNotANumberFormatException() throws IOException {
    Path file = write("client: !!int 0x\ngenesis: genesis.pb\nsigningKey: client.key\n");

    ConfigException error = assertThrows(ConfigException.class, () -> ClientConfig.load(file));

    assertEquals("", error.field());
    assertTrue(error.getMessage().contains("is not valid YAML"), error.getMessage());
  }

  @Test
  void aPathWithANulCharacterIsAFieldErrorNotAnInvalidPathException() throws IOException {
    Path file = write("client: 1\ngenesis: \"genesis\\0.pb\"\nsigningKey: client.key\n");

    ConfigException error = assertThrows(ConfigException.class, () -> ClientConfig.load(file));

    assertEquals("genesis", error.field());
  }

  @Test
  void aListThatContainsItselfIsReportedWithoutPrintingIt() throws IOException {
    Path file = write("client: &a [[*a]]\ngenesis: genesis.pb\nsigningKey: client.key\n");

    ConfigException error = assertThrows(ConfigException.class, () -> ClientConfig.load(file));

    assertEquals("client", error.field());
    assertTrue(error.getMessage().endsWith("expected a whole number, got a list"), error.getMessage());
  }

  private Path write(String text) throws IOException {
    Path file = Files.createTempFile(directory, "client", ".yaml");
    Files.writeString(file, text);
    return file;
  }
}
