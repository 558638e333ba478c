package io.phalanx.crypto.shamir;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.InvalidEncodingException;
import java.util.Arrays;
import java.util.Objects;

/**
 * One Shamir share: its index (the x coordinate, 1..255) and one byte of polynomial value per
 * secret byte. A share is secret: {@link #toString()} shows the index and length only.
 *
 * <p>Encoding ({@link #toBytes()}): {@code index (1) ‖ value}.
 *
 * @param index the x coordinate, 1..255
 * @param value f(index) for each byte of the secret; as long as the secret
 */
public record ShamirShare(int index, Bytes value) {
  public ShamirShare {
    Objects.requireNonNull(value, "value");
  }

  /** @throws InvalidEncodingException if shorter than 2 bytes or the index is 0 */
  public static ShamirShare fromBytes(Bytes encoded) {
    Objects.requireNonNull(encoded, "encoded");
    if (encoded.length() < 2) {
      throw new InvalidEncodingException(
          "a Shamir share is an index and at least one byte, got " + encoded.length() + " bytes");
    }
    int index = encoded.byteAt(0) & 0xff;
    if (index == 0) {
      throw new InvalidEncodingException("a Shamir share index is 1..255, got 0");
    }
    byte[] all = encoded.toByteArray();
    try {
      return new ShamirShare(index, Bytes.of(all, 1, all.length - 1));
    } finally {
      Arrays.fill(all, (byte) 0);
    }
  }

  public Bytes toBytes() {
    return Bytes.of(new byte[] {(byte) index}).concat(value);
  }

  @Override
  public String toString() {
    return "ShamirShare[index=" + index + ", " + value.length() + " bytes redacted]";
  }
}
