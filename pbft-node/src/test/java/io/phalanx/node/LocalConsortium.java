package io.phalanx.node;

import io.phalanx.config.HostPort;
import io.phalanx.node.config.ConsortiumLayout;
import io.phalanx.node.config.ConsortiumWriter;
import io.phalanx.node.config.ReplicaConfig;
import io.phalanx.protocol.Genesis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A consortium of real {@link ReplicaNode}s in this JVM: real Netty sockets on loopback, real
 * LevelDB directories, written by the same code as {@code phalanx init}. A replica that hits a
 * fatal error is recorded in {@link #fatalErrors()} instead of halting the test JVM.
 */
final class LocalConsortium implements AutoCloseable {
  final ConsortiumLayout layout;
  final Genesis genesis;
  private final ReplicaNode[] nodes;
  final List<String> fatalErrors = new CopyOnWriteArrayList<>();

  private LocalConsortium(ConsortiumLayout layout, Genesis genesis, int replicas) {
    this.layout = layout;
    this.genesis = genesis;
    this.nodes = new ReplicaNode[replicas];
  }

  /** Writes a consortium of {@code replicas} with {@code clients} identities and starts it. */
  static LocalConsortium start(Path directory, int replicas, int clients) throws IOException {
    return start(directory, replicas, clients, false);
  }

  /** The same, with mutual TLS on replica links when {@code tls} is set. */
  static LocalConsortium start(Path directory, int replicas, int clients, boolean tls)
      throws IOException {
    List<HostPort> addresses = new ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      addresses.add(new HostPort("127.0.0.1", freePortBlock()));
    }
    ConsortiumWriter.Plan plan =
        new ConsortiumWriter.Plan(replicas, clients, addresses, 1_700_000_000_000L);
    Genesis genesis = new ConsortiumWriter(directory, new SecureRandom())
        .write(tls ? plan.withTls() : plan);
    ConsortiumLayout layout = new ConsortiumLayout(directory);
    for (int i = 0; i < replicas; i++) {
      // Small checkpoints, so a replica that fell behind catches up within a test's workload.
      java.nio.file.Files.writeString(layout.replicaConfig(i),
          "protocol:\n  checkpointInterval: 8\n  watermarkWindow: 16\n  requestTimeoutMillis: 3000\n",
          java.nio.file.StandardOpenOption.APPEND);
    }
    LocalConsortium consortium = new LocalConsortium(layout, genesis, replicas);
    for (int i = 0; i < replicas; i++) {
      consortium.start(i);
    }
    return consortium;
  }

  void start(int replica) {
    try {
      nodes[replica] = ReplicaNode.start(ReplicaConfig.load(layout.replicaConfig(replica)),
          (reason, cause) -> fatalErrors.add("replica " + replica + ": " + reason + ": " + cause));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A clean stop of one replica (its data stays on disk). */
  void stop(int replica) {
    nodes[replica].close();
    nodes[replica] = null;
  }

  ReplicaNode node(int replica) {
    return nodes[replica];
  }

  int replicas() {
    return nodes.length;
  }

  List<String> fatalErrors() {
    return fatalErrors;
  }

  /**
   * A port p such that p, p+100 and p+200 (peer, client and admin) are free. Ports are drawn
   * below the kernel's ephemeral range, so an outgoing connection can never take one of them
   * while a replica is down and about to restart.
   */
  private static int freePortBlock() throws IOException {
    java.util.Random random = new java.util.Random();
    for (int attempt = 0; attempt < 500; attempt++) {
      int port = 20_000 + random.nextInt(12_000 - ConsortiumWriter.ADMIN_PORT_OFFSET);
      if (isFree(port) && isFree(port + ConsortiumWriter.CLIENT_PORT_OFFSET)
          && isFree(port + ConsortiumWriter.ADMIN_PORT_OFFSET)) {
        return port;
      }
    }
    throw new IOException("no free block of ports on loopback");
  }

  private static boolean isFree(int port) {
    try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    for (int i = 0; i < nodes.length; i++) {
      if (nodes[i] != null) {
        stop(i);
      }
    }
  }
}
