package io.phalanx.node.config;

import io.phalanx.config.HostPort;
import io.phalanx.config.NetworkSettings;
import io.phalanx.config.YamlSection;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One replica's configuration file ({@code replica-I.yaml}, written by {@code phalanx init}).
 * Relative paths in the file are resolved against the file's directory.
 *
 * @param file where this configuration came from
 * @param replica this replica's index in the genesis, 0..n-1
 * @param genesis the consortium's genesis file
 * @param signingKey this replica's Ed25519 private key (PEM)
 * @param sealingKey this replica's X25519 private key (PEM), for vault shares
 * @param dataDirectory where LevelDB and the replica log live
 * @param peerListen address the peer listener binds
 * @param clientListen address the client listener binds
 * @param adminListen address of the admin HTTP port (/status, /metrics)
 * @param protocol PBFT tuning
 * @param network transport limits
 * @param tls mutual TLS on replica links, when the {@code tls} section is present
 */
public record ReplicaConfig(
    Path file,
    int replica,
    Path genesis,
    Path signingKey,
    Path sealingKey,
    Path dataDirectory,
    HostPort peerListen,
    HostPort clientListen,
    HostPort adminListen,
    ProtocolSettings protocol,
    NetworkSettings network,
    java.util.Optional<TlsFiles> tls) {

  /** PEM files for mutual TLS: this replica's key and certificate, and the consortium CA. */
  public record TlsFiles(Path key, Path certificate, Path ca) {}

  public ReplicaConfig {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(genesis, "genesis");
    Objects.requireNonNull(signingKey, "signingKey");
    Objects.requireNonNull(sealingKey, "sealingKey");
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(peerListen, "peerListen");
    Objects.requireNonNull(clientListen, "clientListen");
    Objects.requireNonNull(adminListen, "adminListen");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(tls, "tls");
  }

  /**
   * Reads and checks a replica configuration.
   *
   * @throws ConfigException naming the file and the field when anything is missing or wrong
   */
  public static ReplicaConfig load(Path file) {
    YamlSection root = YamlSection.load(file);
    int replica = root.intValue("replica", 0, 1_000);
    YamlSection listen = root.section("listen");
    ReplicaConfig config = new ReplicaConfig(
        file,
        replica,
        root.path("genesis", true),
        root.path("signingKey", true),
        root.path("sealingKey", true),
        root.path("dataDirectory", false),
        listen.hostPort("peers"),
        listen.hostPort("clients"),
        listen.hostPort("admin"),
        ProtocolSettings.read(root.optionalSection("protocol")),
        NetworkSettings.read(root.optionalSection("network")),
        readTls(root));
    listen.rejectUnknownFields();
    root.rejectUnknownFields();
    return config;
  }

  private static java.util.Optional<TlsFiles> readTls(YamlSection root) {
    if (!root.has("tls")) {
      return java.util.Optional.empty();
    }
    YamlSection tls = root.section("tls");
    TlsFiles files = new TlsFiles(tls.path("key", true), tls.path("certificate", true),
        tls.path("ca", true));
    tls.rejectUnknownFields();
    return java.util.Optional.of(files);
  }
}
