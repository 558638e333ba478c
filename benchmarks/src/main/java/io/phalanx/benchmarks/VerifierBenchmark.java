package io.phalanx.benchmarks;

import io.phalanx.crypto.Bytes;
import io.phalanx.pbft.codec.EnvelopeSigner;
import io.phalanx.pbft.core.PrePrepare;
import io.phalanx.pbft.verify.Verification;
import io.phalanx.pbft.verify.Verifier;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The verifier's cost for a full pre-prepare of 500 signed client requests (about 200 bytes
 * each), on one thread:
 *
 * <ul>
 *   <li>{@code cold}: a fresh verifier per invocation (made in an invocation-level set-up, empty
 *       cache): the primary's signature, the batch digest and 500 client signatures — what a
 *       backup pays for requests it has not seen.
 *   <li>{@code warmRequests}: a verifier that already verified the 500 requests (as when clients
 *       send them to every replica first), seeing a pre-prepare it has not seen: one replica
 *       signature, the digest, parsing and 500 cache hits. It cycles through 64 pre-prepares of
 *       the same batch (sequences 1..64) with a cache of 500 + 8 entries, so each is evicted long
 *       before it comes round again while the requests, touched every time, stay.
 *   <li>{@code repeat}: the same pre-prepare envelope again (a retransmission): one cache hit on
 *       the envelope's SHA-256.
 * </ul>
 *
 * Invocation tear-downs check, outside the measurement, that every result was an acceptance.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VerifierBenchmark {
  static final int REQUESTS = 500;
  static final int PRE_PREPARES = 64;

  /** Signed once per JVM, outside any measurement. */
  static final class Fixture {
    static final PrePrepareFixture PRE_PREPARE = new PrePrepareFixture(REQUESTS, 1);
    static final Bytes[] ENVELOPES = new Bytes[PRE_PREPARES];

    static {
      EnvelopeSigner primary = new EnvelopeSigner(0, PbftStepBenchmark.replicaKey(0));
      PrePrepare first = PRE_PREPARE.prePrepare;
      for (int i = 0; i < PRE_PREPARES; i++) {
        ENVELOPES[i] = primary.sign(new PrePrepare(0, 1 + i, first.batchDigest(),
            first.batchBytes(), first.batch(), 0)).envelope();
      }
    }

    private Fixture() {}
  }

  @State(Scope.Thread)
  public static class Cold {
    Verifier verifier;
    Verification result;

    @Setup(Level.Invocation)
    public void freshVerifier() {
      verifier = new Verifier(Fixture.PRE_PREPARE.membership, 4096);
    }

    @TearDown(Level.Invocation)
    public void checkLastAccepted() {
      VerifierBenchmark.checkAccepted(result);
    }
  }

  @State(Scope.Thread)
  public static class Warm {
    Verifier verifier;
    Verification result;
    int next;

    @Setup(Level.Trial)
    public void warmVerifier() {
      verifier = new Verifier(Fixture.PRE_PREPARE.membership, REQUESTS + 8);
      for (var request : Fixture.PRE_PREPARE.requests) {
        if (!(verifier.verify(request.envelope()) instanceof Verification.VerifiedRequest)) {
          throw new IllegalStateException("a client request was refused");
        }
      }
      VerifierBenchmark.checkAccepted(verifier.verify(Fixture.ENVELOPES[0]));
    }

    Bytes nextEnvelope() {
      next = (next + 1) % PRE_PREPARES;
      return Fixture.ENVELOPES[next];
    }

    @TearDown(Level.Iteration)
    public void checkLastAccepted() {
      VerifierBenchmark.checkAccepted(result);
    }
  }

  @Benchmark
  public Verification cold(Cold state) {
    return state.result = state.verifier.verify(Fixture.PRE_PREPARE.signed.envelope());
  }

  @Benchmark
  public Verification warmRequests(Warm state) {
    return state.result = state.verifier.verify(state.nextEnvelope());
  }

  @Benchmark
  public Verification repeat(Warm state) {
    return state.result = state.verifier.verify(Fixture.ENVELOPES[0]);
  }

  static void checkAccepted(Verification result) {
    if (!(result instanceof Verification.VerifiedMessage)) {
      throw new IllegalStateException("the pre-prepare was not accepted: " + result);
    }
  }
}
