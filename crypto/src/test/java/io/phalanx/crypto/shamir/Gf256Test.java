package io.phalanx.crypto.shamir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * GF(2^8) with the AES polynomial 0x11B against a naive, branching reference (FIPS 197 section
 * 4.2's xtime definition), with FIPS 197's worked examples {57}·{83} = {c1} and {57}·{13} = {fe}.
 */
class Gf256Test {
  /** FIPS 197 section 4.2: repeated xtime, with branches; obviously correct, not constant-time. */
  static int naiveMultiply(int a, int b) {
    int product = 0;
    while (b != 0) {
      if ((b & 1) != 0) {
        product ^= a;
      }
      a <<= 1;
      if ((a & 0x100) != 0) {
        a ^= 0x11b;
      }
      b >>= 1;
    }
    return product;
  }

  @Property
  void multiplyMatchesTheNaiveReference(@ForAll @IntRange(min = 0, max = 255) int a,
      @ForAll @IntRange(min = 0, max = 255) int b) {
    assertEquals(naiveMultiply(a, b), Gf256.multiply(a, b));
  }

  @Property
  void inverseUndoesMultiplication(@ForAll @IntRange(min = 1, max = 255) int a,
      @ForAll @IntRange(min = 0, max = 255) int b) {
    assertEquals(1, naiveMultiply(a, Gf256.inverse(a)));
    assertEquals(b, Gf256.divide(naiveMultiply(a, b), a));
  }

  @Test
  void multiplyMatchesTheReferenceOnAllPairs() {
    for (int a = 0; a < 256; a++) {
      for (int b = 0; b < 256; b++) {
        assertEquals(naiveMultiply(a, b), Gf256.multiply(a, b), a + "·" + b);
      }
    }
  }

  @Test
  void everyNonZeroElementHasItsInverseAndZeroMapsToZero() {
    assertEquals(0, Gf256.inverse(0));
    for (int a = 1; a < 256; a++) {
      int inverse = Gf256.inverse(a);
      assertEquals(1, naiveMultiply(a, inverse), "inverse of " + a);
    }
  }

  @Test
  void fips197Examples() {
    assertEquals(0xc1, Gf256.multiply(0x57, 0x83));
    assertEquals(0xfe, Gf256.multiply(0x57, 0x13));
    assertEquals(0x53, Gf256.inverse(0xca)); // the AES S-box derivation's classic pair
  }
}
