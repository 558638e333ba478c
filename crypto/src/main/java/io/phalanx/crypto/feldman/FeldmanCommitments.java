package io.phalanx.crypto.feldman;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.InvalidEncodingException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Feldman commitments C_j = a_j·G to the coefficients of a sharing polynomial
 * f(x) = a_0 + a_1·x + … + a_{t−1}·x^{t−1}; public. Share i is correct iff
 * f(i)·G = Σ_j i^j·C_j. C_0 = s·G commits to the secret without revealing it.
 *
 * <p>Encoding ({@link #toBytes()}): {@code t (1) ‖ C_0 ‖ … ‖ C_{t−1}}, each point 33 bytes (see
 * {@link FeldmanGroup}). Decoding is strict: 2 ≤ t ≤ 255, exact length, every point compressed
 * and on the curve; only C_0 may be the identity, and only a refresh (a sharing of zero) has it.
 * C_j for j ≥ 1 must not be the identity, so the polynomial has exactly the declared degree.
 *
 * <p>Immutable and thread-safe.
 */
public final class FeldmanCommitments {
  public static final int THRESHOLD_MAX = 255;

  private final List<ECPoint> points;
  private final Bytes encoded;

  private FeldmanCommitments(List<ECPoint> points) {
    this.points = List.copyOf(points);
    byte[] out = new byte[1 + points.size() * FeldmanGroup.POINT_LENGTH_BYTES];
    out[0] = (byte) points.size();
    for (int j = 0; j < points.size(); j++) {
      byte[] point = FeldmanGroup.encodePoint(points.get(j));
      System.arraycopy(point, 0, out, 1 + j * FeldmanGroup.POINT_LENGTH_BYTES, point.length);
    }
    this.encoded = Bytes.wrapOwned(out);
  }

  static FeldmanCommitments of(List<ECPoint> points) {
    if (points.size() < 2 || points.size() > THRESHOLD_MAX) {
      throw new IllegalArgumentException("2.." + THRESHOLD_MAX + " commitments, got " + points.size());
    }
    List<ECPoint> normalized = new ArrayList<>(points.size());
    for (ECPoint point : points) {
      normalized.add(point.normalize());
    }
    return new FeldmanCommitments(normalized);
  }

  /**
   * Decodes {@link #toBytes()}'s format strictly.
   *
   * @throws InvalidEncodingException on a wrong length or threshold, a point that is not
   *     compressed or not on the curve, or the identity after C_0
   */
  public static FeldmanCommitments fromBytes(Bytes bytes) {
    byte[] encoded = Objects.requireNonNull(bytes, "bytes").toByteArray();
    if (encoded.length == 0) {
      throw new InvalidEncodingException("empty Feldman commitments");
    }
    int threshold = encoded[0] & 0xff;
    if (threshold < 2) {
      throw new InvalidEncodingException("a Feldman threshold is 2.." + THRESHOLD_MAX
          + ", got " + threshold);
    }
    int expected = 1 + threshold * FeldmanGroup.POINT_LENGTH_BYTES;
    if (encoded.length != expected) {
      throw new InvalidEncodingException("Feldman commitments for threshold " + threshold
          + " are " + expected + " bytes, got " + encoded.length);
    }
    List<ECPoint> points = new ArrayList<>(threshold);
    for (int j = 0; j < threshold; j++) {
      ECPoint point;
      try {
        point = FeldmanGroup.decodePoint(encoded, 1 + j * FeldmanGroup.POINT_LENGTH_BYTES);
      } catch (InvalidEncodingException e) {
        throw new InvalidEncodingException("commitment " + j + ": " + e.getMessage(), e);
      }
      if (j > 0 && point.isInfinity()) {
        throw new InvalidEncodingException("commitment " + j + " is the identity: the "
            + "polynomial would have a lower degree than its threshold says");
      }
      points.add(point);
    }
    return new FeldmanCommitments(points);
  }

  public Bytes toBytes() {
    return encoded;
  }

  /** t: how many shares reconstruct the secret; the polynomial's degree is t − 1. */
  public int threshold() {
    return points.size();
  }

  /** True for the commitments of a refresh: the shared constant is zero (C_0 is the identity). */
  public boolean isZeroSharing() {
    return points.get(0).isInfinity();
  }

  /** C_0 = s·G, the public image of the secret. */
  ECPoint constantTerm() {
    return points.get(0);
  }

  /** Σ_j index^j·C_j: what f(index)·G must equal. */
  ECPoint expectedSharePoint(int index) {
    BigInteger x = BigInteger.valueOf(index);
    BigInteger[] powers = new BigInteger[points.size()];
    BigInteger power = BigInteger.ONE;
    for (int j = 0; j < powers.length; j++) {
      powers[j] = power;
      power = power.multiply(x).mod(FeldmanGroup.ORDER);
    }
    return ECAlgorithms.sumOfMultiplies(points.toArray(new ECPoint[0]), powers).normalize();
  }

  /** The pointwise sum with a refresh's commitments: commitments to f + g. */
  FeldmanCommitments plus(FeldmanCommitments delta) {
    List<ECPoint> sum = new ArrayList<>(points.size());
    for (int j = 0; j < points.size(); j++) {
      sum.add(points.get(j).add(delta.points.get(j)).normalize());
    }
    return new FeldmanCommitments(sum);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FeldmanCommitments that && encoded.equals(that.encoded);
  }

  @Override
  public int hashCode() {
    return encoded.hashCode();
  }

  @Override
  public String toString() {
    return "FeldmanCommitments[threshold=" + threshold() + ", C0="
        + encoded.toHex().substring(2, 2 + 16) + "…]";
  }
}
