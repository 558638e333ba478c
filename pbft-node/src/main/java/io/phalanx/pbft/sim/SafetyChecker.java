package io.phalanx.pbft.sim;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.crypto.Sha256;
import io.phalanx.pbft.core.Checkpoint;
import io.phalanx.pbft.core.Commit;
import io.phalanx.pbft.core.Message;
import io.phalanx.pbft.core.MessageKind;
import io.phalanx.pbft.core.NewView;
import io.phalanx.pbft.core.PrePrepare;
import io.phalanx.pbft.core.Prepare;
import io.phalanx.pbft.core.ViewChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The safety invariants, checked as the run goes: agreement and prefix consistency of executed
 * logs, exactly-once execution, validity of executed requests, no correct replica signing two
 * different votes for one (view, sequence, phase) across restarts, votes sent only once durable,
 * and commits only with a prepared certificate actually received.
 */
final class SafetyChecker {
  private final int faults;
  private final TreeMap<Long, Digest> agreed = new TreeMap<>();
  private final TreeMap<Long, List<ReferenceApplication.Execution>> agreedExecutions = new TreeMap<>();
  private final TreeMap<Integer, TreeSet<String>> executedRequests = new TreeMap<>();
  private final TreeMap<Integer, Long> lastExecuted = new TreeMap<>();
  private final TreeSet<Digest> clientSigned = new TreeSet<>();
  private final TreeMap<String, Digest> votes = new TreeMap<>();
  /** replica → "view/sequence/digest" → backups whose prepare reached it */
  private final TreeMap<Integer, TreeMap<String, TreeSet<Integer>>> preparesSeen = new TreeMap<>();
  private String violation;

  SafetyChecker(int faults) {
    this.faults = faults;
  }

  Optional<String> violation() {
    return Optional.ofNullable(violation);
  }

  void fail(String message) {
    if (violation == null) {
      violation = message;
    }
  }

  /** A request envelope genuinely signed by an admitted client's key. */
  void onClientSigned(Bytes envelope) {
    clientSigned.add(Sha256.hash(envelope));
  }

  void onExecuted(int replica, long sequence, Digest batchDigest, ReferenceApplication.Outcome outcome) {
    long previous = lastExecuted.getOrDefault(replica, 0L);
    if (sequence <= previous) {
      fail("prefix: replica " + replica + " executed " + sequence + " after " + previous);
    }
    lastExecuted.put(replica, sequence);
    Digest other = agreed.putIfAbsent(sequence, batchDigest);
    if (other != null && !other.equals(batchDigest)) {
      fail("agreement: replicas executed different batches at sequence " + sequence);
    }
    agreedExecutions.putIfAbsent(sequence, outcome.executions());
    TreeSet<String> seen = executedRequests.computeIfAbsent(replica, r -> new TreeSet<>());
    for (ReferenceApplication.Execution execution : outcome.executions()) {
      if (!seen.add(execution.clientId() + "/" + execution.timestamp())) {
        fail("exactly-once: replica " + replica + " executed client " + execution.clientId()
            + " timestamp " + execution.timestamp() + " twice");
      }
      if (!clientSigned.contains(Sha256.hash(execution.requestEnvelope()))) {
        fail("validity: replica " + replica + " executed a request no admitted client signed");
      }
    }
  }

  void onStateTransferred(int replica, long sequence) {
    lastExecuted.put(replica, Math.max(lastExecuted.getOrDefault(replica, 0L), sequence));
  }

  /** A prepare (verified) reached a correct replica. */
  void onPrepareDelivered(int replica, Prepare prepare) {
    preparesSeen.computeIfAbsent(replica, r -> new TreeMap<>())
        .computeIfAbsent(key(prepare.view(), prepare.sequence(), prepare.batchDigest()), k -> new TreeSet<>())
        .add(prepare.replica());
  }

  /** A correct replica sent one of its own signed messages. */
  void onOwnMessageSent(int replica, Message message, Bytes envelope, boolean durable, int replicas) {
    MessageKind kind = MessageKind.of(message);
    if (!durable) {
      fail("durability: replica " + replica + " sent its " + kind + " before persisting it");
    }
    Digest value = switch (kind) {
      case PRE_PREPARE -> ((PrePrepare) message).batchDigest();
      case PREPARE -> ((Prepare) message).batchDigest();
      case COMMIT -> ((Commit) message).batchDigest();
      case CHECKPOINT -> ((Checkpoint) message).stateDigest();
      case VIEW_CHANGE, NEW_VIEW -> Sha256.hash(envelope);
    };
    String slot = switch (kind) {
      case PRE_PREPARE -> ((PrePrepare) message).view() + "/" + ((PrePrepare) message).sequence();
      case PREPARE -> ((Prepare) message).view() + "/" + ((Prepare) message).sequence();
      case COMMIT -> ((Commit) message).view() + "/" + ((Commit) message).sequence();
      case CHECKPOINT -> String.valueOf(((Checkpoint) message).sequence());
      case VIEW_CHANGE -> String.valueOf(((ViewChange) message).newView());
      case NEW_VIEW -> String.valueOf(((NewView) message).view());
    };
    Digest earlier = votes.putIfAbsent(replica + " " + kind + " " + slot, value);
    if (earlier != null && !earlier.equals(value)) {
      fail("equivocation: correct replica " + replica + " signed two different " + kind + " for " + slot);
    }
    if (message instanceof Prepare prepare) {
      onPrepareDelivered(replica, prepare);
    }
    if (message instanceof Commit commit) {
      TreeSet<Integer> backups = preparesSeen.getOrDefault(replica, new TreeMap<>())
          .getOrDefault(key(commit.view(), commit.sequence(), commit.batchDigest()), new TreeSet<>());
      backups.remove((int) (commit.view() % replicas));
      if (backups.size() < 2 * faults) {
        fail("quorum: replica " + replica + " committed " + commit.view() + "/" + commit.sequence()
            + " having received " + backups.size() + " matching prepares, fewer than 2f");
      }
    }
  }

  private static String key(long view, long sequence, Digest digest) {
    return view + "/" + sequence + "/" + digest.toHex();
  }

  /**
   * Replays the agreed order of executions through a fresh reference model and compares every
   * result a client accepted with what the model computes.
   */
  void checkAgainstModel(List<SimClient> clients) {
    java.util.TreeMap<Integer, Long> balances = new java.util.TreeMap<>();
    for (int account = 0; account < ReferenceApplication.ACCOUNTS; account++) {
      balances.put(account, ReferenceApplication.INITIAL_BALANCE);
    }
    TreeMap<String, Bytes> expected = new TreeMap<>();
    long next = 1;
    for (var entry : agreedExecutions.entrySet()) {
      if (entry.getKey() != next++) {
        return;
      }
      for (ReferenceApplication.Execution execution : entry.getValue()) {
        expected.put(execution.clientId() + "/" + execution.timestamp(), execution.result());
      }
    }
    for (SimClient client : clients) {
      for (var accepted : client.accepted.entrySet()) {
        Bytes model = expected.get(client.id + "/" + accepted.getKey());
        if (model != null && !model.equals(accepted.getValue())) {
          fail("model: client " + client.id + " accepted a result the agreed order does not give");
        }
      }
    }
    replayModel(balances);
  }

  private void replayModel(TreeMap<Integer, Long> balances) {
    for (List<ReferenceApplication.Execution> executions : agreedExecutions.values()) {
      for (ReferenceApplication.Execution execution : executions) {
        Bytes operation = operationOf(execution);
        if (operation != null && !ReferenceApplication.apply(balances, operation).equals(execution.result())) {
          fail("model: the reference model disagrees with the executed result at " + execution.sequence());
        }
      }
    }
  }

  private final TreeMap<Digest, Bytes> operationsByEnvelope = new TreeMap<>();

  void onClientOperation(Bytes envelope, Bytes operation) {
    operationsByEnvelope.put(Sha256.hash(envelope), operation);
  }

  private Bytes operationOf(ReferenceApplication.Execution execution) {
    return operationsByEnvelope.get(Sha256.hash(execution.requestEnvelope()));
  }

  long requestsCommitted() {
    long count = 0;
    for (List<ReferenceApplication.Execution> executions : agreedExecutions.values()) {
      count += executions.size();
    }
    return count;
  }

  List<Long> agreedSequences() {
    return new ArrayList<>(agreed.keySet());
  }
}
