package io.phalanx.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * An X25519 public key (RFC 7748): the 32-byte little-endian u-coordinate, immutable, compared in
 * constant time. Used to seal data to a replica or a client.
 *
 * <p>Decoding is strict: only canonical encodings (u below 2^255 − 19, top bit clear) are
 * accepted, and the five canonical points of small order are refused, because no honestly made
 * key is one of them and a shared secret with one of them is all zeros, known to everybody.
 */
public final class SealingPublicKey {
  public static final int LENGTH_BYTES = 32;

  /** The canonical u-coordinates of small order: 0, 1, two points of order 8, and p − 1. */
  private static final List<Bytes> SMALL_ORDER_POINTS = List.of(
      Bytes.fromHex("0000000000000000000000000000000000000000000000000000000000000000"),
      Bytes.fromHex("0100000000000000000000000000000000000000000000000000000000000000"),
      Bytes.fromHex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"),
      Bytes.fromHex("5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157"),
      Bytes.fromHex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"));

  private final byte[] encoded;

  private SealingPublicKey(byte[] encoded) {
    this.encoded = encoded;
  }

  /**
   * Decodes a public key.
   *
   * @throws InvalidEncodingException if it is not 32 bytes, not canonical, or of small order
   */
  public static SealingPublicKey of(byte[] encoded) {
    Objects.requireNonNull(encoded, "encoded");
    if (encoded.length != LENGTH_BYTES) {
      throw new InvalidEncodingException(
          "an X25519 public key is " + LENGTH_BYTES + " bytes, got " + encoded.length);
    }
    byte[] copy = encoded.clone();
    if (!isCanonical(copy)) {
      throw new InvalidEncodingException("not a canonical X25519 public key (u ≥ 2^255 − 19)");
    }
    if (SMALL_ORDER_POINTS.contains(Bytes.wrapOwned(copy))) {
      throw new InvalidEncodingException("an X25519 public key of small order");
    }
    return new SealingPublicKey(copy);
  }

  public static SealingPublicKey of(Bytes encoded) {
    return of(Objects.requireNonNull(encoded, "encoded").internalArray());
  }

  /** u < 2^255 − 19, read little-endian. Public data: the early exits leak nothing secret. */
  private static boolean isCanonical(byte[] u) {
    if ((u[31] & 0x80) != 0) {
      return false;
    }
    if (u[31] != 0x7f) {
      return true;
    }
    for (int i = 30; i >= 1; i--) {
      if (u[i] != (byte) 0xff) {
        return true;
      }
    }
    return (u[0] & 0xff) < 0xed;
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
    return other instanceof SealingPublicKey that && MessageDigest.isEqual(encoded, that.encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "SealingPublicKey[" + HexFormat.of().formatHex(encoded, 0, 8) + "]";
  }
}
