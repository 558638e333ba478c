package io.phalanx.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A client's configuration file ({@code client-I.yaml}, written by {@code phalanx init}): who the
 * client is and which consortium it talks to. The replicas' addresses come from the genesis.
 *
 * @param file where this configuration came from
 * @param clientId the client's member id in the genesis
 * @param genesis the consortium's genesis file
 * @param signingKey the client's Ed25519 private key (PEM)
 * @param requestTimeoutMillis how long to wait for f+1 matching replies before resending to all
 * @param network transport limits
 */
public record ClientConfig(
    Path file, long clientId, Path genesis, Path signingKey, int requestTimeoutMillis,
    NetworkSettings network) {

  public ClientConfig {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(genesis, "genesis");
    Objects.requireNonNull(signingKey, "signingKey");
    Objects.requireNonNull(network, "network");
  }

  /** @throws ConfigException naming the file and the field when anything is missing or wrong */
  public static ClientConfig load(Path file) {
    YamlSection root = YamlSection.load(file);
    ClientConfig config = new ClientConfig(
        file,
        root.longValue("client", 1, Long.MAX_VALUE),
        root.path("genesis", true),
        root.path("signingKey", true),
        root.intValue("requestTimeoutMillis", 10, 600_000, 3_000),
        NetworkSettings.read(root.optionalSection("network")));
    root.rejectUnknownFields();
    return config;
  }
}
