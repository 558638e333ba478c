package io.phalanx.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** A SHA-256 digest: exactly 32 bytes, immutable, compared in constant time. */
public final class Digest implements Comparable<Digest> {
  public static final int LENGTH_BYTES = 32;
  private static final Digest ZERO = new Digest(new byte[LENGTH_BYTES]);

  private final byte[] bytes;

  private Digest(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A digest from its 32 bytes (copied). */
  public static Digest of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != LENGTH_BYTES) {
      throw new InvalidEncodingException("a digest is " + LENGTH_BYTES + " bytes, got " + bytes.length);
    }
    return new Digest(bytes.clone());
  }

  public static Digest of(Bytes bytes) {
    return of(Objects.requireNonNull(bytes, "bytes").internalArray());
  }

  static Digest wrapOwned(byte[] bytes) {
    return new Digest(bytes);
  }

  /** The all-zero digest, used as the previous hash of the first block. */
  public static Digest zero() {
    return ZERO;
  }

  public static Digest fromHex(String hex) {
    return of(HexFormat.of().parseHex(hex));
  }

  public byte[] toByteArray() {
    return bytes.clone();
  }

  public Bytes toBytes() {
    return Bytes.of(bytes);
  }

  /** Feeds the digest's bytes to {@code digest} without copying. */
  public void updateDigest(MessageDigest digest) {
    digest.update(bytes);
  }

  public String toHex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Digest that && MessageDigest.isEqual(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
  }

  @Override
  public int compareTo(Digest other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  /** The first 8 bytes in hex: enough to tell digests apart in a log line. */
  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes, 0, 8);
  }
}
