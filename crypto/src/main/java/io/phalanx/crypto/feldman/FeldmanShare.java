package io.phalanx.crypto.feldman;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.InvalidEncodingException;
import io.phalanx.crypto.InvalidShareException;
import java.math.BigInteger;
import java.util.Objects;

/**
 * One Feldman share: its index i (1..255) and f(i) mod the group order, 32 bytes big-endian.
 * A share is secret: {@link #toString()} shows the index only.
 *
 * <p>Encoding ({@link #toBytes()}), for protobuf {@code bytes} fields: {@code index (1) ‖
 * value (32)}, exactly 33 bytes.
 *
 * @param index the x coordinate, 1..255
 * @param value f(index), 32 bytes, below the group order
 */
public record FeldmanShare(int index, Bytes value) {
  public static final int INDEX_MAX = 255;
  public static final int LENGTH_BYTES = 1 + FeldmanGroup.SCALAR_LENGTH_BYTES;

  /**
   * @throws InvalidShareException if the index is not 1..255
   * @throws InvalidEncodingException if the value is not 32 bytes below the group order
   */
  public FeldmanShare {
    Objects.requireNonNull(value, "value");
    if (index < 1 || index > INDEX_MAX) {
      throw new InvalidShareException(index, "a share index is 1.." + INDEX_MAX);
    }
    FeldmanGroup.decodeScalar(value.toByteArray());
  }

  static FeldmanShare of(int index, BigInteger value) {
    return new FeldmanShare(index, Bytes.wrapOwned(FeldmanGroup.encodeScalar(value)));
  }

  BigInteger scalar() {
    return new BigInteger(1, value.toByteArray());
  }

  /**
   * Decodes {@link #toBytes()}'s format strictly.
   *
   * @throws InvalidEncodingException unless exactly 33 bytes with an index 1..255 and a value
   *     below the group order
   */
  public static FeldmanShare fromBytes(Bytes encoded) {
    Objects.requireNonNull(encoded, "encoded");
    if (encoded.length() != LENGTH_BYTES) {
      throw new InvalidEncodingException(
          "a Feldman share is " + LENGTH_BYTES + " bytes, got " + encoded.length());
    }
    int index = encoded.byteAt(0) & 0xff;
    if (index == 0) {
      throw new InvalidEncodingException("a Feldman share index is 1.." + INDEX_MAX + ", got 0");
    }
    return new FeldmanShare(index, Bytes.of(encoded.toByteArray(), 1, LENGTH_BYTES - 1));
  }

  public Bytes toBytes() {
    return Bytes.of(new byte[] {(byte) index}).concat(value);
  }

  @Override
  public String toString() {
    return "FeldmanShare[index=" + index + ", value redacted]";
  }
}
