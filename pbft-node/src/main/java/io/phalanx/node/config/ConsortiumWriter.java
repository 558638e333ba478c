package io.phalanx.node.config;

import com.google.protobuf.ByteString;
import com.google.protobuf.TextFormat;
import io.phalanx.config.HostPort;
import io.phalanx.crypto.KeyFiles;
import io.phalanx.crypto.SealingKeyPair;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.protocol.Genesis;
import io.phalanx.protocol.Member;
import io.phalanx.protocol.Organisation;
import io.phalanx.protocol.ReplicaIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Writes a fresh consortium directory: keys for every replica, client and organisation, the
 * genesis, and one YAML configuration per replica and per client (see {@link ConsortiumLayout}).
 *
 * <p>Organisations: one per replica ({@code org-0} … {@code org-(n-1)}), each with a governance
 * key; governance needs a majority of them. Clients are members {@code 1..C}, client {@code j}
 * belongs to organisation {@code (j-1) mod n}; every client has the role {@code member} and
 * client 1 also {@code issuer}, so a fresh consortium can fund accounts.
 */
public final class ConsortiumWriter {
  /** What to write. */
  public record Plan(int replicas, int clients, List<HostPort> peerAddresses, long genesisTimeMillis,
      boolean tls) {
    public Plan {
      if (replicas < 4 || (replicas - 1) % 3 != 0) {
        throw new IllegalArgumentException("replicas must be 3f+1 with f >= 1 (4, 7, 10, ...), got " + replicas);
      }
      if (clients < 1 || clients > 10_000) {
        throw new IllegalArgumentException("clients must be between 1 and 10000, got " + clients);
      }
      peerAddresses = List.copyOf(peerAddresses);
      if (peerAddresses.size() != replicas) {
        throw new IllegalArgumentException(
            "need one address per replica: " + replicas + " replicas, " + peerAddresses.size() + " addresses");
      }
    }

    public Plan(int replicas, int clients, List<HostPort> peerAddresses, long genesisTimeMillis) {
      this(replicas, clients, peerAddresses, genesisTimeMillis, false);
    }

    /**
     * The same plan with mutual TLS on replica links: a consortium CA, one certificate per
     * replica, and a {@code tls} section in every replica's configuration.
     */
    public Plan withTls() {
      return new Plan(replicas, clients, peerAddresses, genesisTimeMillis, true);
    }

    /** Replicas on {@code host} with peer ports {@code basePort + i}. */
    public static Plan onOneHost(int replicas, int clients, String host, int basePort,
        long genesisTimeMillis) {
      List<HostPort> addresses = new ArrayList<>();
      for (int i = 0; i < replicas; i++) {
        addresses.add(new HostPort(host, basePort + i));
      }
      return new Plan(replicas, clients, addresses, genesisTimeMillis);
    }
  }

  /** Client and admin ports sit at fixed offsets from a replica's peer port. */
  public static final int CLIENT_PORT_OFFSET = 100;
  public static final int ADMIN_PORT_OFFSET = 200;

  private final ConsortiumLayout layout;
  private final SecureRandom random;

  public ConsortiumWriter(Path directory, SecureRandom random) {
    this.layout = new ConsortiumLayout(directory);
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Writes everything.
   *
   * @throws FileAlreadyExistsException if the directory already holds a genesis: a consortium is
   *     never overwritten
   */
  public Genesis write(Plan plan) throws IOException {
    if (Files.exists(layout.genesis())) {
      throw new FileAlreadyExistsException(layout.genesis().toString(), null,
          "a consortium already exists here");
    }
    Files.createDirectories(layout.directory());
    Genesis.Builder genesis = Genesis.newBuilder()
        .setVersion(1)
        .setConsortiumId(HexFormat.of().formatHex(randomBytes(16)))
        .setGenesisTimeMillis(plan.genesisTimeMillis())
        .setGovernanceThreshold(plan.replicas() / 2 + 1);
    for (int i = 0; i < plan.replicas(); i++) {
      genesis.addReplicas(writeReplica(i, plan.peerAddresses().get(i)));
      genesis.addOrganisations(writeOrganisation(organisation(i)));
    }
    for (long client = 1; client <= plan.clients(); client++) {
      genesis.addMembers(writeClient(client, plan.replicas()));
    }
    Genesis built = genesis.build();
    if (plan.tls()) {
      writeTls(plan, built.getConsortiumId());
    }
    Files.write(layout.genesis(), built.toByteArray());
    Files.writeString(layout.genesisText(), TextFormat.printer().printToString(built),
        StandardCharsets.UTF_8);
    return built;
  }

  private ReplicaIdentity writeReplica(int replica, HostPort peers) throws IOException {
    Path keys = layout.replicaKeys(replica);
    Files.createDirectories(keys);
    SigningKeyPair signing = SigningKeyPair.generate(random);
    KeyFiles.writeKeyPair(keys, "signing", signing);
    byte[] sealingPublic;
    try (SealingKeyPair sealing = SealingKeyPair.generate(random)) {
      KeyFiles.writeSealingKeyPair(keys, "sealing", sealing);
      sealingPublic = sealing.publicKey().toByteArray();
    } finally {
      signing.privateKey().destroy();
    }
    HostPort clients = new HostPort(peers.host(), peers.port() + CLIENT_PORT_OFFSET);
    HostPort admin = new HostPort(peers.host(), peers.port() + ADMIN_PORT_OFFSET);
    Files.writeString(layout.replicaConfig(replica), replicaYaml(replica, peers, clients, admin));
    return ReplicaIdentity.newBuilder()
        .setIndex(replica)
        .setSigningKey(ByteString.copyFrom(signing.publicKey().toByteArray()))
        .setSealingKey(ByteString.copyFrom(sealingPublic))
        .setAddress(peers.toString())
        .setClientAddress(clients.toString())
        .build();
  }

  /**
   * The consortium CA signs one TLS certificate per replica; its private key is used here and
   * never written, so no file on disk can mint another replica certificate.
   */
  private void writeTls(Plan plan, String consortiumId) throws IOException {
    io.phalanx.pbft.net.ConsortiumCa ca = io.phalanx.pbft.net.ConsortiumCa.generate(consortiumId,
        java.time.Duration.ofDays(3650), random);
    ca.writeCertificate(layout.tlsCaCertificate());
    for (int i = 0; i < plan.replicas(); i++) {
      Path keys = layout.replicaKeys(i);
      ca.issueReplicaFiles(i, keys.resolve("tls.key"), keys.resolve("tls.crt"));
      String relative = layout.directory().relativize(keys).toString();
      Files.writeString(layout.replicaConfig(i), """
          tls:
            key: %s/tls.key
            certificate: %s/tls.crt
            ca: %s
          """.formatted(relative, relative,
          layout.directory().relativize(layout.tlsCaCertificate())),
          java.nio.file.StandardOpenOption.APPEND);
    }
  }

  private Organisation writeOrganisation(String name) throws IOException {
    Path keys = layout.organisationKeys(name);
    Files.createDirectories(keys);
    SigningKeyPair signing = SigningKeyPair.generate(random);
    KeyFiles.writeKeyPair(keys, "signing", signing);
    signing.privateKey().destroy();
    return Organisation.newBuilder()
        .setName(name)
        .setPublicKey(ByteString.copyFrom(signing.publicKey().toByteArray()))
        .build();
  }

  private Member writeClient(long client, int replicas) throws IOException {
    Path keys = layout.clientKeys(client);
    Files.createDirectories(keys);
    SigningKeyPair signing = SigningKeyPair.generate(random);
    KeyFiles.writeKeyPair(keys, "signing", signing);
    signing.privateKey().destroy();
    Files.writeString(layout.clientConfig(client), clientYaml(client));
    Member.Builder member = Member.newBuilder()
        .setId(client)
        .setOrganisation(organisation((int) ((client - 1) % replicas)))
        .setPublicKey(ByteString.copyFrom(signing.publicKey().toByteArray()))
        .addRoles("member");
    if (client == 1) {
      member.addRoles("issuer");
    }
    return member.build();
  }

  private String replicaYaml(int replica, HostPort peers, HostPort clients, HostPort admin) {
    String keys = layout.directory().relativize(layout.replicaKeys(replica)).toString();
    String data = layout.directory().relativize(layout.replicaData(replica)).toString();
    return """
        # Phalanx replica %d, written by `phalanx init`. Relative paths are resolved against this
        # file's directory. Every field is documented in README.md, "Configuration reference".
        replica: %d
        genesis: genesis.pb
        signingKey: %s/signing.key
        sealingKey: %s/sealing.key
        dataDirectory: %s
        listen:
          peers: "%s"
          clients: "%s"
          admin: "%s"
        """.formatted(replica, replica, keys, keys, data, peers, clients, admin);
  }

  private String clientYaml(long client) {
    String keys = layout.directory().relativize(layout.clientKeys(client)).toString();
    return """
        # Phalanx client %d, written by `phalanx init`. The replicas' addresses come from the genesis.
        client: %d
        genesis: genesis.pb
        signingKey: %s/signing.key
        """.formatted(client, client, keys);
  }

  private static String organisation(int index) {
    return "org-" + index;
  }

  private byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }
}
