package io.phalanx.client;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.protocol.ClientReply;
import io.phalanx.protocol.ClientRequest;
import io.phalanx.protocol.LedgerOperation;
import io.phalanx.protocol.LedgerResult;
import io.phalanx.protocol.Payload;
import io.phalanx.protocol.SenderKind;
import io.phalanx.wire.Envelopes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's protocol: every method runs on one thread (the protocol executor), which owns all
 * of the state below, so nothing here locks.
 *
 * <ul>
 *   <li>Ordered calls wait in a queue; one ordered request is in flight at a time (a replica
 *       keeps one pending request per client). Queued create calls of one kind are coalesced.
 *   <li>An ordered request goes to the replica believed primary; when its timer fires it goes,
 *       byte for byte, to every replica, again and again with a doubling delay, until f+1
 *       matching replies arrive or the deadline passes (outcome unknown).
 *   <li>Read-only queries go to every replica at once and need 2f+1 matching replies; when that
 *       becomes impossible or the timer fires, the call is queued as an ordered request.
 * </ul>
 */
final class ClientCore {
  private static final Logger LOG = LoggerFactory.getLogger(ClientCore.class);

  /** Where frames go; the Netty links in production, scripted ones in tests. */
  interface Sender {
    void send(int replica, byte[] frame);

    void sendToAll(byte[] frame);
  }

  /** A get whose result is agreed, waiting for more replicas' shares until all or the grace. */
  private record Collecting(Exchange exchange, LedgerResult result,
      ByteString agreed) {}

  /** Fixed parameters of one client. */
  record Settings(long clientId, int replicas, long requestTimeoutNanos, long deadlineNanos,
      long resendDelayMaxNanos, int eventsPerRequestMax) {}

  private final Settings settings;
  private final SigningKeyPair key;
  private final ReplyVerifier verifier;
  private final RequestClock clock;
  private final ScheduledExecutorService executor;
  private final LongSupplier nanoTime;
  private final Sender sender;
  private final ArrayDeque<PendingCall<?>> queue = new ArrayDeque<>();
  private final Map<Long, Exchange> readOnly = new HashMap<>();
  /** Vault gets past their quorum, still collecting the other replicas' shares. */
  private final Map<Long, Collecting> collecting = new HashMap<>();
  private Exchange ordered;
  private long view;
  private boolean closed;

  ClientCore(Settings settings, SigningKeyPair key, ReplyVerifier verifier, RequestClock clock,
      ScheduledExecutorService executor, LongSupplier nanoTime, Sender sender) {
    this.settings = settings;
    this.key = key;
    this.verifier = verifier;
    this.clock = clock;
    this.executor = executor;
    this.nanoTime = nanoTime;
    this.sender = sender;
  }

  void onOrderedCall(PendingCall<?> call) {
    if (closed) {
      call.fail(new PhalanxClientException("the client is closed"));
      return;
    }
    queue.add(call);
    dispatchNext();
  }

  void onReadOnlyCall(PendingCall<?> call) {
    if (closed) {
      call.fail(new PhalanxClientException("the client is closed"));
      return;
    }
    long timestamp = clock.next();
    byte[] frame = sign(timestamp, true, call.operation());
    ReplyQuorum quorum = call.kind() == PendingCall.Kind.BLOCK
        ? ReplyQuorum.ordered(settings.replicas()) : ReplyQuorum.readOnly(settings.replicas());
    Exchange exchange = new Exchange(timestamp, frame, true, List.of(call), quorum,
        nanoTime.getAsLong() + settings.deadlineNanos(), settings.requestTimeoutNanos());
    readOnly.put(timestamp, exchange);
    sender.sendToAll(frame);
    schedule(exchange, settings.requestTimeoutNanos());
  }

  /** A frame from a replica's connection. */
  void onFrame(byte[] frame) {
    if (closed) {
      return;
    }
    Optional<ReplyVerifier.Verified> verified = verifier.check(frame);
    if (verified.isEmpty()) {
      return;
    }
    ClientReply reply = verified.get().reply();
    Collecting late = collecting.get(reply.getTimestamp());
    if (late != null) {
      late.exchange().add(verified.get().replica(), reply);
      if (late.exchange().replied() >= settings.replicas()) {
        completeCollecting(late);
      }
      return;
    }
    Exchange exchange = ordered != null && ordered.timestamp() == reply.getTimestamp()
        ? ordered : readOnly.get(reply.getTimestamp());
    if (exchange == null) {
      verifier.count(BadReply.NO_SUCH_REQUEST);
      return;
    }
    Optional<ClientReply> agreed = exchange.add(verified.get().replica(), reply);
    if (agreed.isPresent()) {
      onAgreed(exchange, agreed.get());
    } else if (exchange.isReadOnly() && exchange.isImpossible()) {
      LOG.debug("client={} read-only timestamp={}: replicas disagree", settings.clientId(),
          exchange.timestamp());
      fallBack(exchange);
    }
  }

  private void onAgreed(Exchange exchange, ClientReply reply) {
    exchange.cancelTimer();
    view = Math.max(view, exchange.agreedView(exchange.matchKey(reply.getResult())));
    finish(exchange);
    LedgerResult result;
    try {
      result = LedgerResult.parseFrom(reply.getResult());
    } catch (InvalidProtocolBufferException e) {
      failAll(exchange, new PhalanxClientException(
          "f+1 replicas agreed on a result that does not parse", e));
      return;
    }
    if (exchange.collectsShares()) {
      collect(new Collecting(exchange, result, reply.getResult()));
      return;
    }
    List<LedgerResult> shares;
    try {
      shares = Coalescing.split(result, exchange.calls());
    } catch (PhalanxClientException e) {
      failAll(exchange, e);
      return;
    }
    for (int i = 0; i < shares.size(); i++) {
      exchange.calls().get(i).complete(shares.get(i));
    }
  }

  /**
   * A vault get reached its quorum: the other replicas' shares may still be on their way. Waits
   * until every replica has answered or one request timeout (never past the deadline) has gone
   * by, so that bad or missing shares can be made up for and their senders named. A refusal
   * carries no shares and completes at once. The ordered slot is free meanwhile.
   */
  private void collect(Collecting agreed) {
    Exchange exchange = agreed.exchange();
    boolean hasShares = agreed.result().hasVault()
        && agreed.result().getVault().getCode() == ResultCodes.OK;
    if (!hasShares || exchange.replied() >= settings.replicas()) {
      exchange.calls().get(0).complete(agreed.result(), exchange.replicaShares(agreed.agreed()));
      return;
    }
    collecting.put(exchange.timestamp(), agreed);
    long grace = Math.min(settings.requestTimeoutNanos(),
        Math.max(0, exchange.deadlineNanos() - nanoTime.getAsLong()));
    exchange.timer(executor.schedule(() -> completeCollecting(agreed), grace,
        TimeUnit.NANOSECONDS));
  }

  private void completeCollecting(Collecting agreed) {
    Exchange exchange = agreed.exchange();
    if (collecting.get(exchange.timestamp()) != agreed) {
      return;
    }
    collecting.remove(exchange.timestamp());
    exchange.cancelTimer();
    exchange.calls().get(0).complete(agreed.result(), exchange.replicaShares(agreed.agreed()));
  }

  private void onTimer(Exchange exchange) {
    if (exchange != ordered && readOnly.get(exchange.timestamp()) != exchange) {
      return;
    }
    long now = nanoTime.getAsLong();
    if (now - exchange.deadlineNanos() >= 0) {
      finish(exchange);
      failAll(exchange, new OutcomeUnknownException(exchange.timestamp(),
          "no quorum of matching replies before the deadline"));
      return;
    }
    if (exchange.isReadOnly() && !exchange.isBlock()) {
      fallBack(exchange);
      return;
    }
    LOG.debug("client={} timestamp={}: no quorum yet, resending to every replica",
        settings.clientId(), exchange.timestamp());
    sender.sendToAll(exchange.frame());
    long delay = exchange.nextResendDelayNanos(settings.resendDelayMaxNanos());
    schedule(exchange, Math.min(delay, exchange.deadlineNanos() - now));
  }

  /** The read-only attempt failed: the call runs again as an ordered request. */
  private void fallBack(Exchange exchange) {
    exchange.cancelTimer();
    readOnly.remove(exchange.timestamp());
    PendingCall<?> call = exchange.calls().get(0);
    if (exchange.isBlock()) {
      call.fail(new PhalanxClientException("replicas disagree on the block and blocks are only "
          + "served read-only; timestamp " + exchange.timestamp()));
      return;
    }
    onOrderedCall(call);
  }

  private void finish(Exchange exchange) {
    exchange.cancelTimer();
    if (exchange == ordered) {
      ordered = null;
      dispatchNext();
    } else {
      readOnly.remove(exchange.timestamp());
    }
  }

  private void dispatchNext() {
    if (closed || ordered != null || queue.isEmpty()) {
      return;
    }
    int taken = Coalescing.take(queue, settings.eventsPerRequestMax());
    List<PendingCall<?>> calls = new ArrayList<>(taken);
    for (int i = 0; i < taken; i++) {
      calls.add(queue.poll());
    }
    long timestamp = clock.next();
    byte[] frame = sign(timestamp, false, Coalescing.merge(calls));
    ordered = new Exchange(timestamp, frame, false, calls,
        ReplyQuorum.ordered(settings.replicas()),
        nanoTime.getAsLong() + settings.deadlineNanos(), settings.requestTimeoutNanos());
    sender.send(primary(), frame);
    schedule(ordered, settings.requestTimeoutNanos());
  }

  int primary() {
    return (int) Long.remainderUnsigned(view, settings.replicas());
  }

  /** Fails every call, queued or in flight: the client is closing. */
  void onClose() {
    closed = true;
    if (ordered != null) {
      Exchange closing = ordered;
      closing.cancelTimer();
      ordered = null;
      failAll(closing, new OutcomeUnknownException(closing.timestamp(),
          "the client closed before a quorum of replies arrived"));
    }
    for (Exchange exchange : List.copyOf(readOnly.values())) {
      exchange.cancelTimer();
      failAll(exchange, new PhalanxClientException("the client closed"));
    }
    readOnly.clear();
    for (Collecting agreed : List.copyOf(collecting.values())) {
      // The result is agreed; read with the shares that arrived (the reader names the rest).
      completeCollecting(agreed);
    }
    while (!queue.isEmpty()) {
      queue.poll().fail(new PhalanxClientException("the client closed before sending the call"));
    }
  }

  private void failAll(Exchange exchange, Throwable failure) {
    exchange.calls().forEach(call -> call.fail(failure));
  }

  private void schedule(Exchange exchange, long delayNanos) {
    exchange.timer(executor.schedule(() -> onTimer(exchange), Math.max(0, delayNanos),
        TimeUnit.NANOSECONDS));
  }

  private byte[] sign(long timestamp, boolean isReadOnly, LedgerOperation operation) {
    ClientRequest request = ClientRequest.newBuilder()
        .setClientId(settings.clientId())
        .setTimestamp(timestamp)
        .setReadOnly(isReadOnly)
        .setOperation(operation.toByteString())
        .build();
    Payload payload = Payload.newBuilder().setRequest(request).build();
    return Envelopes.sign(SenderKind.SENDER_KIND_CLIENT, settings.clientId(), payload, key)
        .toByteArray();
  }
}
