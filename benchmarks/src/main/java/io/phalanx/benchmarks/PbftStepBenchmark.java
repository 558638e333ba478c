package io.phalanx.benchmarks;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.crypto.PrivateKey;
import io.phalanx.crypto.Sha256;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.pbft.codec.EnvelopeSigner;
import io.phalanx.pbft.codec.PayloadCodec;
import io.phalanx.pbft.codec.RequestSigner;
import io.phalanx.pbft.core.Batch;
import io.phalanx.pbft.core.Checkpoint;
import io.phalanx.pbft.core.Commit;
import io.phalanx.pbft.core.Effect;
import io.phalanx.pbft.core.Ignored;
import io.phalanx.pbft.core.Input;
import io.phalanx.pbft.core.Message;
import io.phalanx.pbft.core.MessageSigner;
import io.phalanx.pbft.core.Output;
import io.phalanx.pbft.core.PrePrepare;
import io.phalanx.pbft.core.Prepare;
import io.phalanx.pbft.core.Replica;
import io.phalanx.pbft.core.ReplicaConfig;
import io.phalanx.pbft.core.Reply;
import io.phalanx.pbft.core.Request;
import io.phalanx.pbft.core.SignedMessage;
import io.phalanx.pbft.core.SignedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link Replica#step} per message kind, on backup 1 of n = 4 in view 0. Every peer message is
 * signed once per JVM (outside any measurement); each invocation gets a fresh replica driven, in
 * the invocation set-up, to just before the phase measured, then feeds that phase's messages for
 * sequences 1..8 (one checkpoint interval, inside the water marks), so no state grows across
 * invocations. Scores are per message ({@link OperationsPerInvocation}).
 *
 * <ul>
 *   <li>{@code prePrepare}: a valid pre-prepare of a 100-request batch from the primary (the
 *       backup checks it, logs it and its own prepare, signs that prepare).
 *   <li>{@code prepare}: the prepares of replicas 2 and 3 (the first completes the prepared
 *       certificate with the backup's own, so the backup logs and signs its commit).
 *   <li>{@code commit}: the commits of replicas 0, 2 and 3 (the second commits locally and emits
 *       Execute).
 *   <li>{@code checkpoint}: the checkpoints of replicas 0, 2 and 3 at sequence 8 (the second makes
 *       it stable and truncates the log).
 * </ul>
 *
 * <p>{@code signer=ed25519} signs the backup's own votes for real (≈ one Ed25519 sign per
 * prepare/commit/checkpoint produced); {@code signer=memoized} answers from a cache filled on the
 * first invocation, leaving the core's own cost. Persistence is acknowledged in set-up only; the
 * executor's {@code Executed} answers carry no replies (no reply signing in set-up).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PbftStepBenchmark {
  static final int N = 4;
  static final int SELF = 1;
  static final int SEQUENCES = 8;
  static final int REQUESTS_PER_BATCH = 100;
  static final long NOW = 1_000_000;

  /** The peers' signed messages for sequences 1..8, made once per JVM. */
  static final class Script {
    static final SignedMessage[] PRE_PREPARES = new SignedMessage[SEQUENCES + 1];
    static final SignedMessage[][] PREPARES = new SignedMessage[SEQUENCES + 1][];
    static final SignedMessage[][] COMMITS = new SignedMessage[SEQUENCES + 1][];
    static final SignedMessage[] CHECKPOINTS;
    static final Digest[] STATE_DIGESTS = new Digest[SEQUENCES + 1];

    static {
      EnvelopeSigner[] signers = new EnvelopeSigner[N];
      for (int i = 0; i < N; i++) {
        signers[i] = new EnvelopeSigner(i, replicaKey(i));
      }
      for (int s = 1; s <= SEQUENCES; s++) {
        List<SignedRequest> requests = new ArrayList<>(REQUESTS_PER_BATCH);
        for (int r = 0; r < REQUESTS_PER_BATCH; r++) {
          long client = 1000 + r;
          requests.add(RequestSigner.sign(new Request(client, s, false,
              Bytes.wrapOwned(new byte[100])), clientKey(client)));
        }
        Batch batch = new Batch(requests, NOW + s, false);
        Bytes bytes = PayloadCodec.encodeBatch(batch);
        Digest digest = Sha256.hash(bytes);
        PRE_PREPARES[s] = signers[0].sign(new PrePrepare(0, s, digest, bytes, batch, 0));
        PREPARES[s] = new SignedMessage[] {signers[2].sign(new Prepare(0, s, digest, 2)),
            signers[3].sign(new Prepare(0, s, digest, 3))};
        COMMITS[s] = new SignedMessage[] {signers[0].sign(new Commit(0, s, digest, 0)),
            signers[2].sign(new Commit(0, s, digest, 2)),
            signers[3].sign(new Commit(0, s, digest, 3))};
        STATE_DIGESTS[s] = Sha256.hash(("state " + s).getBytes(StandardCharsets.UTF_8));
      }
      CHECKPOINTS = new SignedMessage[] {
          signers[0].sign(new Checkpoint(SEQUENCES, STATE_DIGESTS[SEQUENCES], 0)),
          signers[2].sign(new Checkpoint(SEQUENCES, STATE_DIGESTS[SEQUENCES], 2)),
          signers[3].sign(new Checkpoint(SEQUENCES, STATE_DIGESTS[SEQUENCES], 3))};
    }

    private Script() {}
  }

  /** A fresh backup per invocation, driven to the phase its subclass needs. */
  @State(Scope.Thread)
  public abstract static class Backup {
    @Param({"ed25519", "memoized"})
    public String signer;

    Replica replica;
    private MessageSigner messageSigner;
    private long lastRecordId;

    @Setup(Level.Trial)
    public void signer() {
      EnvelopeSigner real = new EnvelopeSigner(SELF, replicaKey(SELF));
      messageSigner = signer.equals("memoized") ? new Memoized(real) : real;
      Script.PRE_PREPARES[1].getClass(); // signs the script now, not in a measured window
    }

    @Setup(Level.Invocation)
    public void freshReplica() {
      replica = new Replica(ReplicaConfig.defaults(N, SELF), messageSigner);
      lastRecordId = 0;
      feed(new Input.Tick(NOW));
      driveToPhase();
      feed(new Input.Persisted(lastRecordId));
    }

    abstract void driveToPhase();

    /**
     * Outside the measurement: every message fed was accepted, none dropped (but the third
     * checkpoint, which arrives when the checkpoint is already stable).
     */
    @TearDown(Level.Invocation)
    public void checkNothingIgnored() {
      for (Map.Entry<Ignored, Long> ignored : replica.ignoredCounts().entrySet()) {
        if (ignored.getValue() > 0 && ignored.getKey() != Ignored.STALE_CHECKPOINT) {
          throw new IllegalStateException(getClass().getSimpleName() + " ignored "
              + replica.ignoredCounts() + "; executed " + replica.lastExecuted() + ", stable "
              + replica.stableSequence());
        }
      }
    }

    void feed(Input input) {
      Output output = replica.step(input);
      for (Effect effect : output.effects()) {
        if (effect instanceof Effect.Persist persist) {
          lastRecordId = Math.max(lastRecordId, persist.recordId());
        }
      }
    }

    void message(SignedMessage message) {
      feed(new Input.ReceiveMessage(message));
    }

    void prePrepares() {
      for (int s = 1; s <= SEQUENCES; s++) {
        message(Script.PRE_PREPARES[s]);
      }
      feed(new Input.Persisted(lastRecordId));
    }

    void prepares() {
      for (int s = 1; s <= SEQUENCES; s++) {
        for (SignedMessage prepare : Script.PREPARES[s]) {
          message(prepare);
        }
      }
      feed(new Input.Persisted(lastRecordId));
    }

    void commitsAndExecution() {
      for (int s = 1; s <= SEQUENCES; s++) {
        for (SignedMessage commit : Script.COMMITS[s]) {
          message(commit);
        }
      }
      for (int s = 1; s <= SEQUENCES; s++) {
        feed(new Input.Executed(s, Script.STATE_DIGESTS[s], List.of()));
      }
      feed(new Input.Persisted(lastRecordId));
    }
  }

  public static class AwaitingPrePrepares extends Backup {
    @Override
    void driveToPhase() {}
  }

  public static class AwaitingPrepares extends Backup {
    @Override
    void driveToPhase() {
      prePrepares();
    }
  }

  public static class AwaitingCommits extends Backup {
    @Override
    void driveToPhase() {
      prePrepares();
      prepares();
    }
  }

  public static class AwaitingCheckpoints extends Backup {
    @Override
    void driveToPhase() {
      prePrepares();
      prepares();
      commitsAndExecution();
      if (replica.lastExecuted() != SEQUENCES) {
        throw new IllegalStateException("executed only up to " + replica.lastExecuted());
      }
    }

    /** Outside the measurement: the checkpoints made sequence 8 stable. */
    @TearDown(Level.Invocation)
    public void checkStable() {
      if (replica.stableSequence() != SEQUENCES) {
        throw new IllegalStateException("stable at " + replica.stableSequence());
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(SEQUENCES)
  public void prePrepare(AwaitingPrePrepares backup, Blackhole blackhole) {
    for (int s = 1; s <= SEQUENCES; s++) {
      blackhole.consume(backup.replica.step(new Input.ReceiveMessage(Script.PRE_PREPARES[s])));
    }
  }

  @Benchmark
  @OperationsPerInvocation(SEQUENCES * 2)
  public void prepare(AwaitingPrepares backup, Blackhole blackhole) {
    for (int s = 1; s <= SEQUENCES; s++) {
      for (SignedMessage prepare : Script.PREPARES[s]) {
        blackhole.consume(backup.replica.step(new Input.ReceiveMessage(prepare)));
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(SEQUENCES * 3)
  public void commit(AwaitingCommits backup, Blackhole blackhole) {
    for (int s = 1; s <= SEQUENCES; s++) {
      for (SignedMessage commit : Script.COMMITS[s]) {
        blackhole.consume(backup.replica.step(new Input.ReceiveMessage(commit)));
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(3)
  public void checkpoint(AwaitingCheckpoints backup, Blackhole blackhole) {
    for (SignedMessage checkpoint : Script.CHECKPOINTS) {
      blackhole.consume(backup.replica.step(new Input.ReceiveMessage(checkpoint)));
    }
  }

  /** Ed25519 is deterministic: a cached envelope is byte-identical to a fresh one. */
  static final class Memoized implements MessageSigner {
    private final MessageSigner delegate;
    private final Map<Message, SignedMessage> messages = new HashMap<>();
    private final Map<Reply, Bytes> replies = new HashMap<>();

    Memoized(MessageSigner delegate) {
      this.delegate = delegate;
    }

    @Override
    public Bytes encodeBatch(Batch batch) {
      return delegate.encodeBatch(batch);
    }

    @Override
    public SignedMessage sign(Message message) {
      return messages.computeIfAbsent(message, delegate::sign);
    }

    @Override
    public Bytes signReply(Reply reply) {
      return replies.computeIfAbsent(reply, delegate::signReply);
    }
  }

  static SigningKeyPair replicaKey(int index) {
    return derive("phalanx-bench-replica-" + index);
  }

  static SigningKeyPair clientKey(long client) {
    return derive("phalanx-bench-client-" + client);
  }

  static SigningKeyPair derive(String label) {
    return SigningKeyPair.of(PrivateKey.of(
        Sha256.hash(label.getBytes(StandardCharsets.UTF_8)).toByteArray()));
  }
}
