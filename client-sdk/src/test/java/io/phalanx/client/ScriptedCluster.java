package io.phalanx.client;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.phalanx.config.NetworkSettings;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.protocol.ClientReply;
import io.phalanx.protocol.ClientRequest;
import io.phalanx.protocol.CommitCertificate;
import io.phalanx.protocol.Genesis;
import io.phalanx.protocol.LedgerOperation;
import io.phalanx.protocol.LedgerResult;
import io.phalanx.protocol.Member;
import io.phalanx.protocol.Payload;
import io.phalanx.protocol.ReplicaIdentity;
import io.phalanx.protocol.SenderKind;
import io.phalanx.protocol.SignedEnvelope;
import io.phalanx.wire.Envelopes;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Four scripted replicas (f = 1) on loopback that speak the real wire format and sign with real
 * keys. Ordering is simulated: when the primary of the current view is not silent, a request
 * that reaches any replica is "executed" by all of them, and each answers according to its mode;
 * a backup that receives a request while the primary is silent moves the cluster to the next view
 * whose primary is not silent (a view change) and the request executes there.
 */
final class ScriptedCluster implements AutoCloseable {
  static final int REPLICAS = 4;
  static final long CLIENT_ID = 7;

  enum Mode {
    HONEST,
    /** Receives, never answers, never orders as primary. */
    SILENT,
    /** Answers {@link FakeLedger#LIE}, signed correctly. */
    LYING,
    /** Answers the lie, signed with a key that is not its own, also in another replica's name. */
    FORGING,
    /** Ignores read-only requests, answers ordered ones. */
    IGNORES_READ_ONLY,
    /** Answers read-only requests from an older state (a different result); ordered ones well. */
    STALE_READS
  }

  /**
   * Answers vault gets instead of {@link FakeLedger}: the result every replica agrees on and
   * each replica's replica_share (empty for none).
   */
  interface VaultScript {
    LedgerResult result(LedgerOperation operation);

    ByteString share(int replica, LedgerOperation operation);
  }

  /** A request as one replica received it over its socket. */
  record Received(int replica, ClientRequest request, ByteString frame, boolean validSignature) {}

  private final EventLoopGroup group = new NioEventLoopGroup(1);
  private final SecureRandom random = new SecureRandom();
  private final SigningKeyPair clientKey = SigningKeyPair.generate(random);
  private final SigningKeyPair stranger = SigningKeyPair.generate(random);
  private final List<ScriptedReplica> replicas = new ArrayList<>();
  private final Mode[] modes = new Mode[REPLICAS];
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<ClientRequest> held = new ArrayList<>();
  private boolean holding;
  private VaultScript vault;
  private long view;

  ScriptedCluster() {
    for (int i = 0; i < REPLICAS; i++) {
      modes[i] = Mode.HONEST;
      ScriptedReplica replica = new ScriptedReplica(i, SigningKeyPair.generate(random), group,
          this::onFrame);
      replica.start(0);
      replicas.add(replica);
    }
  }

  Genesis genesis() {
    Genesis.Builder genesis = Genesis.newBuilder().setVersion(1).setConsortiumId("test");
    for (ScriptedReplica replica : replicas) {
      genesis.addReplicas(ReplicaIdentity.newBuilder().setIndex(replica.index())
          .setSigningKey(ByteString.copyFrom(replica.key().publicKey().toByteArray()))
          .setClientAddress("127.0.0.1:" + replica.port()));
    }
    return genesis.addMembers(Member.newBuilder().setId(CLIENT_ID)
        .setPublicKey(ByteString.copyFrom(clientKey.publicKey().toByteArray()))).build();
  }

  /** A client of this cluster with short timers, for tests. */
  PhalanxClientBuilder clientBuilder() {
    return PhalanxClient.builder().genesis(genesis()).identity(CLIENT_ID, clientKey)
        .requestTimeout(Duration.ofMillis(150)).deadline(Duration.ofSeconds(20))
        .resendDelayMax(Duration.ofMillis(300))
        .network(new NetworkSettings(1 << 20, 1000, 10, 100));
  }

  synchronized void vault(VaultScript script) {
    this.vault = script;
  }

  synchronized void mode(int replica, Mode mode) {
    modes[replica] = mode;
  }

  /** Ordered requests wait (unanswered) until {@link #release()}. */
  synchronized void hold() {
    holding = true;
  }

  void release() {
    group.execute(() -> {
      synchronized (this) {
        holding = false;
        held.forEach(this::execute);
        held.clear();
      }
    });
  }

  ScriptedReplica replica(int index) {
    return replicas.get(index);
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  synchronized long view() {
    return view;
  }

  private synchronized void onFrame(int replica, byte[] frame) {
    SignedEnvelope envelope = Envelopes.parse(frame).orElseThrow();
    boolean valid = Envelopes.check(envelope, clientKey.publicKey()).isValid();
    ClientRequest request = Envelopes.parsePayload(envelope).orElseThrow().getRequest();
    received.add(new Received(replica, request, ByteString.copyFrom(frame), valid));
    if (request.getReadOnly()) {
      LedgerResult result = FakeLedger.answer(request.getClientId(), operation(request));
      reply(replica, request, result, true);
      return;
    }
    if (modes[primary()] == Mode.SILENT) {
      if (replica == primary() || java.util.Arrays.stream(modes).allMatch(m -> m == Mode.SILENT)) {
        return;
      }
      while (modes[primary()] == Mode.SILENT) {
        view++;
      }
    }
    if (holding) {
      held.add(request);
    } else {
      execute(request);
    }
  }

  private void execute(ClientRequest request) {
    LedgerOperation operation = operation(request);
    LedgerResult result = vault != null && operation.hasVaultGet() ? vault.result(operation)
        : FakeLedger.answer(request.getClientId(), operation);
    for (int i = REPLICAS - 1; i >= 0; i--) {   // faulty replicas tend to be the higher ones
      reply(i, request, result, false);
    }
  }

  private void reply(int replica, ClientRequest request, LedgerResult result, boolean readOnly) {
    Mode mode = modes[replica];
    if (mode == Mode.SILENT || (readOnly && mode == Mode.IGNORES_READ_ONLY)) {
      return;
    }
    LedgerResult answer = switch (mode) {
      case LYING, FORGING -> FakeLedger.LIE;
      case STALE_READS -> readOnly ? FakeLedger.answer(0, LedgerOperation.getDefaultInstance())
          : result;
      default -> result;
    };
    if (answer.hasBlock()) {   // each replica keeps its own commit certificate
      answer = answer.toBuilder().setBlock(answer.getBlock().toBuilder().setCertificate(
          CommitCertificate.newBuilder().addCommits(SignedEnvelope.newBuilder()
              .setSenderId(replica)))).build();
    }
    ScriptedReplica from = replicas.get(replica);
    if (mode == Mode.FORGING) {
      for (int name = 0; name < REPLICAS; name++) {
        from.send(replyFrame(name, request, answer, stranger));
      }
      return;
    }
    ByteString share = vault != null && !readOnly && operation(request).hasVaultGet()
        ? vault.share(replica, operation(request)) : ByteString.EMPTY;
    from.send(replyFrame(replica, request, answer, from.key(), share));
  }

  private byte[] replyFrame(int replica, ClientRequest request, LedgerResult answer,
      SigningKeyPair key) {
    return replyFrame(replica, request, answer, key, ByteString.EMPTY);
  }

  private byte[] replyFrame(int replica, ClientRequest request, LedgerResult answer,
      SigningKeyPair key, ByteString share) {
    ClientReply reply = ClientReply.newBuilder().setView(view).setTimestamp(request.getTimestamp())
        .setReplicaShare(share)
        .setClientId(request.getClientId()).setReplica(replica).setResult(answer.toByteString())
        .setSequence(request.getReadOnly() ? 0 : request.getTimestamp()).build();
    return Envelopes.sign(SenderKind.SENDER_KIND_REPLICA, replica,
        Payload.newBuilder().setReply(reply).build(), key).toByteArray();
  }

  private int primary() {
    return (int) (view % REPLICAS);
  }

  private static LedgerOperation operation(ClientRequest request) {
    try {
      return LedgerOperation.parseFrom(request.getOperation());
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("the client sent an unparsable operation", e);
    }
  }

  @Override
  public void close() {
    replicas.forEach(ScriptedReplica::close);
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
