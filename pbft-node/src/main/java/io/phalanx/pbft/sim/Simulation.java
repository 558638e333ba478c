package io.phalanx.pbft.sim;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.crypto.Sha256;
import io.phalanx.pbft.core.Batch;
import io.phalanx.pbft.core.Input;
import io.phalanx.pbft.core.Message;
import io.phalanx.pbft.core.Prepare;
import io.phalanx.pbft.core.ReplicaConfig;
import io.phalanx.pbft.core.SignedMessage;
import io.phalanx.pbft.verify.Verification;
import io.phalanx.pbft.verify.Verifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * One seeded run: n replicas, clients and a faulty network in one thread on simulated time.
 * A fault phase (drops, duplicates, delays, partitions, crashes, Byzantine replicas and clients)
 * is followed by a healed liveness phase; safety is checked after every event.
 */
public final class Simulation implements NodeListener {
  static final long TICK_MILLIS = 10;
  static final long CLIENT_TIMER_MILLIS = 20;
  static final long EVENTS_MAX = 5_000_000;
  static final long BYZANTINE_CLIENT = 1_000;

  private record Event(long timeMillis, long order, Runnable action) {}

  private final SimulationOptions options;
  private final Verifier verifier;
  private final SplittableRandom random;
  private final PriorityQueue<Event> events = new PriorityQueue<>((a, b) ->
      a.timeMillis != b.timeMillis ? Long.compare(a.timeMillis, b.timeMillis) : Long.compare(a.order, b.order));
  private final List<SimNode> nodes = new ArrayList<>();
  private final TreeMap<Integer, ByzantineReplica> byzantine = new TreeMap<>();
  private final List<SimClient> clients = new ArrayList<>();
  private final TreeMap<Long, SimClient> clientsById = new TreeMap<>();
  private final SafetyChecker checker;
  private final Sha256.Hasher trace = Sha256.hasher();
  private final NetworkFaults faults;
  private final SplittableRandom byzantineClientRandom;
  private long nowMillis;
  private long order;
  private long eventCount;
  private boolean healed;
  private long byzantineClientTimestamp;

  private Simulation(SimulationOptions options, Verifier verifier, MemoizingSigner.Memo memo) {
    this.options = options;
    this.verifier = verifier;
    this.random = new SplittableRandom(options.seed());
    this.checker = new SafetyChecker(options.faults());
    int n = options.replicas();
    int offset = random.nextBoolean() ? 0 : random.nextInt(n);
    Collusion collusion = new Collusion();
    for (int i = 0; i < options.strategies().size(); i++) {
      int index = (offset + i) % n;
      byzantine.put(index, new ByzantineReplica(index, options.strategies().get(i), n, collusion, random.split()));
    }
    List<Integer> correct = new ArrayList<>();
    for (int index = 0; index < n; index++) {
      ReplicaConfig config = ReplicaConfig.defaults(n, index).withMutation(options.mutation());
      nodes.add(new SimNode(index, config, new MemoizingSigner(index, memo), verifier, this));
      if (!byzantine.containsKey(index)) {
        correct.add(index);
      }
    }
    for (int i = 1; i <= options.clients(); i++) {
      SimClient client = new SimClient(i, n, options.requestsPerClient(), random.split());
      clients.add(client);
      clientsById.put(client.id, client);
    }
    this.byzantineClientRandom = random.split();
    this.faults = NetworkFaults.draw(random, n, correct, options.faultPhaseMillis());
  }

  /** The client ids a simulation admits: the correct clients and one misbehaving client. */
  public static List<Long> admittedClients(int clients) {
    List<Long> ids = new ArrayList<>();
    for (long id = 1; id <= clients; id++) {
      ids.add(id);
    }
    ids.add(BYZANTINE_CLIENT);
    return ids;
  }

  /** Runs one seed once. {@code verifier} must admit {@link #admittedClients}. */
  public static SimulationResult run(SimulationOptions options, Verifier verifier) {
    return run(options, verifier, new MemoizingSigner.Memo(0));
  }

  static SimulationResult run(SimulationOptions options, Verifier verifier, MemoizingSigner.Memo memo) {
    return new Simulation(options, verifier, memo).run();
  }

  private SimulationResult run() {
    schedulePeriodic();
    for (NetworkFaults.Crash crash : faults.crashes()) {
      at(crash.atMillis(), () -> crash(crash.replica(), crash.downMillis()));
    }
    at(options.faultPhaseMillis(), this::heal);
    long deadline = options.faultPhaseMillis() + options.livenessBoundMillis();
    try {
      while (!events.isEmpty() && checker.violation().isEmpty()) {
        Event event = events.poll();
        nowMillis = event.timeMillis();
        if (nowMillis > deadline || (healed && allClientsDone())) {
          break;
        }
        if (++eventCount > EVENTS_MAX) {
          checker.fail("runaway: more than " + EVENTS_MAX + " events");
          break;
        }
        event.action().run();
      }
    } catch (RuntimeException e) {
      checker.fail("exception: " + e);
    }
    if (checker.violation().isEmpty()) {
      checkLiveness();
      checker.checkAgainstModel(clients);
    }
    long highestView = 0;
    for (SimNode node : nodes) {
      if (node.replica != null && !byzantine.containsKey(node.index)) {
        highestView = Math.max(highestView, node.replica.view());
      }
    }
    long rejected = verifier.rejections().values().stream().mapToLong(Long::longValue).sum();
    return new SimulationResult(options.seed(), checker.violation(), trace.finish(),
        checker.requestsCommitted(), highestView, rejected, nowMillis);
  }

  private void checkLiveness() {
    for (SimClient client : clients) {
      if (!client.isDone()) {
        checker.fail("liveness: client " + client.id + " still waits for timestamp "
            + client.pendingTimestamp() + " " + options.livenessBoundMillis() + " ms after healing");
        return;
      }
    }
  }

  private boolean allClientsDone() {
    for (SimClient client : clients) {
      if (!client.isDone()) {
        return false;
      }
    }
    return true;
  }

  private void at(long timeMillis, Runnable action) {
    events.add(new Event(timeMillis, order++, action));
  }

  private void schedulePeriodic() {
    for (SimNode node : nodes) {
      at(1 + node.index, () -> tick(node));
    }
    for (SimClient client : clients) {
      at(5 + client.id, () -> clientTimer(client));
    }
    at(50, this::byzantineClientTimer);
  }

  private void tick(SimNode node) {
    record(1, node.index, null);
    if (node.isUp()) {
      node.input(new Input.Tick(nowMillis));
      ByzantineReplica behaviour = byzantine.get(node.index);
      if (behaviour != null && node.isUp()) {
        for (ByzantineReplica.Outgoing out : behaviour.onTick(node, nowMillis)) {
          route(node.index, out.to(), out.envelope());
        }
      }
    }
    at(nowMillis + TICK_MILLIS, () -> tick(node));
  }

  private void clientTimer(SimClient client) {
    client.onTimer(nowMillis, this);
    at(nowMillis + CLIENT_TIMER_MILLIS, () -> clientTimer(client));
  }

  /** A misbehaving (but admitted) client: reused timestamps with other operations, split requests. */
  private void byzantineClientTimer() {
    SplittableRandom r = byzantineClientRandom;
    boolean reuse = byzantineClientTimestamp > 0 && r.nextBoolean();
    long timestamp = reuse ? byzantineClientTimestamp : ++byzantineClientTimestamp;
    for (int replica = 0; replica < options.replicas(); replica++) {
      Bytes operation = ReferenceApplication.transfer(r.nextInt(8), r.nextInt(8), reuse ? 7 : replica % 2 + 1);
      var signed = io.phalanx.pbft.codec.RequestSigner.sign(
          new io.phalanx.pbft.core.Request(BYZANTINE_CLIENT, timestamp, false, operation),
          SimKeys.client(BYZANTINE_CLIENT));
      checker.onClientSigned(signed.envelope());
      checker.onClientOperation(signed.envelope(), operation);
      transmit(-1, replica, signed.envelope());
    }
    at(nowMillis + 150 + r.nextInt(150), this::byzantineClientTimer);
  }

  /** A correct client's send. */
  void clientSend(SimClient client, int replica, Bytes envelope) {
    checker.onClientSigned(envelope);
    if (verifier.verify(envelope) instanceof Verification.VerifiedRequest request) {
      checker.onClientOperation(envelope, request.request().request().operation());
    }
    transmit(-1, replica, envelope);
  }

  private void crash(int replica, long downMillis) {
    SimNode node = nodes.get(replica);
    if (!node.isUp() || healed) {
      return;
    }
    record(2, replica, null);
    trace(node, "CRASH");
    node.crash();
    at(nowMillis + downMillis, () -> restart(node));
  }

  private void restart(SimNode node) {
    if (!node.isUp()) {
      record(3, node.index, null);
      trace(node, "RESTART");
      node.restart();
    }
  }

  private void heal() {
    healed = true;
    record(4, -1, null);
    for (SimNode node : nodes) {
      restart(node);
    }
  }

  // ---------------------------------------------------------------- network

  @Override
  public void send(SimNode from, int to, Bytes envelope) {
    ByzantineReplica behaviour = byzantine.get(from.index);
    Message message = ownMessage(from, envelope);
    if (behaviour != null) {
      for (ByzantineReplica.Outgoing out : behaviour.onSend(to, envelope, message, from)) {
        route(from.index, out.to(), out.envelope());
      }
      return;
    }
    if (message != null && message.replica() == from.index) {
      checker.onOwnMessageSent(from.index, message, envelope, from.isDurableOwn(envelope),
          options.replicas());
    }
    route(from.index, to, envelope);
  }

  private Message ownMessage(SimNode from, Bytes envelope) {
    Verification verification = verifier.verify(envelope);
    return verification instanceof Verification.VerifiedMessage message
        ? message.message().message() : null;
  }

  private void route(int from, int to, Bytes envelope) {
    if (to < 0) {
      for (int replica = 0; replica < options.replicas(); replica++) {
        if (replica != from) {
          transmit(from, replica, envelope);
        }
      }
    } else if (to != from) {
      transmit(from, to, envelope);
    }
  }

  /** One envelope on one link: maybe blocked, dropped, duplicated; delayed (hence reordered). */
  private void transmit(int from, int to, Bytes envelope) {
    if (!healed && from >= 0 && faults.blocks(nowMillis, from, to)) {
      return;
    }
    if (!healed && random.nextDouble() < faults.dropRate()) {
      return;
    }
    int copies = !healed && random.nextDouble() < faults.duplicateRate() ? 2 : 1;
    for (int copy = 0; copy < copies; copy++) {
      at(nowMillis + delay(), () -> deliver(to, envelope));
    }
  }

  private long delay() {
    return healed ? 1 + random.nextInt(5)
        : faults.delayMinMillis() + random.nextLong(faults.delayMaxMillis() - faults.delayMinMillis() + 1);
  }

  private void deliver(int to, Bytes envelope) {
    record(5, to, envelope);
    SimNode node = nodes.get(to);
    ByzantineReplica behaviour = byzantine.get(to);
    if (behaviour != null) {
      behaviour.onReceived(envelope);
    }
    node.receive(envelope);
  }

  @Override
  public void delivered(SimNode node, SignedMessage message) {
    if (!byzantine.containsKey(node.index) && message.message() instanceof Prepare prepare) {
      checker.onPrepareDelivered(node.index, prepare);
    }
  }

  @Override
  public void reply(SimNode from, long clientId, Bytes envelope) {
    SimClient client = clientsById.get(clientId);
    if (client == null) {
      return;
    }
    long when = nowMillis + delay();
    if (!healed && random.nextDouble() < faults.dropRate()) {
      return;
    }
    at(when, () -> {
      record(6, (int) clientId, envelope);
      if (verifier.verify(envelope) instanceof Verification.VerifiedReply reply) {
        client.onReply(reply.reply());
      }
    });
  }

  @Override
  public void persistRequested(SimNode node, long upToRecordId) {
    long incarnation = node.crashes;
    at(nowMillis + random.nextInt(4), () -> {
      if (node.crashes == incarnation) {
        node.completePersist(upToRecordId);
      }
    });
  }

  @Override
  public void fetchState(SimNode node, long sequence, Digest stateDigest) {
    for (SimNode peer : nodes) {
      if (peer == node || !peer.isUp()) {
        continue;
      }
      ReferenceApplication.State snapshot = peer.application.snapshot(sequence, stateDigest);
      if (snapshot != null) {
        long incarnation = node.crashes;
        at(nowMillis + delay(), () -> {
          if (node.crashes == incarnation && node.isUp()) {
            record(7, node.index, null);
            node.installState(sequence, snapshot);
            if (!byzantine.containsKey(node.index)) {
              checker.onStateTransferred(node.index, sequence);
            }
          }
        });
        return;
      }
    }
  }

  @Override
  public void executed(SimNode node, long sequence, Digest batchDigest, Batch batch,
      ReferenceApplication.Outcome outcome) {
    trace.updateInt(8).updateInt(node.index).updateLong(sequence).update(batchDigest);
    if (!byzantine.containsKey(node.index)) {
      checker.onExecuted(node.index, sequence, batchDigest, outcome);
    }
  }

  @Override
  public void trace(SimNode node, String event) {
    if (System.getProperty("phalanx.debug") != null && node.index == Integer.getInteger("phalanx.debug")) {
      System.out.println(nowMillis + " " + event);
    }
  }

  private void record(int kind, int target, Bytes envelope) {
    trace.updateLong(nowMillis).updateInt(kind).updateInt(target);
    if (envelope != null) {
      trace.update(Sha256.hash(envelope));
    }
  }

  public long nowMillis() {
    return nowMillis;
  }

  Optional<String> violation() {
    return checker.violation();
  }
}
