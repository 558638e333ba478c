package io.phalanx.crypto.shamir;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.InsufficientSharesException;
import io.phalanx.crypto.InvalidShareException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Shamir secret sharing over GF(2^8) (AES polynomial 0x11B), byte by byte: each byte of the
 * secret is the constant term of its own random polynomial of degree {@code threshold − 1}, and
 * share i holds the polynomials' values at x = i. Any {@code threshold} shares give the secret;
 * fewer give no information about it.
 *
 * <p>Constant-time in the secret: the field arithmetic ({@link Gf256}) has no secret-indexed
 * tables or branches; loops depend only on public sizes and indices.
 *
 * <p><b>Plain Shamir cannot detect a wrong share.</b> A corrupted or lying share makes
 * {@link #combine} return a wrong secret without any error. Where shares come from parties that
 * may lie (replicas), use {@link io.phalanx.crypto.feldman.FeldmanVss}, which checks each share
 * against published commitments and names the bad one; or authenticate the combined secret (the
 * vault's AES-GCM tag does).
 *
 * <p>Stateless and thread-safe.
 */
public final class Shamir {
  public static final int SHARES_MAX = 255;

  private Shamir() {}

  /**
   * Splits {@code secret} into {@code shares} shares, any {@code threshold} of which recover it.
   *
   * @throws IllegalArgumentException unless 2 ≤ threshold ≤ shares ≤ 255 and the secret is not
   *     empty
   */
  public static List<ShamirShare> split(byte[] secret, int threshold, int shares,
      SecureRandom random) {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(random, "random");
    if (secret.length == 0) {
      throw new IllegalArgumentException("cannot share an empty secret");
    }
    if (threshold < 2 || threshold > shares || shares > SHARES_MAX) {
      throw new IllegalArgumentException("need 2 ≤ threshold ≤ shares ≤ " + SHARES_MAX
          + ", got threshold " + threshold + " and " + shares + " shares");
    }
    byte[] coefficients = new byte[threshold - 1];
    byte[][] values = new byte[shares][secret.length];
    try {
      for (int position = 0; position < secret.length; position++) {
        random.nextBytes(coefficients);
        for (int share = 0; share < shares; share++) {
          values[share][position] = (byte) evaluate(secret[position], coefficients, share + 1);
        }
      }
      List<ShamirShare> result = new ArrayList<>(shares);
      for (int share = 0; share < shares; share++) {
        result.add(new ShamirShare(share + 1, Bytes.of(values[share])));
      }
      return List.copyOf(result);
    } finally {
      Arrays.fill(coefficients, (byte) 0);
      for (byte[] value : values) {
        Arrays.fill(value, (byte) 0);
      }
    }
  }

  /** Horner's rule: constant + c1·x + c2·x² + … at {@code x}. */
  private static int evaluate(byte constant, byte[] coefficients, int x) {
    int result = 0;
    for (int i = coefficients.length - 1; i >= 0; i--) {
      result = Gf256.add(Gf256.multiply(result, x), coefficients[i] & 0xff);
    }
    return Gf256.add(Gf256.multiply(result, x), constant & 0xff);
  }

  /**
   * Recovers the secret from at least {@code threshold} shares; uses the first {@code threshold}.
   *
   * @throws InsufficientSharesException if fewer than {@code threshold} shares are given
   * @throws InvalidShareException on index 0, an index given twice, or values of unequal lengths
   */
  public static byte[] combine(List<ShamirShare> shares, int threshold) {
    Objects.requireNonNull(shares, "shares");
    if (threshold < 2 || threshold > SHARES_MAX) {
      throw new IllegalArgumentException("a threshold is 2.." + SHARES_MAX + ", got " + threshold);
    }
    if (shares.size() < threshold) {
      throw new InsufficientSharesException(threshold, shares.size());
    }
    check(shares);
    return interpolateAtZero(shares.subList(0, threshold));
  }

  /**
   * Recovers the secret by interpolating through every share given. The caller must pass at least
   * the threshold: fewer shares give a wrong value that nothing can detect, so prefer
   * {@link #combine(List, int)} when the threshold is known.
   *
   * @throws InsufficientSharesException if fewer than 2 shares are given
   * @throws InvalidShareException on index 0, an index given twice, or values of unequal lengths
   */
  public static byte[] combine(List<ShamirShare> shares) {
    Objects.requireNonNull(shares, "shares");
    if (shares.size() < 2) {
      throw new InsufficientSharesException(2, shares.size());
    }
    check(shares);
    return interpolateAtZero(shares);
  }

  private static void check(List<ShamirShare> shares) {
    boolean[] seen = new boolean[SHARES_MAX + 1];
    int length = shares.get(0).value().length();
    for (ShamirShare share : shares) {
      Objects.requireNonNull(share, "share");
      int index = share.index();
      if (index < 1 || index > SHARES_MAX) {
        throw new InvalidShareException(index, "a share index is 1.." + SHARES_MAX);
      }
      if (seen[index]) {
        throw new InvalidShareException(index, "the index appears twice");
      }
      seen[index] = true;
      if (share.value().length() != length || length == 0) {
        throw new InvalidShareException(index, "value is " + share.value().length()
            + " bytes, the first share's is " + length);
      }
    }
  }

  /** Lagrange interpolation at x = 0: Σ y_i · Π_{j≠i} x_j / (x_j − x_i), in GF(2^8). */
  private static byte[] interpolateAtZero(List<ShamirShare> shares) {
    int length = shares.get(0).value().length();
    byte[] secret = new byte[length];
    byte[] value = new byte[length];
    try {
      for (int i = 0; i < shares.size(); i++) {
        int basis = lagrangeBasisAtZero(shares, i);
        shares.get(i).value().copyTo(value, 0);
        for (int position = 0; position < length; position++) {
          secret[position] ^= (byte) Gf256.multiply(value[position] & 0xff, basis);
        }
      }
      return secret;
    } finally {
      Arrays.fill(value, (byte) 0);
    }
  }

  private static int lagrangeBasisAtZero(List<ShamirShare> shares, int i) {
    int xi = shares.get(i).index();
    int numerator = 1;
    int denominator = 1;
    for (int j = 0; j < shares.size(); j++) {
      if (j != i) {
        int xj = shares.get(j).index();
        numerator = Gf256.multiply(numerator, xj);
        denominator = Gf256.multiply(denominator, Gf256.add(xj, xi));
      }
    }
    return Gf256.divide(numerator, denominator);
  }
}
