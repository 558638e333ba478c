package io.phalanx.benchmarks;

import io.phalanx.crypto.Digest;
import io.phalanx.crypto.Ed25519Verifier;
import io.phalanx.crypto.Sha256;
import io.phalanx.crypto.Signature;
import io.phalanx.crypto.SigningKeyPair;
import java.security.SecureRandom;
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
 * The signature and digest costs that bound Phalanx's throughput: every replica verifies every
 * client request's Ed25519 signature once, and hashes every batch and message.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class CryptoBenchmark {
  @Param({"200"})
  public int messageBytes;

  private SigningKeyPair keyPair;
  private byte[] message;
  private Signature signature;

  @Setup
  public void setUp() {
    SecureRandom random = new SecureRandom();
    keyPair = SigningKeyPair.generate(random);
    message = new byte[messageBytes];
    random.nextBytes(message);
    signature = keyPair.sign(message);
  }

  @Benchmark
  public Signature ed25519Sign() {
    return keyPair.sign(message);
  }

  @Benchmark
  public boolean ed25519Verify() {
    return Ed25519Verifier.isValid(keyPair.publicKey(), message, signature);
  }

  @Benchmark
  public Digest sha256() {
    return Sha256.hash(message);
  }
}
