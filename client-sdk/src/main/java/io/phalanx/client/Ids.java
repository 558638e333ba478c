package io.phalanx.client;

import io.phalanx.protocol.Uint128;
import java.math.BigInteger;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * 128-bit identifiers for accounts and transfers. Ids are chosen by the client; zero and
 * 2^128 − 1 are reserved by the ledger. Creating the same id twice is idempotent when the fields
 * are equal, so a client that retries with the same id cannot create a duplicate.
 */
public final class Ids {
  private static final BigInteger MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

  private Ids() {}

  /** The id with the given high and low 64 bits (each read as unsigned). */
  public static Uint128 uint128(long high, long low) {
    return Uint128.newBuilder().setHigh(high).setLow(low).build();
  }

  /** The id {@code low} (high bits zero). */
  public static Uint128 uint128(long low) {
    return uint128(0, low);
  }

  /** A random id that is neither zero nor the maximum. */
  public static Uint128 random(RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    while (true) {
      Uint128 id = uint128(random.nextLong(), random.nextLong());
      if (!isZero(id) && !isMax(id)) {
        return id;
      }
    }
  }

  public static boolean isZero(Uint128 id) {
    return id.getHigh() == 0 && id.getLow() == 0;
  }

  public static boolean isMax(Uint128 id) {
    return id.getHigh() == -1 && id.getLow() == -1;
  }

  /**
   * Parses a decimal number ({@code 42}) or a hexadecimal one ({@code 0x2a}) in 0..2^128−1.
   *
   * @throws IllegalArgumentException naming the text when it is not such a number
   */
  public static Uint128 parse(String text) {
    Objects.requireNonNull(text, "text");
    String trimmed = text.strip().replace("_", "");
    BigInteger value;
    try {
      value = trimmed.startsWith("0x") || trimmed.startsWith("0X")
          ? new BigInteger(trimmed.substring(2), 16) : new BigInteger(trimmed, 10);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a 128-bit id: '" + text + "'");
    }
    if (value.signum() < 0 || value.compareTo(MAX) > 0) {
      throw new IllegalArgumentException("id out of range 0..2^128-1: '" + text + "'");
    }
    return uint128(value.shiftRight(64).longValue(), value.longValue());
  }

  /** The id in decimal, the form {@link #parse} reads back. */
  public static String toString(Uint128 id) {
    BigInteger high = new BigInteger(Long.toUnsignedString(id.getHigh()));
    BigInteger low = new BigInteger(Long.toUnsignedString(id.getLow()));
    return high.shiftLeft(64).or(low).toString();
  }
}
