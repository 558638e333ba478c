package io.phalanx.node.config;

import java.nio.file.Path;

/** Where {@code phalanx init} puts each file of a consortium directory. */
public final class ConsortiumLayout {
  private final Path directory;

  public ConsortiumLayout(Path directory) {
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }

  /** The genesis, a binary {@code Genesis} protobuf identical on every replica. */
  public Path genesis() {
    return directory.resolve("genesis.pb");
  }

  /** The genesis in protobuf text format, for people to read; nothing loads it. */
  public Path genesisText() {
    return directory.resolve("genesis.txt");
  }

  /** The consortium CA's certificate, when replica links use mutual TLS. */
  public Path tlsCaCertificate() {
    return directory.resolve("tls-ca.crt");
  }

  public Path replicaConfig(int replica) {
    return directory.resolve("replica-" + replica + ".yaml");
  }

  public Path clientConfig(long client) {
    return directory.resolve("client-" + client + ".yaml");
  }

  public Path replicaKeys(int replica) {
    return directory.resolve("keys").resolve("replica-" + replica);
  }

  public Path clientKeys(long client) {
    return directory.resolve("keys").resolve("client-" + client);
  }

  public Path organisationKeys(String organisation) {
    return directory.resolve("keys").resolve(organisation);
  }

  public Path replicaData(int replica) {
    return directory.resolve("data").resolve("replica-" + replica);
  }
}
