package io.phalanx.benchmarks;

import io.phalanx.crypto.SealingKeyPair;
import io.phalanx.crypto.seal.SealedBox;
import io.phalanx.crypto.seal.Sealer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sealing a 32-byte share to an X25519 key and opening it: X25519
 * agreement, HKDF-SHA256 and AES-256-GCM, once each way.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class SealingBenchmark {
  private SecureRandom random;
  private SealingKeyPair recipient;
  private byte[] share;
  private byte[] associatedData;
  private SealedBox box;

  @Setup
  public void setUp() {
    random = new SecureRandom();
    recipient = SealingKeyPair.generate(random);
    share = new byte[32];
    random.nextBytes(share);
    associatedData = "phalanx vault share: bench".getBytes(StandardCharsets.UTF_8);
    box = Sealer.seal(recipient.publicKey(), share, associatedData, random);
  }

  @Benchmark
  public SealedBox seal() {
    return Sealer.seal(recipient.publicKey(), share, associatedData, random);
  }

  @Benchmark
  public byte[] open() {
    return Sealer.open(recipient, box, associatedData);
  }
}
