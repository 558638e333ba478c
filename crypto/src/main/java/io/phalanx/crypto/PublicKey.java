package io.phalanx.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 public key: 32 bytes, checked on construction to be a valid point, immutable,
 * compared in constant time. Holds the decoded point so that verification does not decode it
 * again for every signature.
 */
public final class PublicKey {
  public static final int LENGTH_BYTES = Ed25519.PUBLIC_KEY_SIZE;

  private final byte[] encoded;
  private final Ed25519.PublicPoint point;

  private PublicKey(byte[] encoded, Ed25519.PublicPoint point) {
    this.encoded = encoded;
    this.point = point;
  }

  /**
   * Decodes a public key.
   *
   * @throws InvalidEncodingException if it is not 32 bytes or not a valid curve point
   */
  public static PublicKey of(byte[] encoded) {
    Objects.requireNonNull(encoded, "encoded");
    if (encoded.length != LENGTH_BYTES) {
      throw new InvalidEncodingException(
          "an Ed25519 public key is " + LENGTH_BYTES + " bytes, got " + encoded.length);
    }
    byte[] copy = encoded.clone();
    Ed25519.PublicPoint point = Ed25519.validatePublicKeyPartialExport(copy, 0);
    if (point == null) {
      throw new InvalidEncodingException("not a valid Ed25519 public key");
    }
    return new PublicKey(copy, point);
  }

  public static PublicKey of(Bytes encoded) {
    return of(Objects.requireNonNull(encoded, "encoded").internalArray());
  }

  Ed25519.PublicPoint point() {
    return point;
  }

  byte[] internalArray() {
    return encoded;
  }

  public byte[] toByteArray() {
    return encoded.clone();
  }

  public Bytes toBytes() {
    return Bytes.of(encoded);
  }

  public String toHex() {
    return HexFormat.of().formatHex(encoded);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PublicKey that && MessageDigest.isEqual(encoded, that.encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "PublicKey[" + HexFormat.of().formatHex(encoded, 0, 8) + "]";
  }
}
