package io.phalanx.client;

import io.phalanx.crypto.Bytes;
import io.phalanx.protocol.LedgerOperation;
import io.phalanx.protocol.LedgerResult;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One caller's call: the operation it asked for, how to read its result, and its future. A
 * create call may share an ordered request with other create calls of the same kind
 * ({@link Coalescing}); every other call travels alone.
 *
 * <p>The future is completed on the callback executor, never on the client's protocol thread or
 * a Netty event loop, so a caller's continuation cannot stall the client.
 */
final class PendingCall<T> {
  /** What a call carries; only creates of the same kind coalesce. */
  enum Kind {
    CREATE_ACCOUNTS, CREATE_TRANSFERS, QUERY, BLOCK,
    /** Ordered; keeps each agreeing replica's {@code replica_share} (a vault get). */
    WITH_REPLICA_SHARES
  }

  /** Turns the consortium's agreed result into the caller's value, or throws a typed failure. */
  @FunctionalInterface
  interface ResultReader<T> {
    T read(LedgerResult result);
  }

  /**
   * Reads the agreed result together with the {@code replica_share} of every replica whose
   * verified reply carried that result (replica index to bytes; silent replicas are absent).
   * Runs on the callback executor: it may do real work (opening and combining vault shares).
   */
  @FunctionalInterface
  interface SharesReader<T> {
    T read(LedgerResult result, Map<Integer, Bytes> replicaShares);
  }

  private final Kind kind;
  private final LedgerOperation operation;
  private final int events;
  private final boolean leavesChainOpen;
  private final ResultReader<T> reader;
  private final SharesReader<T> sharesReader;
  private final CompletableFuture<T> future = new CompletableFuture<>();
  private final Executor callbacks;

  PendingCall(Kind kind, LedgerOperation operation, int events, boolean leavesChainOpen,
      ResultReader<T> reader, Executor callbacks) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.operation = Objects.requireNonNull(operation, "operation");
    this.events = events;
    this.leavesChainOpen = leavesChainOpen;
    this.reader = Objects.requireNonNull(reader, "reader");
    this.sharesReader = null;
    this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
  }

  /** An ordered call that keeps the agreeing replicas' {@code replica_share}s. */
  PendingCall(LedgerOperation operation, SharesReader<T> sharesReader, Executor callbacks) {
    this.kind = Kind.WITH_REPLICA_SHARES;
    this.operation = Objects.requireNonNull(operation, "operation");
    this.events = 0;
    this.leavesChainOpen = false;
    this.sharesReader = Objects.requireNonNull(sharesReader, "sharesReader");
    this.reader = result -> sharesReader.read(result, Map.of());
    this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
  }

  Kind kind() {
    return kind;
  }

  LedgerOperation operation() {
    return operation;
  }

  /** Events (accounts, transfers) this call carries; 0 for a query. */
  int events() {
    return events;
  }

  /** True when the call's last event is linked: nothing may follow it in the same request. */
  boolean leavesChainOpen() {
    return leavesChainOpen;
  }

  CompletableFuture<T> future() {
    return future;
  }

  boolean isDone() {
    return future.isDone();
  }

  /** Reads {@code result} (on the protocol thread) and completes the future off it. */
  void complete(LedgerResult result) {
    T value;
    try {
      value = reader.read(result);
    } catch (RuntimeException failure) {
      fail(failure);
      return;
    }
    callbacks.execute(() -> future.complete(value));
  }

  /** Reads {@code result} with the replicas' shares on the callback executor, then completes. */
  void complete(LedgerResult result, Map<Integer, Bytes> shares) {
    SharesReader<T> read = sharesReader != null ? sharesReader
        : (agreed, ignored) -> reader.read(agreed);
    callbacks.execute(() -> {
      try {
        future.complete(read.read(result, shares));
      } catch (RuntimeException failure) {
        future.completeExceptionally(failure);
      }
    });
  }

  void fail(Throwable failure) {
    callbacks.execute(() -> future.completeExceptionally(failure));
  }
}
