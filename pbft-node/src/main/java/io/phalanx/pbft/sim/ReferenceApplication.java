package io.phalanx.pbft.sim;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.crypto.Sha256;
import io.phalanx.pbft.core.Batch;
import io.phalanx.pbft.core.ExecutedReply;
import io.phalanx.pbft.core.Request;
import io.phalanx.pbft.core.SignedRequest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulator's executor: transfers between accounts, plus the replicated exactly-once table
 * (per client the last executed timestamp and its result). Deterministic; its state digest covers
 * balances and the client table. Its state is durable across a replica's crash, as the ledger's
 * store would be; it keeps snapshots at checkpoints for state transfer.
 */
public final class ReferenceApplication {
  public static final int ACCOUNTS = 8;
  public static final long INITIAL_BALANCE = 1_000;
  private static final int SNAPSHOTS_MAX = 6;

  /** The replicated state: balances and the client table. */
  record State(TreeMap<Integer, Long> balances, TreeMap<Long, LastResult> clients) {
    State copy() {
      return new State(new TreeMap<>(balances), new TreeMap<>(clients));
    }

    /** The client table as the core's view of it: per client the last timestamp and result. */
    List<ExecutedReply> lastReplies() {
      List<ExecutedReply> replies = new ArrayList<>();
      for (Map.Entry<Long, LastResult> entry : clients.entrySet()) {
        replies.add(new ExecutedReply(entry.getKey(), entry.getValue().timestamp(), entry.getValue().result()));
      }
      return replies;
    }

    Digest digest() {
      Sha256.Hasher hasher = Sha256.hasher();
      for (Map.Entry<Integer, Long> entry : balances.entrySet()) {
        hasher.updateInt(entry.getKey()).updateLong(entry.getValue());
      }
      for (Map.Entry<Long, LastResult> entry : clients.entrySet()) {
        hasher.updateLong(entry.getKey()).updateLong(entry.getValue().timestamp())
            .updateInt(entry.getValue().result().length()).update(entry.getValue().result());
      }
      return hasher.finish();
    }
  }

  record LastResult(long timestamp, Bytes result) {}

  /** One request this application executed (not skipped, not answered from the cache). */
  public record Execution(long sequence, long clientId, long timestamp, Bytes requestEnvelope, Bytes result) {}

  /** What executing one batch gave. */
  public record Outcome(Digest stateDigest, List<ExecutedReply> replies, List<Execution> executions) {}

  private State state;
  private long lastExecuted;
  private final TreeMap<Long, State> snapshots = new TreeMap<>();

  public ReferenceApplication() {
    TreeMap<Integer, Long> balances = new TreeMap<>();
    for (int account = 0; account < ACCOUNTS; account++) {
      balances.put(account, INITIAL_BALANCE);
    }
    state = new State(balances, new TreeMap<>());
  }

  public long lastExecuted() {
    return lastExecuted;
  }

  public Digest stateDigest() {
    return state.digest();
  }

  public Outcome execute(long sequence, Batch batch, int checkpointInterval) {
    if (sequence != lastExecuted + 1) {
      throw new IllegalStateException("execute " + sequence + " after " + lastExecuted);
    }
    List<ExecutedReply> replies = new ArrayList<>();
    List<Execution> executions = new ArrayList<>();
    for (SignedRequest signed : batch.requests()) {
      Request request = signed.request();
      LastResult last = state.clients.get(request.clientId());
      if (last != null && request.timestamp() < last.timestamp()) {
        continue;
      }
      if (last != null && request.timestamp() == last.timestamp()) {
        replies.add(new ExecutedReply(request.clientId(), request.timestamp(), last.result()));
        continue;
      }
      Bytes result = apply(state.balances, request.operation());
      state.clients.put(request.clientId(), new LastResult(request.timestamp(), result));
      replies.add(new ExecutedReply(request.clientId(), request.timestamp(), result));
      executions.add(new Execution(sequence, request.clientId(), request.timestamp(), signed.envelope(), result));
    }
    lastExecuted = sequence;
    if (sequence % checkpointInterval == 0) {
      snapshots.put(sequence, state.copy());
      while (snapshots.size() > SNAPSHOTS_MAX) {
        snapshots.pollFirstEntry();
      }
    }
    return new Outcome(state.digest(), replies, executions);
  }

  /** The snapshot at {@code sequence} if this application has it and it has {@code digest}. */
  State snapshot(long sequence, Digest digest) {
    State snapshot = snapshots.get(sequence);
    return snapshot != null && snapshot.digest().equals(digest) ? snapshot.copy() : null;
  }

  void install(long sequence, State snapshot) {
    state = snapshot.copy();
    lastExecuted = sequence;
    snapshots.put(sequence, snapshot.copy());
  }

  /** A transfer: 3 longs (from account, to account, amount); the result is the new balance of from, or -1. */
  public static Bytes transfer(int from, int to, long amount) {
    return Bytes.wrapOwned(ByteBuffer.allocate(24).putLong(from).putLong(to).putLong(amount).array());
  }

  static Bytes apply(TreeMap<Integer, Long> balances, Bytes operation) {
    if (operation.length() != 24) {
      return result(-2);
    }
    ByteBuffer buffer = ByteBuffer.wrap(operation.toByteArray());
    long from = buffer.getLong();
    long to = buffer.getLong();
    long amount = buffer.getLong();
    if (from < 0 || from >= ACCOUNTS || to < 0 || to >= ACCOUNTS || amount < 0) {
      return result(-2);
    }
    long balance = balances.get((int) from);
    if (balance < amount) {
      return result(-1);
    }
    balances.put((int) from, balance - amount);
    balances.put((int) to, balances.get((int) to) + amount);
    return result(balance - amount);
  }

  private static Bytes result(long value) {
    return Bytes.wrapOwned(ByteBuffer.allocate(8).putLong(value).array());
  }
}
