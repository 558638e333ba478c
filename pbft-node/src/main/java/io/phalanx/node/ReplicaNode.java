package io.phalanx.node;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.phalanx.config.ConfigException;
import io.phalanx.crypto.KeyFiles;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.ledger.GenesisConfig;
import io.phalanx.ledger.Ledger;
import io.phalanx.ledger.store.LevelDbLedgerStore;
import io.phalanx.node.admin.AdminServer;
import io.phalanx.node.config.ReplicaConfig;
import io.phalanx.node.log.ReplicaLog;
import io.phalanx.node.logging.NodeLogContext;
import io.phalanx.pbft.codec.EnvelopeSigner;
import io.phalanx.pbft.core.Input;
import io.phalanx.pbft.core.LogRecord;
import io.phalanx.pbft.core.Replica;
import io.phalanx.pbft.net.ReplicaTransport;
import io.phalanx.pbft.verify.Verifier;
import io.phalanx.protocol.Genesis;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running replica: the pure PBFT core on its consensus thread, the ledger on its own thread,
 * signature verification on a small pool, Netty for the network, LevelDB for the ledger and the
 * replica log, and the admin port. {@link #start} recovers from whatever the data directory holds.
 *
 * <pre>
 * Netty IO ── frames ──▶ verifier pool ──▶ consensus thread (Replica.step)
 *      ──▶ ledger thread (apply, queries, state transfer) ──▶ replies and votes back through Netty
 * </pre>
 */
public final class ReplicaNode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicaNode.class);
  static final int TICK_MILLIS = 10;

  private final NodeParts parts;
  private final ConsensusLoop loop;
  private final Thread consensusThread;
  private final ReplicaTransport transport;
  private final AdminServer admin;

  private ReplicaNode(NodeParts parts, ConsensusLoop loop, Thread consensusThread,
      ReplicaTransport transport, AdminServer admin) {
    this.parts = parts;
    this.loop = loop;
    this.consensusThread = consensusThread;
    this.transport = transport;
    this.admin = admin;
  }

  /**
   * Starts the replica described by {@code config}, recovering its view, votes and ledger from
   * its data directory.
   *
   * @throws ConfigException when the files the configuration names do not fit together
   */
  public static ReplicaNode start(ReplicaConfig config, FatalError fatal) throws IOException {
    Genesis genesis = Genesis.parseFrom(Files.readAllBytes(config.genesis()));
    GenesisConfig genesisConfig = GenesisConfig.fromProto(genesis);
    SigningKeyPair keys = KeyFiles.readPrivateKey(config.signingKey());
    checkIdentity(config, genesis, keys);
    NodeLogContext.replica(config.replica());
    Files.createDirectories(config.dataDirectory());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    NodeParts parts = new NodeParts(config, genesis, keys, registry, fatal);
    parts.sealingKey = readSealingKey(config, genesis);
    parts.ledger = Ledger.open(LevelDbLedgerStore.open(config.dataDirectory().resolve("ledger")),
        genesisConfig);
    parts.log = ReplicaLog.open(LevelDbLedgerStore.open(config.dataDirectory().resolve("log")));
    EnvelopeSigner signer = new EnvelopeSigner(config.replica(), keys);
    Replica replica = recover(parts, signer);
    ConsensusLoop loop = new ConsensusLoop(replica, parts.log, parts.effects(), fatal,
        parts.metrics, 50_000);
    parts.wire(loop, signer);
    registry.gauge("phalanx.consensus.queue.depth", loop, ConsensusLoop::queueDepth);
    registry.gauge("phalanx.verifier.queue.depth", parts.verifierPool,
        pool -> pool.getQueue().size());
    ReplicaTransport transport = ReplicaTransport.start(parts.transportConfig(), parts.inbound());
    parts.transport = transport;
    Thread consensusThread = new Thread(loop, "phalanx-consensus-r" + config.replica());
    consensusThread.start();
    parts.ticker.scheduleAtFixedRate(() -> loop.submit(new Input.Tick(System.currentTimeMillis())),
        TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    parts.connectPeers();
    AdminServer admin = AdminServer.start(config.adminListen().toSocketAddress(),
        () -> NodeStatus.of(parts, loop, transport), registry);
    LOG.info("replica {} of {} started: view {}, last executed {}, peers on {}, clients on {}, "
        + "admin on {}", config.replica(), genesis.getReplicasCount(), replica.view(),
        replica.lastExecuted(), transport.replicaAddress(), transport.clientAddress(),
        admin.address());
    return new ReplicaNode(parts, loop, consensusThread, transport, admin);
  }

  private static Replica recover(NodeParts parts, EnvelopeSigner signer) {
    List<LogRecord> records = parts.log.readAll(parts.verifier);
    long executed = parts.ledger.lastExecutedSequence();
    if (records.isEmpty() && executed == 0) {
      return new Replica(parts.coreConfig(), signer);
    }
    LOG.info("recovering from {} log records and {} executed blocks", records.size(), executed);
    return Replica.restart(parts.coreConfig(), signer, records, executed);
  }

  /** The replica's X25519 key, which must be its sealing key in the genesis. */
  private static io.phalanx.crypto.SealingKeyPair readSealingKey(ReplicaConfig config,
      Genesis genesis) throws IOException {
    io.phalanx.crypto.SealingKeyPair sealing = KeyFiles.readSealingPrivateKey(config.sealingKey());
    byte[] expected = genesis.getReplicas(config.replica()).getSealingKey().toByteArray();
    if (!java.util.Arrays.equals(expected, sealing.publicKey().toByteArray())) {
      throw new ConfigException(config.file(), "sealingKey",
          "this key is not replica " + config.replica() + "'s sealing key in the genesis");
    }
    return sealing;
  }

  private static void checkIdentity(ReplicaConfig config, Genesis genesis, SigningKeyPair keys) {
    if (config.replica() >= genesis.getReplicasCount()) {
      throw new ConfigException(config.file(), "replica", "the genesis has only "
          + genesis.getReplicasCount() + " replicas");
    }
    byte[] expected = genesis.getReplicas(config.replica()).getSigningKey().toByteArray();
    if (!java.util.Arrays.equals(expected, keys.publicKey().toByteArray())) {
      throw new ConfigException(config.file(), "signingKey",
          "this key is not replica " + config.replica() + "'s key in the genesis");
    }
  }

  ConsensusLoop loop() {
    return loop;
  }

  ReplicaTransport transport() {
    return transport;
  }

  /** The node's parts, for tests in this package. */
  NodeParts parts() {
    return parts;
  }

  /** The bound admin address (useful when configured with port 0). */
  public java.net.InetSocketAddress adminAddress() {
    return admin.address();
  }

  public java.net.InetSocketAddress clientAddress() {
    return transport.clientAddress();
  }

  /** Stops everything in order: network first, then threads, then LevelDB (flushed). */
  @Override
  public void close() {
    admin.close();
    transport.close();
    parts.ticker.shutdownNow();
    loop.stop();
    try {
      consensusThread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    parts.shutdownLedgerThread();
    parts.log.close();
    parts.ledger.close();
    parts.verifierPool.shutdownNow();
    LOG.info("replica {} stopped", parts.config.replica());
  }

  static ScheduledExecutorService daemonScheduler(String name) {
    return java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    });
  }
}
