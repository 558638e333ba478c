package io.phalanx.ledger.state;

/**
 * An unsigned 128-bit identifier chosen by a client (accounts, transfers). Ordered as an unsigned
 * number. Zero and {@link #MAX} are never valid ids.
 */
public record Uint128(long high, long low) implements Comparable<Uint128> {
  public static final Uint128 ZERO = new Uint128(0, 0);
  public static final Uint128 MAX = new Uint128(-1L, -1L);

  public static Uint128 of(long low) {
    return new Uint128(0, low);
  }

  public boolean isZero() {
    return high == 0 && low == 0;
  }

  public boolean isMax() {
    return high == -1L && low == -1L;
  }

  @Override
  public int compareTo(Uint128 other) {
    int byHigh = Long.compareUnsigned(high, other.high);
    return byHigh != 0 ? byHigh : Long.compareUnsigned(low, other.low);
  }

  @Override
  public String toString() {
    return high == 0 ? Long.toUnsignedString(low)
        : String.format("%016x%016x", high, low);
  }
}
