package io.phalanx.ledger.state;

/**
 * Unsigned 64-bit arithmetic on amounts held in Java {@code long}s. Every sum of amounts in the
 * ledger goes through {@link #overflowsAdd} first, so no balance ever wraps.
 */
final class Amounts {
  private Amounts() {}

  /** True iff {@code a + b} does not fit in an unsigned 64-bit integer. */
  static boolean overflowsAdd(long a, long b) {
    return Long.compareUnsigned(a + b, a) < 0;
  }

  /** True iff {@code a + b + c} does not fit in an unsigned 64-bit integer. */
  static boolean overflowsAdd(long a, long b, long c) {
    return overflowsAdd(a, b) || overflowsAdd(a + b, c);
  }

  /** True iff unsigned {@code a > b}. */
  static boolean greater(long a, long b) {
    return Long.compareUnsigned(a, b) > 0;
  }

  /** Unsigned {@code a - b}; throws when it would go below zero (a broken invariant). */
  static long subtract(long a, long b) {
    if (Long.compareUnsigned(a, b) < 0) {
      throw new IllegalStateException("balance invariant broken: " + Long.toUnsignedString(a)
          + " - " + Long.toUnsignedString(b));
    }
    return a - b;
  }
}
