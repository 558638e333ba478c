package io.phalanx.client;

import io.phalanx.protocol.Account;
import io.phalanx.protocol.AccountBalance;
import io.phalanx.protocol.AccountFlag;
import io.phalanx.protocol.CertifiedBlock;
import io.phalanx.protocol.CreateAccounts;
import io.phalanx.protocol.CreateTransfers;
import io.phalanx.protocol.GetAccountBalances;
import io.phalanx.protocol.GetAccountTransfers;
import io.phalanx.protocol.GetBlock;
import io.phalanx.protocol.GetReceipt;
import io.phalanx.protocol.LedgerOperation;
import io.phalanx.protocol.LookupAccounts;
import io.phalanx.protocol.LookupTransfers;
import io.phalanx.protocol.Receipt;
import io.phalanx.protocol.Transfer;
import io.phalanx.protocol.TransferFlag;
import io.phalanx.protocol.Uint128;
import io.phalanx.wire.ReasonCounter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client of a Phalanx consortium: signs each call as one client identity, sends it to the
 * replicas and accepts a result only when enough replicas sign the same one — f+1 for an ordered
 * request (at least one of them is correct), 2f+1 for a read-only query.
 *
 * <pre>{@code
 * try (PhalanxClient client = PhalanxClient.builder()
 *     .config(Path.of("consortium/client-2.yaml"))
 *     .build()) {
 *   Uint128 mine = Ids.uint128(7, 1);
 *   client.createAccounts(List.of(Events.account(mine, client.clientId(), 1,
 *       AccountFlag.ACCOUNT_FLAG_DEBITS_MUST_NOT_EXCEED_CREDITS_VALUE))).join();
 *   List<CreateResult> results = client.createTransfers(List.of(
 *       Events.transfer(Ids.uint128(7, 100), mine, Ids.uint128(9, 1), 250, 1))).join();
 *   if (!results.get(0).isOk()) {
 *     System.out.println("refused: " + results.get(0).codeName());   // e.g. exceeds_credits
 *   }
 *   Account account = client.lookupAccounts(List.of(mine)).join().get(0);
 * }
 * }</pre>
 *
 * <p><b>Exactly once.</b> Every request carries a timestamp that grows per client identity, also
 * across restarts. The replicas execute a timestamp at most once and answer a repeat with the
 * cached reply, so the client may resend a request (byte for byte, same timestamp) as often as it
 * needs: on a timeout it goes to every replica, with a doubling delay, until f+1 matching replies
 * arrive or the deadline passes; then the future fails with {@link OutcomeUnknownException}.
 *
 * <p><b>Threads.</b> Thread-safe; every method returns at once. One ordered request is in flight
 * per client at a time: other calls queue (bounded; overflow fails the call at once) and queued
 * create calls of the same kind are coalesced into one request, each caller getting its own
 * events' results. Futures complete on the callback executor (by default the common
 * fork-join pool), never on the client's network or protocol threads. Use one identity per
 * client instance: two processes signing with one identity will see each other's requests refused
 * as stale.
 *
 * <p><b>Failures</b> arrive through the future: {@link InvalidRequestException} (nothing was
 * sent), {@link RejectedException} (executed and refused as a whole, with the ledger's result
 * code), {@link OutcomeUnknownException} (no quorum before the deadline), and
 * {@link PhalanxClientException} for the rest (queue full, client closed).
 */
public final class PhalanxClient implements AutoCloseable {
  private final long clientId;
  private final int replicas;
  private final ClientCore core;
  private final ReplicaLinks links;
  private final ScheduledThreadPoolExecutor protocol;
  private final Executor callbacks;
  private final ReasonCounter<BadReply> badReplies;
  private final int pendingCallsMax;
  private final AtomicInteger pendingCalls = new AtomicInteger();
  private final AtomicInteger inboundFrames = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final VaultClient vault;

  PhalanxClient(PhalanxClientBuilder builder, Consortium consortium) {
    this.clientId = builder.clientId();
    this.replicas = consortium.replicas();
    this.callbacks = builder.callbackExecutor();
    this.pendingCallsMax = builder.pendingCallsMax();
    this.badReplies = new ReasonCounter<>(BadReply.class);
    this.protocol = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "phalanx-client-" + clientId);
      thread.setDaemon(true);
      return thread;
    });
    protocol.setRemoveOnCancelPolicy(true);
    protocol.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.links = new ReplicaLinks(consortium.addresses(), builder.network(),
        builder.socketSettings(), (replica, frame) -> onFrame(frame));
    ClientCore.Sender sender = new ClientCore.Sender() {
      @Override
      public void send(int replica, byte[] frame) {
        links.send(replica, frame);
      }

      @Override
      public void sendToAll(byte[] frame) {
        links.sendToAll(frame);
      }
    };
    this.core = new ClientCore(builder.settings(replicas),
        builder.keyPair(), new ReplyVerifier(clientId, consortium.keys(), badReplies),
        new RequestClock(builder.clock()), protocol, System::nanoTime, sender);
    this.vault = new VaultClient(this, builder.genesis(), callbacks);
    links.start();
  }

  /** A builder: {@code .config(path)} or {@code .genesis(g).identity(id, key)}, then build. */
  public static PhalanxClientBuilder builder() {
    return new PhalanxClientBuilder();
  }

  /** Creates accounts (ordered); one result per account, in order. */
  public CompletableFuture<List<CreateResult>> createAccounts(List<Account> accounts) {
    try {
      RequestValidation.checkAccounts(accounts);
    } catch (InvalidRequestException e) {
      return CompletableFuture.failedFuture(e);
    }
    boolean open = (accounts.get(accounts.size() - 1).getFlags()
        & AccountFlag.ACCOUNT_FLAG_LINKED_VALUE) != 0;
    LedgerOperation operation = LedgerOperation.newBuilder()
        .setCreateAccounts(CreateAccounts.newBuilder().addAllAccounts(accounts)).build();
    return submit(new PendingCall<>(PendingCall.Kind.CREATE_ACCOUNTS, operation, accounts.size(),
        open, Results::createResults, callbacks), false);
  }

  /** Creates transfers (ordered): single-phase, pending, post, void, linked chains. */
  public CompletableFuture<List<CreateResult>> createTransfers(List<Transfer> transfers) {
    try {
      RequestValidation.checkTransfers(transfers);
    } catch (InvalidRequestException e) {
      return CompletableFuture.failedFuture(e);
    }
    boolean open = (transfers.get(transfers.size() - 1).getFlags()
        & TransferFlag.TRANSFER_FLAG_LINKED_VALUE) != 0;
    LedgerOperation operation = LedgerOperation.newBuilder()
        .setCreateTransfers(CreateTransfers.newBuilder().addAllTransfers(transfers)).build();
    return submit(new PendingCall<>(PendingCall.Kind.CREATE_TRANSFERS, operation,
        transfers.size(), open, Results::createResults, callbacks), false);
  }

  /** The accounts found, in request order; ids that do not exist are left out. */
  public CompletableFuture<List<Account>> lookupAccounts(List<Uint128> ids) {
    try {
      RequestValidation.checkIds(ids, "ids");
    } catch (InvalidRequestException e) {
      return CompletableFuture.failedFuture(e);
    }
    return query(LedgerOperation.newBuilder()
        .setLookupAccounts(LookupAccounts.newBuilder().addAllIds(ids)).build(), Results::accounts);
  }

  /** The transfers found, in request order; ids that do not exist are left out. */
  public CompletableFuture<List<Transfer>> lookupTransfers(List<Uint128> ids) {
    try {
      RequestValidation.checkIds(ids, "ids");
    } catch (InvalidRequestException e) {
      return CompletableFuture.failedFuture(e);
    }
    return query(LedgerOperation.newBuilder()
        .setLookupTransfers(LookupTransfers.newBuilder().addAllIds(ids)).build(),
        Results::transfers);
  }

  /** One page of an account's transfers, by ledger time. */
  public CompletableFuture<List<Transfer>> accountTransfers(AccountQuery query) {
    Objects.requireNonNull(query, "query");
    try {
      RequestValidation.checkId(query.accountId(), "accountId");
    } catch (InvalidRequestException e) {
      return CompletableFuture.failedFuture(e);
    }
    return query(LedgerOperation.newBuilder().setGetAccountTransfers(GetAccountTransfers.newBuilder()
        .setAccountId(query.accountId()).setTimestampMin(query.timestampMin())
        .setTimestampMax(query.timestampMax()).setLimit(query.limit())
        .setReversed(query.reversed())).build(), Results::transfers);
  }

  /** One page of an account's balance history (accounts created with the HISTORY flag). */
  public CompletableFuture<List<AccountBalance>> accountBalances(AccountQuery query) {
    Objects.requireNonNull(query, "query");
    try {
      RequestValidation.checkId(query.accountId(), "accountId");
    } catch (InvalidRequestException e) {
      return CompletableFuture.failedFuture(e);
    }
    return query(LedgerOperation.newBuilder().setGetAccountBalances(GetAccountBalances.newBuilder()
        .setAccountId(query.accountId()).setTimestampMin(query.timestampMin())
        .setTimestampMax(query.timestampMax()).setLimit(query.limit())
        .setReversed(query.reversed())).build(), Results::balances);
  }

  /**
   * The block at {@code height} (from 1), empty if the replicas do not have it. Blocks are served
   * read-only only; f+1 replicas must agree on everything but the commit certificate, which the
   * caller can check offline against the genesis.
   */
  public CompletableFuture<Optional<CertifiedBlock>> block(long height) {
    if (height <= 0) {
      return CompletableFuture.failedFuture(
          new InvalidRequestException("height must be positive, got " + height));
    }
    LedgerOperation operation = LedgerOperation.newBuilder()
        .setGetBlock(GetBlock.newBuilder().setHeight(height)).build();
    return submit(new PendingCall<>(PendingCall.Kind.BLOCK, operation, 0, false, Results::block,
        callbacks), true);
  }

  /** Where a transfer was executed (block height, sequence), empty if it does not exist. */
  public CompletableFuture<Optional<Receipt>> receipt(Uint128 transferId) {
    try {
      RequestValidation.checkId(transferId, "transferId");
    } catch (InvalidRequestException e) {
      return CompletableFuture.failedFuture(e);
    }
    return query(LedgerOperation.newBuilder()
        .setGetReceipt(GetReceipt.newBuilder().setTransferId(transferId)).build(),
        Results::receipt);
  }

  /** The split-secret vault: put, get, status, refresh and delete secrets (n ≥ 4). */
  public VaultClient vault() {
    return vault;
  }

  /** This client's member id. */
  public long clientId() {
    return clientId;
  }

  /** n, the number of replicas of the consortium. */
  public int replicas() {
    return replicas;
  }

  /** Replies ignored so far, per reason, zeros included. */
  public Map<BadReply, Long> badReplies() {
    return badReplies.snapshot();
  }

  /**
   * Stops the client: calls not yet answered fail (the one in flight with
   * {@link OutcomeUnknownException}), connections close. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // Calls submitted before this point still run, see the core closed and fail at once;
    // pending timers are dropped.
    protocol.execute(core::onClose);
    protocol.shutdown();
    try {
      if (!protocol.awaitTermination(10, TimeUnit.SECONDS)) {
        protocol.shutdownNow();
      }
    } catch (InterruptedException e) {
      protocol.shutdownNow();
      Thread.currentThread().interrupt();
    }
    links.close();
  }

  /** An ordered call travelling alone (vault changes). */
  <T> CompletableFuture<T> ordered(LedgerOperation operation,
      PendingCall.ResultReader<T> reader) {
    return submit(new PendingCall<>(PendingCall.Kind.QUERY, operation, 0, false, reader,
        callbacks), false);
  }

  /** A read-only query that falls back to ordered execution. */
  <T> CompletableFuture<T> readOnly(LedgerOperation operation,
      PendingCall.ResultReader<T> reader) {
    return query(operation, reader);
  }

  /** An ordered call that also keeps each agreeing replica's replica_share (a vault get). */
  <T> CompletableFuture<T> orderedWithShares(LedgerOperation operation,
      PendingCall.SharesReader<T> reader) {
    return submit(new PendingCall<>(operation, reader, callbacks), false);
  }

  private <T> CompletableFuture<T> query(LedgerOperation operation,
      PendingCall.ResultReader<T> reader) {
    return submit(new PendingCall<>(PendingCall.Kind.QUERY, operation, 0, false, reader,
        callbacks), true);
  }

  private <T> CompletableFuture<T> submit(PendingCall<T> call, boolean readOnly) {
    if (closed.get()) {
      return CompletableFuture.failedFuture(new PhalanxClientException("the client is closed"));
    }
    if (pendingCalls.incrementAndGet() > pendingCallsMax) {
      pendingCalls.decrementAndGet();
      return CompletableFuture.failedFuture(new PhalanxClientException(
          "too many calls pending (at most " + pendingCallsMax + "); the call was not sent"));
    }
    call.future().whenComplete((value, failure) -> pendingCalls.decrementAndGet());
    try {
      protocol.execute(() -> {
        if (readOnly) {
          core.onReadOnlyCall(call);
        } else {
          core.onOrderedCall(call);
        }
      });
    } catch (RejectedExecutionException e) {
      call.fail(new PhalanxClientException("the client is closed"));
    }
    return call.future();
  }

  /** On a Netty thread: hand the frame to the protocol thread, bounded. */
  private void onFrame(byte[] frame) {
    if (inboundFrames.incrementAndGet() > pendingCallsMax * 4 + 64) {
      inboundFrames.decrementAndGet();
      return;
    }
    try {
      protocol.execute(() -> {
        inboundFrames.decrementAndGet();
        core.onFrame(frame);
      });
    } catch (RejectedExecutionException closing) {
      inboundFrames.decrementAndGet();
    }
  }
}
