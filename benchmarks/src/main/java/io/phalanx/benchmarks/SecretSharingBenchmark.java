package io.phalanx.benchmarks;

import io.phalanx.crypto.feldman.Dealing;
import io.phalanx.crypto.feldman.FeldmanSecret;
import io.phalanx.crypto.feldman.FeldmanShare;
import io.phalanx.crypto.feldman.FeldmanVss;
import io.phalanx.crypto.shamir.Shamir;
import io.phalanx.crypto.shamir.ShamirShare;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The vault's secret-sharing costs: plain Shamir over GF(2^8) on a 32-byte secret, and Feldman
 * VSS over P-256 (deal, verify one share, combine a threshold of shares). {@code shape} is
 * {@code n:t}: shares dealt and the threshold.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class SecretSharingBenchmark {
  @Param({"4:2", "7:3"})
  public String shape;

  private int n;
  private int t;
  private SecureRandom random;
  private byte[] secret;
  private List<ShamirShare> shamirQuorum;
  private FeldmanSecret feldmanSecret;
  private Dealing dealing;
  private FeldmanShare oneShare;
  private List<FeldmanShare> feldmanQuorum;

  @Setup
  public void setUp() {
    String[] parts = shape.split(":");
    n = Integer.parseInt(parts[0]);
    t = Integer.parseInt(parts[1]);
    random = new SecureRandom();
    secret = new byte[32];
    random.nextBytes(secret);
    shamirQuorum = List.copyOf(Shamir.split(secret, t, n, random).subList(n - t, n));
    feldmanSecret = FeldmanSecret.generate(random);
    dealing = FeldmanVss.deal(feldmanSecret, t, n, random);
    oneShare = dealing.shares().get(n - 1);
    feldmanQuorum = List.copyOf(dealing.shares().subList(0, t));
  }

  @Benchmark
  public List<ShamirShare> shamirSplit() {
    return Shamir.split(secret, t, n, random);
  }

  /** Combines exactly t shares (the minimum a holder must gather). */
  @Benchmark
  public byte[] shamirCombine() {
    return Shamir.combine(shamirQuorum, t);
  }

  @Benchmark
  public Dealing feldmanDeal() {
    return FeldmanVss.deal(feldmanSecret, t, n, random);
  }

  @Benchmark
  public boolean feldmanVerifyOneShare() {
    return FeldmanVss.isValid(oneShare, dealing.commitments());
  }

  /** Combines t shares; combine verifies each share against the commitments first. */
  @Benchmark
  public FeldmanSecret feldmanCombine() {
    return FeldmanVss.combine(feldmanQuorum, dealing.commitments());
  }
}
