package io.phalanx.pbft.sim;

import io.phalanx.crypto.Bytes;
import io.phalanx.pbft.codec.RequestSigner;
import io.phalanx.pbft.core.Reply;
import io.phalanx.pbft.core.Request;
import io.phalanx.pbft.core.SignedRequest;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A correct client: one request at a time, sent to the primary it believes in, then to every
 * replica on each timeout; it accepts a result once f+1 replicas sent matching replies.
 */
final class SimClient {
  static final long RETRY_MILLIS = 400;

  final long id;
  private final int replicas;
  private final int faults;
  private final int requestsTotal;
  private final SplittableRandom random;
  private long timestamp;
  private SignedRequest current;
  private long sentAtMillis;
  private long viewSeen;
  private final TreeMap<Integer, Bytes> replies = new TreeMap<>();
  /** timestamp → the request and the result the client accepted */
  final TreeMap<Long, Bytes> accepted = new TreeMap<>();
  final TreeMap<Long, Bytes> operations = new TreeMap<>();

  SimClient(long id, int replicas, int requestsTotal, SplittableRandom random) {
    this.id = id;
    this.replicas = replicas;
    this.faults = (replicas - 1) / 3;
    this.requestsTotal = requestsTotal;
    this.random = random;
  }

  boolean isDone() {
    return accepted.size() >= requestsTotal;
  }

  boolean hasPending() {
    return current != null;
  }

  long pendingTimestamp() {
    return timestamp;
  }

  /** Called on the client's timer; sends what is due through {@code network}. */
  void onTimer(long nowMillis, Simulation network) {
    if (current == null && !isDone()) {
      timestamp++;
      Bytes operation = ReferenceApplication.transfer(random.nextInt(ReferenceApplication.ACCOUNTS),
          random.nextInt(ReferenceApplication.ACCOUNTS), random.nextInt(300));
      operations.put(timestamp, operation);
      current = RequestSigner.sign(new Request(id, timestamp, false, operation), SimKeys.client(id));
      replies.clear();
      sentAtMillis = nowMillis;
      network.clientSend(this, (int) (viewSeen % replicas), current.envelope());
    } else if (current != null && nowMillis - sentAtMillis >= RETRY_MILLIS) {
      sentAtMillis = nowMillis;
      for (int replica = 0; replica < replicas; replica++) {
        network.clientSend(this, replica, current.envelope());
      }
    }
  }

  void onReply(Reply reply) {
    if (current == null || reply.clientId() != id || reply.timestamp() != timestamp) {
      return;
    }
    replies.put(reply.replica(), reply.result());
    int matching = 0;
    for (Bytes result : replies.values()) {
      matching += result.equals(reply.result()) ? 1 : 0;
    }
    if (matching >= faults + 1) {
      accepted.put(timestamp, reply.result());
      viewSeen = Math.max(viewSeen, reply.view());
      current = null;
    }
  }
}
