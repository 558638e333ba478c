package io.phalanx.client;

import io.phalanx.protocol.LedgerOperation;
import io.phalanx.protocol.LedgerResult;
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
  enum Kind { CREATE_ACCOUNTS, CREATE_TRANSFERS, QUERY, BLOCK }

  /** Turns the consortium's agreed result into the caller's value, or throws a typed failure. */
  @FunctionalInterface
  interface ResultReader<T> {
    T read(LedgerResult result);
  }

  private final Kind kind;
  private final LedgerOperation operation;
  private final int events;
  private final boolean leavesChainOpen;
  private final ResultReader<T> reader;
  private final CompletableFuture<T> future = new CompletableFuture<>();
  private final Executor callbacks;

  PendingCall(Kind kind, LedgerOperation operation, int events, boolean leavesChainOpen,
      ResultReader<T> reader, Executor callbacks) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.operation = Objects.requireNonNull(operation, "operation");
    this.events = events;
    this.leavesChainOpen = leavesChainOpen;
    this.reader = Objects.requireNonNull(reader, "reader");
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

  void fail(Throwable failure) {
    callbacks.execute(() -> future.completeExceptionally(failure));
  }
}
