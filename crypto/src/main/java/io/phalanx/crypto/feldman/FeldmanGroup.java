package io.phalanx.crypto.feldman;

import io.phalanx.crypto.InvalidEncodingException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * The group Feldman commitments live in: NIST P-256 (secp256r1) through BouncyCastle's
 * hand-optimised {@code CustomNamedCurves} implementation.
 *
 * <p>Why P-256: its order is prime and its cofactor is 1, so every point that decodes onto the
 * curve (and is not the identity) lies in the prime-order group and no subgroup check is needed;
 * it is the FIPS-approved curve that consortium members' security reviews expect; its scalars are
 * 256-bit, like the vault's AES keys. secp256k1 would serve equally well.
 *
 * <p>Encodings: a scalar is 32 bytes big-endian and below the group order; a point is the 33-byte
 * SEC 1 compressed form (0x02/0x03 ‖ x), and the identity, which only a refresh's constant
 * commitment may be, is 33 zero bytes.
 */
final class FeldmanGroup {
  static final String CURVE_NAME = "secp256r1";
  static final int SCALAR_LENGTH_BYTES = 32;
  static final int POINT_LENGTH_BYTES = 33;

  private static final X9ECParameters PARAMETERS = CustomNamedCurves.getByName(CURVE_NAME);
  static final ECCurve CURVE = PARAMETERS.getCurve();
  static final ECPoint GENERATOR = PARAMETERS.getG();
  static final BigInteger ORDER = PARAMETERS.getN();
  private static final BigInteger FIELD_PRIME = CURVE.getField().getCharacteristic();
  private static final FixedPointCombMultiplier BASE_MULTIPLIER = new FixedPointCombMultiplier();

  private FeldmanGroup() {}

  /** k·G with BouncyCastle's regular (fixed-pattern) comb, since k is often secret. */
  static ECPoint multiplyGenerator(BigInteger k) {
    return BASE_MULTIPLIER.multiply(GENERATOR, k).normalize();
  }

  static byte[] encodePoint(ECPoint point) {
    return point.isInfinity() ? new byte[POINT_LENGTH_BYTES] : point.getEncoded(true);
  }

  /**
   * Decodes a 33-byte point at {@code offset}: compressed, x below the field prime, on the curve.
   *
   * @throws InvalidEncodingException otherwise
   */
  static ECPoint decodePoint(byte[] source, int offset) {
    byte[] encoded = Arrays.copyOfRange(source, offset, offset + POINT_LENGTH_BYTES);
    if (isAllZero(encoded)) {
      return CURVE.getInfinity();
    }
    if (encoded[0] != 0x02 && encoded[0] != 0x03) {
      throw new InvalidEncodingException(String.format(
          "a point is SEC 1 compressed (prefix 02 or 03), got prefix %02x", encoded[0]));
    }
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(encoded, 1, POINT_LENGTH_BYTES));
    if (x.compareTo(FIELD_PRIME) >= 0) {
      throw new InvalidEncodingException("a point's x coordinate is not below the field prime");
    }
    ECPoint point;
    try {
      point = CURVE.decodePoint(encoded);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new InvalidEncodingException("not a point on " + CURVE_NAME, e);
    }
    if (point.isInfinity() || !point.isValid()) {
      throw new InvalidEncodingException("not a point on " + CURVE_NAME);
    }
    return point.normalize();
  }

  /** @throws InvalidEncodingException unless 32 bytes encoding a value below the group order */
  static BigInteger decodeScalar(byte[] encoded) {
    if (encoded.length != SCALAR_LENGTH_BYTES) {
      throw new InvalidEncodingException(
          "a scalar is " + SCALAR_LENGTH_BYTES + " bytes, got " + encoded.length);
    }
    BigInteger value = new BigInteger(1, encoded);
    if (value.compareTo(ORDER) >= 0) {
      throw new InvalidEncodingException("a scalar is not below the group order");
    }
    return value;
  }

  static byte[] encodeScalar(BigInteger value) {
    return BigIntegers.asUnsignedByteArray(SCALAR_LENGTH_BYTES, value);
  }

  private static boolean isAllZero(byte[] bytes) {
    int accumulator = 0;
    for (byte b : bytes) {
      accumulator |= b;
    }
    return accumulator == 0;
  }
}
