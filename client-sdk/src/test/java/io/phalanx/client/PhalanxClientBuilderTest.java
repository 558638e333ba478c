package io.phalanx.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.config.ConfigException;
import io.phalanx.crypto.KeyFiles;
import io.phalanx.crypto.SigningKeyPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhalanxClientBuilderTest {
  @TempDir
  Path directory;

  private final ScriptedCluster cluster = new ScriptedCluster();

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void aClientConfigFileNamesTheIdentityTheKeyAndTheGenesis() throws Exception {
    Files.write(directory.resolve("genesis.pb"), cluster.genesis().toByteArray());
    Files.createDirectories(directory.resolve("keys"));
    KeyFiles.writeKeyPair(directory.resolve("keys"), "signing",
        SigningKeyPair.generate(new SecureRandom()));
    Path config = directory.resolve("client-3.yaml");
    Files.writeString(config, "client: 3\ngenesis: genesis.pb\nsigningKey: keys/signing.key\n");

    try (PhalanxClient client = PhalanxClient.builder().config(config).build()) {
      assertEquals(3, client.clientId());
      assertEquals(ScriptedCluster.REPLICAS, client.replicas());
    }
  }

  @Test
  void aMissingKeyIsAConfigurationErrorNamingTheField() throws Exception {
    Files.write(directory.resolve("genesis.pb"), cluster.genesis().toByteArray());
    Path config = directory.resolve("client-3.yaml");
    Files.writeString(config, "client: 3\ngenesis: genesis.pb\nsigningKey: nowhere.key\n");

    ConfigException failure = assertThrows(ConfigException.class,
        () -> PhalanxClient.builder().config(config));
    assertEquals("signingKey", failure.field());
  }

  @Test
  void aClientNeedsAnIdentityAndADeadlineNoShorterThanOneTimeout() {
    assertThrows(IllegalStateException.class,
        () -> PhalanxClient.builder().genesis(cluster.genesis()).build());
    IllegalArgumentException shortDeadline = assertThrows(IllegalArgumentException.class,
        () -> cluster.clientBuilder().requestTimeout(Duration.ofSeconds(5))
            .deadline(Duration.ofSeconds(1)).build());
    assertTrue(shortDeadline.getMessage().contains("deadline"));
    assertThrows(IllegalArgumentException.class,
        () -> PhalanxClient.builder().identity(0, SigningKeyPair.generate(new SecureRandom())));
  }
}
