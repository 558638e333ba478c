package io.phalanx.pbft.sim;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.pbft.codec.EnvelopeSigner;
import io.phalanx.pbft.codec.RequestSigner;
import io.phalanx.pbft.core.Batch;
import io.phalanx.pbft.core.Input;
import io.phalanx.pbft.core.MessageKind;
import io.phalanx.pbft.core.ReplicaConfig;
import io.phalanx.pbft.core.Request;
import io.phalanx.pbft.core.SignedRequest;
import io.phalanx.pbft.verify.Membership;
import io.phalanx.pbft.verify.Verification;
import io.phalanx.pbft.verify.Verifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * An in-process cluster for scenario tests: messages queue in FIFO order and are delivered when
 * the test says so; a test can isolate a replica, cut a link, drop a kind of message, crash and
 * restart replicas. Disk writes complete at once unless {@link #holdWrites} is set.
 */
final class Cluster implements NodeListener {
  static final long CLIENT = 100;
  static final int CLIENTS = 32;
  record Delivery(int from, int to, Bytes envelope) {}

  final List<SimNode> nodes = new ArrayList<>();
  final Verifier verifier;
  final ArrayDeque<Delivery> network = new ArrayDeque<>();
  final TreeSet<Integer> isolated = new TreeSet<>();
  final TreeSet<String> cutLinks = new TreeSet<>();
  final EnumSet<MessageKind> droppedKinds = EnumSet.noneOf(MessageKind.class);
  /** client → timestamp → replica → result */
  final TreeMap<Long, TreeMap<Long, TreeMap<Integer, Bytes>>> replies = new TreeMap<>();
  /** replica → sequence → batch digest */
  final TreeMap<Integer, TreeMap<Long, Digest>> executed = new TreeMap<>();
  final List<String> traces = new ArrayList<>();
  final TreeSet<Integer> holdWrites = new TreeSet<>();
  private long nowMillis = 1_000_000;

  Cluster(int replicas) {
    this(replicas, Function.identity());
  }

  Cluster(int replicas, Function<ReplicaConfig, ReplicaConfig> configure) {
    verifier = new Verifier(SimKeys.membership(replicas, java.util.stream.LongStream.range(CLIENT, CLIENT + CLIENTS).boxed().toList()), 100_000);
    for (int index = 0; index < replicas; index++) {
      ReplicaConfig config = configure.apply(ReplicaConfig.defaults(replicas, index));
      nodes.add(new SimNode(index, config, new EnvelopeSigner(index, SimKeys.replica(index)), verifier, this));
      executed.put(index, new TreeMap<>());
    }
  }

  SimNode node(int index) {
    return nodes.get(index);
  }

  SignedRequest request(long clientId, long timestamp, int from, int to, long amount) {
    return RequestSigner.sign(new Request(clientId, timestamp, false,
        ReferenceApplication.transfer(from, to, amount)), SimKeys.client(clientId));
  }

  /** The client sends its request to one replica. */
  void submit(SignedRequest request, int replica) {
    network.add(new Delivery(-1, replica, request.envelope()));
  }

  void submitToAll(SignedRequest request) {
    for (SimNode node : nodes) {
      submit(request, node.index);
    }
  }

  /** Delivers queued messages (and whatever they cause) until the network is quiet. */
  void deliverAll() {
    int budget = 1_000_000;
    while (!network.isEmpty() && budget-- > 0) {
      Delivery delivery = network.poll();
      nodes.get(delivery.to()).receive(delivery.envelope());
    }
  }

  /** Delivers the next {@code count} queued messages only. */
  void deliver(int count) {
    for (int i = 0; i < count && !network.isEmpty(); i++) {
      Delivery delivery = network.poll();
      nodes.get(delivery.to()).receive(delivery.envelope());
    }
  }

  /** Every live replica's timer ticks once (10 ms of clock), then the network drains. */
  void tick(int times) {
    for (int i = 0; i < times; i++) {
      nowMillis += 10;
      for (SimNode node : nodes) {
        node.input(new Input.Tick(nowMillis));
      }
      deliverAll();
    }
  }

  /** Ticks until {@code condition} holds, at most {@code ticksMax} ticks; returns whether it held. */
  boolean tickUntil(java.util.function.BooleanSupplier condition, int ticksMax) {
    deliverAll();
    for (int i = 0; i < ticksMax && !condition.getAsBoolean(); i++) {
      tick(1);
    }
    return condition.getAsBoolean();
  }

  boolean hasReplyQuorum(long clientId, long timestamp, int quorum) {
    TreeMap<Integer, Bytes> byReplica = replies.getOrDefault(clientId, new TreeMap<>()).get(timestamp);
    if (byReplica == null) {
      return false;
    }
    TreeMap<Bytes, Integer> counts = new TreeMap<>();
    for (Bytes result : byReplica.values()) {
      counts.merge(result, 1, Integer::sum);
    }
    return counts.values().stream().anyMatch(count -> count >= quorum);
  }

  void isolate(int replica) {
    isolated.add(replica);
  }

  void heal() {
    isolated.clear();
    cutLinks.clear();
    droppedKinds.clear();
  }

  void cut(int from, int to) {
    cutLinks.add(from + ">" + to);
  }

  void crash(int replica) {
    node(replica).crash();
  }

  void restart(int replica) {
    node(replica).restart();
  }

  @Override
  public void send(SimNode from, int to, Bytes envelope) {
    if (isolated.contains(from.index) || isDroppedKind(envelope)) {
      return;
    }
    for (SimNode node : nodes) {
      boolean addressed = to < 0 ? node.index != from.index : node.index == to;
      if (addressed && !isolated.contains(node.index) && !cutLinks.contains(from.index + ">" + node.index)) {
        network.add(new Delivery(from.index, node.index, envelope));
      }
    }
  }

  private boolean isDroppedKind(Bytes envelope) {
    if (droppedKinds.isEmpty()) {
      return false;
    }
    return verifier.verify(envelope) instanceof Verification.VerifiedMessage message
        && droppedKinds.contains(MessageKind.of(message.message().message()));
  }

  @Override
  public void reply(SimNode from, long clientId, Bytes envelope) {
    if (verifier.verify(envelope) instanceof Verification.VerifiedReply reply) {
      replies.computeIfAbsent(clientId, id -> new TreeMap<>())
          .computeIfAbsent(reply.reply().timestamp(), t -> new TreeMap<>())
          .put(reply.reply().replica(), reply.reply().result());
    }
  }

  @Override
  public void persistRequested(SimNode node, long upToRecordId) {
    if (!holdWrites.contains(node.index)) {
      node.completePersist(upToRecordId);
    }
  }

  @Override
  public void fetchState(SimNode node, long sequence, Digest stateDigest) {
    for (SimNode peer : nodes) {
      ReferenceApplication.State snapshot = peer.application.snapshot(sequence, stateDigest);
      if (snapshot != null && peer != node) {
        node.installState(sequence, snapshot);
        return;
      }
    }
  }

  @Override
  public void executed(SimNode node, long sequence, Digest batchDigest, Batch batch,
      ReferenceApplication.Outcome outcome) {
    Digest previous = executed.get(node.index).put(sequence, batchDigest);
    if (previous != null) {
      throw new AssertionError("replica " + node.index + " executed " + sequence + " twice");
    }
  }

  @Override
  public void trace(SimNode node, String event) {
    traces.add(event);
    if (Integer.getInteger("phalanx.debug", -1) == node.index) {
      System.out.println("TRACE r" + node.index + " " + event);
    }
  }

  /** Fails if two replicas executed different batches at one sequence. */
  void assertAgreement() {
    TreeMap<Long, Digest> agreed = new TreeMap<>();
    for (TreeMap<Long, Digest> log : executed.values()) {
      for (var entry : log.entrySet()) {
        Digest other = agreed.putIfAbsent(entry.getKey(), entry.getValue());
        if (other != null && !other.equals(entry.getValue())) {
          throw new AssertionError("disagreement at sequence " + entry.getKey());
        }
      }
    }
  }
}
