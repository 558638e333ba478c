package io.phalanx.node;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Sha256;
import io.phalanx.ledger.BatchInput;
import io.phalanx.ledger.BlockOutcome;
import io.phalanx.ledger.Ledger;
import io.phalanx.pbft.core.Effect;
import io.phalanx.pbft.core.Input;
import io.phalanx.pbft.core.MessageSigner;
import io.phalanx.pbft.core.Reply;
import io.phalanx.pbft.core.SignedRequest;
import io.phalanx.protocol.CommitCertificate;
import io.phalanx.protocol.SignedEnvelope;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executor stage: applies committed batches to the ledger strictly in sequence order, answers
 * read-only queries between blocks, and reports each block back to the consensus thread. Runs on
 * the node's one ledger thread (shared with state transfer), so the ledger is never touched
 * concurrently.
 */
final class LedgerExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(LedgerExecutor.class);

  /** Where a signed reply for a client goes. */
  interface ClientReplies {
    void send(long clientId, Bytes envelope);
  }

  private final Ledger ledger;
  private final ScheduledExecutorService ledgerThread;
  private final Consumer<Input> consensus;
  private final MessageSigner signer;
  private final ClientReplies replies;
  private final int self;
  private final FatalError fatal;
  private final NodeMetrics metrics;
  private final VaultShareSealer vaultShares;
  private volatile long lastExecuted;
  private volatile String stateDigestHex;

  LedgerExecutor(Ledger ledger, ScheduledExecutorService ledgerThread, Consumer<Input> consensus,
      MessageSigner signer, ClientReplies replies, int self, FatalError fatal, NodeMetrics metrics,
      VaultShareSealer vaultShares) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.ledgerThread = ledgerThread;
    this.consensus = consensus;
    this.signer = signer;
    this.replies = replies;
    this.self = self;
    this.fatal = fatal;
    this.metrics = metrics;
    this.vaultShares = Objects.requireNonNull(vaultShares, "vaultShares");
    this.lastExecuted = ledger.lastExecutedSequence();
    this.stateDigestHex = ledger.stateDigest().toHex();
  }

  /** The state digest after the last applied block, for {@code /status}. */
  String stateDigestHex() {
    return stateDigestHex;
  }

  long lastExecuted() {
    return lastExecuted;
  }

  /** Re-reads the ledger's tip after state transfer installed blocks; on the ledger thread. */
  void refreshFromLedger() {
    lastExecuted = ledger.lastExecutedSequence();
    stateDigestHex = ledger.stateDigest().toHex();
  }

  /** Queues a committed batch; the core issues them in sequence order. */
  void execute(Effect.Execute execute) {
    ledgerThread.execute(() -> guarded("execute " + execute.sequence(), () -> apply(execute)));
  }

  /** Answers a read-only request against the state after the last applied block. */
  void query(SignedRequest signed, LongSupplier view) {
    ledgerThread.execute(() -> guarded("query", () -> {
      Bytes result = ledger.query(signed.request().clientId(), signed.request().operation());
      Reply reply = new Reply(view.getAsLong(), signed.request().timestamp(),
          signed.request().clientId(), self, result, 0);
      replies.send(signed.request().clientId(), signer.signReply(reply));
      metrics.queries().increment();
    }));
  }

  private void apply(Effect.Execute execute) {
    long started = System.nanoTime();
    Bytes batchBytes = execute.batchBytes();
    if (!Sha256.hash(batchBytes).equals(execute.batchDigest())) {
      throw new IllegalStateException("batch bytes do not match the committed digest at "
          + execute.sequence());
    }
    BatchInput input = new BatchInput(execute.sequence(), execute.view(),
        execute.batch().ledgerTimeMillis(), execute.batchDigest(),
        Requests.ledgerRequests(execute.batch()), certificate(execute.commitCertificate()),
        batchBytes);
    BlockOutcome outcome = ledger.applyBatch(input);
    lastExecuted = outcome.height();
    stateDigestHex = outcome.stateDigest().toHex();
    List<Bytes> replicaShares = vaultShares.replicaShares(input.requests(), outcome.results());
    consensus.accept(new Input.Executed(execute.sequence(), outcome.stateDigest(),
        Requests.replies(execute.batch(), outcome.results(), replicaShares)));
    metrics.recordBlock(execute.batch().requests().size(), System.nanoTime() - started);
    LOG.debug("executed seq={} view={} requests={} digest={}", execute.sequence(), execute.view(),
        execute.batch().requests().size(), outcome.stateDigest());
  }

  /** The serialised CommitCertificate of the given envelopes. */
  static Bytes certificate(List<Bytes> commits) {
    CommitCertificate.Builder certificate = CommitCertificate.newBuilder();
    for (Bytes commit : commits) {
      try {
        certificate.addCommits(SignedEnvelope.parseFrom(commit.toByteArray()));
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException("a verified commit envelope does not parse", e);
      }
    }
    return Bytes.wrapOwned(certificate.build().toByteArray());
  }

  private void guarded(String what, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      fatal.stop("the ledger thread failed during " + what, e);
    }
  }
}
