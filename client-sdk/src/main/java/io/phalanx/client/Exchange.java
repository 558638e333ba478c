package io.phalanx.client;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.phalanx.crypto.Bytes;
import io.phalanx.protocol.ClientReply;
import io.phalanx.protocol.LedgerResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;

/**
 * One signed request on its way through the consortium: its envelope (resent byte for byte, so
 * with the same timestamp), the calls it answers, the replies counted so far and its timer.
 *
 * <p>Replies match on their result bytes; a block's replies match on everything but its commit
 * certificate and optional batch bytes, because each replica stores its own certificate (a
 * different 2f+1 commits) beside the same block. Confined to the
 * client's protocol thread.
 */
final class Exchange {
  private final long timestamp;
  private final byte[] frame;
  private final boolean readOnly;
  private final List<PendingCall<?>> calls;
  private final ReplyQuorum quorum;
  private final long deadlineNanos;
  private final Map<Integer, ClientReply> replies = new TreeMap<>();
  private long resendDelayNanos;
  private ScheduledFuture<?> timer;

  Exchange(long timestamp, byte[] frame, boolean readOnly, List<PendingCall<?>> calls,
      ReplyQuorum quorum, long deadlineNanos, long resendDelayNanos) {
    this.timestamp = timestamp;
    this.frame = frame;
    this.readOnly = readOnly;
    this.calls = List.copyOf(calls);
    this.quorum = quorum;
    this.deadlineNanos = deadlineNanos;
    this.resendDelayNanos = resendDelayNanos;
  }

  long timestamp() {
    return timestamp;
  }

  byte[] frame() {
    return frame;
  }

  boolean isReadOnly() {
    return readOnly;
  }

  List<PendingCall<?>> calls() {
    return calls;
  }

  /** True when the call keeps each agreeing replica's replica_share (a vault get). */
  boolean collectsShares() {
    return calls.get(0).kind() == PendingCall.Kind.WITH_REPLICA_SHARES;
  }

  /** Replicas that sent a verified reply, whatever its result. */
  int replied() {
    return replies.size();
  }

  /**
   * The replica_share of every replica whose reply carried exactly {@code result} (the agreed
   * bytes); a replica that answered something else, or nothing, is left out.
   */
  Map<Integer, Bytes> replicaShares(ByteString result) {
    Map<Integer, Bytes> shares = new TreeMap<>();
    replies.forEach((replica, reply) -> {
      if (reply.getResult().equals(result)) {
        shares.put(replica, Bytes.of(reply.getReplicaShare().toByteArray()));
      }
    });
    return shares;
  }

  boolean isBlock() {
    return calls.get(0).kind() == PendingCall.Kind.BLOCK;
  }

  long deadlineNanos() {
    return deadlineNanos;
  }

  /** The delay before the next resend; doubles each time, up to {@code maxNanos}. */
  long nextResendDelayNanos(long maxNanos) {
    long delay = resendDelayNanos;
    resendDelayNanos = Math.min(maxNanos, resendDelayNanos * 2);
    return delay;
  }

  void timer(ScheduledFuture<?> timer) {
    this.timer = timer;
  }

  void cancelTimer() {
    if (timer != null) {
      timer.cancel(false);
    }
  }

  /** Counts a verified reply; returns the agreed reply once the quorum is reached. */
  Optional<ClientReply> add(int replica, ClientReply reply) {
    replies.putIfAbsent(replica, reply);
    Optional<Bytes> decided = quorum.add(replica, matchKey(reply.getResult()));
    return decided.map(this::replyWithKey);
  }

  boolean isImpossible() {
    return quorum.isImpossible();
  }

  /**
   * The lowest view among the replies that formed the quorum: at least one of them is from a
   * correct replica, so liars can only make the client learn a view that is too old.
   */
  long agreedView(Bytes key) {
    return replies.values().stream()
        .filter(reply -> matchKey(reply.getResult()).equals(key))
        .mapToLong(ClientReply::getView).min().orElse(0);
  }

  Bytes matchKey(ByteString result) {
    if (isBlock()) {
      try {
        LedgerResult parsed = LedgerResult.parseFrom(result);
        if (parsed.hasBlock()) {
          return Bytes.of(parsed.getBlock().toBuilder().clearCertificate().clearBatch().build()
              .toByteArray());
        }
      } catch (InvalidProtocolBufferException malformed) {
        // Counted as a result of its own: it will not match the correct replicas' header.
      }
    }
    return Bytes.of(result.toByteArray());
  }

  private ClientReply replyWithKey(Bytes key) {
    return replies.values().stream()
        .filter(reply -> matchKey(reply.getResult()).equals(key))
        .findFirst().orElseThrow();
  }
}
