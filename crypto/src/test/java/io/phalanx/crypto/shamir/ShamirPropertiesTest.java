package io.phalanx.crypto.shamir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * jqwik properties: for random secrets, thresholds and share counts, a random selection of at
 * least {@code threshold} shares, in any order, gives the secret back. jqwik prints the seed
 * and a shrunk counterexample on failure.
 */
class ShamirPropertiesTest {
  private final SecureRandom random = new SecureRandom();

  @Property(tries = 300)
  void anyThresholdOrMoreSharesInAnyOrderReconstruct(
      @ForAll @Size(min = 1, max = 64) List<Byte> secretBytes,
      @ForAll @IntRange(min = 2, max = 255) int shares,
      @ForAll @IntRange(min = 2, max = 255) int thresholdWish,
      @ForAll @IntRange(min = 0, max = 255) int extra,
      @ForAll long shuffleSeed) {
    int threshold = Math.min(thresholdWish, shares);
    byte[] secret = new byte[secretBytes.size()];
    for (int i = 0; i < secret.length; i++) {
      secret[i] = secretBytes.get(i);
    }
    List<ShamirShare> all = new ArrayList<>(Shamir.split(secret, threshold, shares, random));
    Collections.shuffle(all, new Random(shuffleSeed));
    List<ShamirShare> chosen = all.subList(0, Math.min(shares, threshold + extra));
    assertArrayEquals(secret, Shamir.combine(chosen, threshold));
    assertArrayEquals(secret, Shamir.combine(chosen));
  }
}
