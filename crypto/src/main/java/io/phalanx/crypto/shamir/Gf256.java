package io.phalanx.crypto.shamir;

/**
 * Arithmetic in GF(2^8) modulo the AES polynomial x^8 + x^4 + x^3 + x + 1 (0x11B), in constant
 * time: no branch and no table index depends on an operand. Multiplication is shift-and-add with
 * masks; the inverse is a^254 by a fixed square-and-multiply chain (so 0 maps to 0).
 *
 * <p>Values are ints holding a byte, 0..255.
 */
final class Gf256 {
  private Gf256() {}

  static int add(int a, int b) {
    return a ^ b;
  }

  static int multiply(int a, int b) {
    int product = 0;
    for (int bit = 0; bit < 8; bit++) {
      product ^= -((b >>> bit) & 1) & a;        // add a when this bit of b is set
      int overflow = -((a >>> 7) & 1);          // all ones when a's top bit is set
      a = ((a << 1) ^ (overflow & 0x1b)) & 0xff; // a·x, reduced by 0x11B
    }
    return product;
  }

  /** The multiplicative inverse, a^254 = a^-1 for a ≠ 0; 0 for 0. */
  static int inverse(int a) {
    int a2 = multiply(a, a);
    int a3 = multiply(a2, a);
    int a6 = multiply(a3, a3);
    int a12 = multiply(a6, a6);
    int a15 = multiply(a12, a3);
    int a30 = multiply(a15, a15);
    int a60 = multiply(a30, a30);
    int a120 = multiply(a60, a60);
    int a127 = multiply(multiply(a120, a6), a); // 120 + 6 + 1
    return multiply(a127, a127);                // 254
  }

  static int divide(int a, int b) {
    return multiply(a, inverse(b));
  }
}
