package io.phalanx.node;

import com.google.protobuf.InvalidProtocolBufferException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.phalanx.config.HostPort;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.PublicKey;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.ledger.Ledger;
import io.phalanx.node.config.ProtocolSettings;
import io.phalanx.node.config.ReplicaConfig;
import io.phalanx.node.log.ReplicaLog;
import io.phalanx.pbft.codec.EnvelopeSigner;
import io.phalanx.pbft.core.Effect;
import io.phalanx.pbft.core.Input;
import io.phalanx.pbft.core.Mutation;
import io.phalanx.pbft.net.ClientChannel;
import io.phalanx.pbft.net.InboundHandler;
import io.phalanx.pbft.net.ReplicaTransport;
import io.phalanx.pbft.net.TransportConfig;
import io.phalanx.pbft.verify.Membership;
import io.phalanx.pbft.verify.Verification;
import io.phalanx.pbft.verify.Verifier;
import io.phalanx.protocol.Genesis;
import io.phalanx.protocol.Member;
import io.phalanx.protocol.Payload;
import io.phalanx.protocol.SenderKind;
import io.phalanx.protocol.SignedEnvelope;
import io.phalanx.wire.Envelopes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The node's components and how they are wired; {@link ReplicaNode} owns their lifecycle. */
final class NodeParts {
  private static final Logger LOG = LoggerFactory.getLogger(NodeParts.class);
  private static final int VERIFIER_THREADS = 2;
  private static final int VERIFIER_QUEUE_MAX = 100_000;

  final ReplicaConfig config;
  final Genesis genesis;
  final SigningKeyPair keys;
  final PrometheusMeterRegistry registry;
  final FatalError fatal;
  final NodeMetrics metrics;
  final Verifier verifier;
  final List<PublicKey> replicaKeys;
  final ThreadPoolExecutor verifierPool;
  final ScheduledExecutorService ledgerThread;
  final ScheduledExecutorService ticker;
  Ledger ledger;
  /** This replica's X25519 key: opens its vault shares (set by ReplicaNode before wire). */
  io.phalanx.crypto.SealingKeyPair sealingKey;
  ReplicaLog log;
  ReplicaTransport transport;
  LedgerExecutor executor;
  StateTransfer stateTransfer;
  private ConsensusLoop loop;

  NodeParts(ReplicaConfig config, Genesis genesis, SigningKeyPair keys,
      PrometheusMeterRegistry registry, FatalError fatal) {
    this.config = config;
    this.genesis = genesis;
    this.keys = keys;
    this.registry = registry;
    this.fatal = fatal;
    this.metrics = new NodeMetrics(registry);
    this.replicaKeys = replicaKeys(genesis);
    this.verifier = new Verifier(new Membership(replicaKeys, clientKeys(genesis)), 65_536);
    this.verifierPool = new ThreadPoolExecutor(VERIFIER_THREADS, VERIFIER_THREADS, 0,
        TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(VERIFIER_QUEUE_MAX),
        named("phalanx-verify-r" + config.replica()));
    this.ledgerThread = ReplicaNode.daemonScheduler("phalanx-ledger-r" + config.replica());
    this.ticker = ReplicaNode.daemonScheduler("phalanx-tick-r" + config.replica());
  }

  /** The core's parameters from the configuration; one tick is {@link ReplicaNode#TICK_MILLIS}. */
  io.phalanx.pbft.core.ReplicaConfig coreConfig() {
    ProtocolSettings protocol = config.protocol();
    int requestTimeoutTicks = Math.max(2, protocol.requestTimeoutMillis() / ReplicaNode.TICK_MILLIS);
    return new io.phalanx.pbft.core.ReplicaConfig(genesis.getReplicasCount(), config.replica(),
        protocol.checkpointInterval(), protocol.watermarkWindow(), protocol.batchRequestsMax(),
        protocol.batchBytesMax(),
        (protocol.batchDelayMillis() + ReplicaNode.TICK_MILLIS - 1) / ReplicaNode.TICK_MILLIS,
        requestTimeoutTicks, Math.max(5, requestTimeoutTicks / 4),
        protocol.ledgerTimeSkewMillisMax(), Math.max(1_024, 2 * genesis.getMembersCount()),
        Mutation.NONE);
  }

  void wire(ConsensusLoop consensus, EnvelopeSigner signer) {
    this.loop = consensus;
    this.executor = new LedgerExecutor(ledger, ledgerThread, consensus::submit, signer,
        (client, envelope) -> transport.sendToClient(client, envelope.toByteArray()),
        config.replica(), fatal, metrics,
        new VaultShareSealer(ledger, sealingKey, config.replica(), new java.security.SecureRandom()));
    this.stateTransfer = new StateTransfer(ledger, ledgerThread,
        new CertifiedBlockCheck(verifier, 2 * faults() + 1), config.replica(),
        genesis.getReplicasCount(), keys, (replica, bytes) -> transport.send(replica, bytes),
        input -> {
          executor.refreshFromLedger();
          consensus.submit(input);
        });
  }

  int faults() {
    return (genesis.getReplicasCount() - 1) / 3;
  }

  ConsensusLoop.Effects effects() {
    return new ConsensusLoop.Effects() {
      @Override
      public void send(int replica, Effect.Send send) {
        transport.send(replica, send.envelope().toByteArray());
      }

      @Override
      public void broadcast(Effect.Broadcast broadcast) {
        transport.broadcast(broadcast.envelope().toByteArray());
      }

      @Override
      public void execute(Effect.Execute execute) {
        executor.execute(execute);
      }

      @Override
      public void reply(Effect.SendReply reply) {
        transport.sendToClient(reply.clientId(), reply.envelope().toByteArray());
      }

      @Override
      public void fetchState(Effect.FetchState fetch) {
        ledgerThread.execute(() -> guarded(() -> stateTransfer.fetch(fetch)));
      }
    };
  }

  InboundHandler inbound() {
    return new InboundHandler() {
      @Override
      public void onReplicaEnvelope(int fromReplica, byte[] envelopeBytes) {
        Verification verification = verifier.verify(Bytes.wrapOwned(envelopeBytes));
        if (verification instanceof Verification.VerifiedMessage message) {
          loop.offerFromNetwork(new Input.ReceiveMessage(message.message()));
        } else if (verification instanceof Verification.VerifiedRequest request) {
          loop.offerFromNetwork(new Input.ReceiveRequest(request.request()));
        } else {
          onOtherReplicaEnvelope(fromReplica, envelopeBytes);
        }
      }

      @Override
      public void onClientEnvelope(ClientChannel channel, byte[] envelopeBytes) {
        Verification verification = verifier.verify(Bytes.wrapOwned(envelopeBytes));
        if (verification instanceof Verification.VerifiedRequest verified) {
          long client = verified.request().request().clientId();
          transport.bindClient(client, channel);
          if (verified.request().request().readOnly()) {
            executor.query(verified.request(), () -> loop.status().view());
          } else {
            loop.offerFromNetwork(new Input.ReceiveRequest(verified.request()));
          }
        }
      }
    };
  }

  /** State-transfer messages travel between replicas beside the core's protocol messages. */
  private void onOtherReplicaEnvelope(int from, byte[] envelopeBytes) {
    try {
      SignedEnvelope envelope = SignedEnvelope.parseFrom(envelopeBytes);
      if (envelope.getSenderKind() != SenderKind.SENDER_KIND_REPLICA
          || envelope.getSenderId() != from
          || !Envelopes.check(envelope, replicaKeys.get(from)).isValid()) {
        return;
      }
      Payload payload = Payload.parseFrom(envelope.getPayload());
      switch (payload.getKindCase()) {
        case STATE_TRANSFER_REQUEST -> ledgerThread.execute(() -> guarded(
            () -> stateTransfer.onRequest(from, payload.getStateTransferRequest())));
        case STATE_TRANSFER_RESPONSE -> ledgerThread.execute(() -> guarded(
            () -> stateTransfer.onResponse(from, payload.getStateTransferResponse())));
        default -> LOG.debug("dropped a {} from replica {}", payload.getKindCase(), from);
      }
    } catch (InvalidProtocolBufferException e) {
      LOG.debug("dropped an unparsable envelope from replica {}", from);
    }
  }

  TransportConfig transportConfig() throws java.io.IOException {
    Map<Integer, PublicKey> keysByReplica = new TreeMap<>();
    for (int i = 0; i < replicaKeys.size(); i++) {
      keysByReplica.put(i, replicaKeys.get(i));
    }
    TransportConfig.Builder builder = TransportConfig.builder();
    if (config.tls().isPresent()) {
      ReplicaConfig.TlsFiles tls = config.tls().get();
      builder.tls(io.phalanx.pbft.net.TlsIdentity.fromPemFiles(tls.key(), tls.certificate(),
          tls.ca()));
    }
    return builder
        .replicaId(config.replica())
        .consortiumId(genesis.getConsortiumId())
        .keyPair(keys)
        .replicaKeys(keysByReplica)
        .replicaListenAddress(config.peerListen().toSocketAddress())
        .clientListenAddress(config.clientListen().toSocketAddress())
        .frameBytesMax(config.network().frameBytesMax())
        .outboundQueueMax(config.network().outboundQueueMax(), 256L << 20)
        .reconnectBackoff(config.network().reconnectDelayMillisMin(),
            config.network().reconnectDelayMillisMax(), new SecureRandom())
        .challengeRandom(new SecureRandom())
        .inboundExecutor(verifierPool)
        .build();
  }

  void connectPeers() {
    for (int i = 0; i < genesis.getReplicasCount(); i++) {
      if (i != config.replica()) {
        transport.connectTo(i, HostPort.parse(genesis.getReplicas(i).getAddress()).toSocketAddress());
      }
    }
  }

  void shutdownLedgerThread() {
    ledgerThread.shutdown();
    try {
      if (!ledgerThread.awaitTermination(10, TimeUnit.SECONDS)) {
        ledgerThread.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void guarded(Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      fatal.stop("state transfer failed", e);
    }
  }

  private static List<PublicKey> replicaKeys(Genesis genesis) {
    List<PublicKey> keys = new ArrayList<>();
    for (int i = 0; i < genesis.getReplicasCount(); i++) {
      keys.add(PublicKey.of(genesis.getReplicas(i).getSigningKey().toByteArray()));
    }
    return keys;
  }

  private static SortedMap<Long, PublicKey> clientKeys(Genesis genesis) {
    SortedMap<Long, PublicKey> keys = new TreeMap<>();
    for (Member member : genesis.getMembersList()) {
      keys.put(member.getId(), PublicKey.of(member.getPublicKey().toByteArray()));
    }
    return keys;
  }

  private static java.util.concurrent.ThreadFactory named(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
