package io.phalanx.benchmarks;

import io.phalanx.crypto.Bytes;
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
 *   <li>{@code cold}: a fresh verifier (empty cache): the primary's signature, the batch digest
 *       and 500 client signatures — what a backup pays for requests it has not seen.
 *   <li>{@code warmRequests}: a verifier that already verified the 500 requests (as when
 *       clients send them to every replica first), seeing this pre-prepare for the first time:
 *       one replica signature, the digest, parsing and 500 cache look-ups.
 *   <li>{@code repeat}: the same pre-prepare envelope again (a retransmission): one cache hit on
 *       the envelope's SHA-256.
 * </ul>
 *
 * Each invocation's verifier is made (and, for {@code warmRequests}, filled) in an
 * invocation-level set-up, outside the measurement; a tear-down checks the result was accepted.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VerifierBenchmark {
  static final int REQUESTS = 500;
  static final int CACHE_ENTRIES = 4096;

  /** Signed once per JVM, outside any measurement. */
  static final class Fixture {
    static final PrePrepareFixture PRE_PREPARE = new PrePrepareFixture(REQUESTS, 1);

    private Fixture() {}
  }

  @State(Scope.Thread)
  public static class Cold {
    Verifier verifier;
    Bytes envelope;
    Verification result;

    @Setup(Level.Invocation)
    public void freshVerifier() {
      envelope = Fixture.PRE_PREPARE.signed.envelope();
      verifier = new Verifier(Fixture.PRE_PREPARE.membership, CACHE_ENTRIES);
      prepare();
    }

    void prepare() {}

    @TearDown(Level.Invocation)
    public void checkAccepted() {
      if (!(result instanceof Verification.VerifiedMessage)) {
        throw new IllegalStateException("the pre-prepare was not accepted: " + result);
      }
    }
  }

  @State(Scope.Thread)
  public static class WarmRequests extends Cold {
    @Override
    void prepare() {
      for (var request : Fixture.PRE_PREPARE.requests) {
        if (!(verifier.verify(request.envelope()) instanceof Verification.VerifiedRequest)) {
          throw new IllegalStateException("a client request was refused");
        }
      }
    }
  }

  @State(Scope.Thread)
  public static class Repeat extends Cold {
    @Override
    void prepare() {
      verifier.verify(envelope);
    }
  }

  @Benchmark
  public Verification cold(Cold state) {
    return state.result = state.verifier.verify(state.envelope);
  }

  @Benchmark
  public Verification warmRequests(WarmRequests state) {
    return state.result = state.verifier.verify(state.envelope);
  }

  @Benchmark
  public Verification repeat(Repeat state) {
    return state.result = state.verifier.verify(state.envelope);
  }
}
