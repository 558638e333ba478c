package io.phalanx.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** An Ed25519 signature: exactly 64 bytes, immutable, compared in constant time. */
public final class Signature {
  public static final int LENGTH_BYTES = Ed25519.SIGNATURE_SIZE;

  private final byte[] bytes;

  private Signature(byte[] bytes) {
    this.bytes = bytes;
  }

  /** @throws InvalidEncodingException if it is not 64 bytes */
  public static Signature of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != LENGTH_BYTES) {
      throw new InvalidEncodingException(
          "an Ed25519 signature is " + LENGTH_BYTES + " bytes, got " + bytes.length);
    }
    return new Signature(bytes.clone());
  }

  public static Signature of(Bytes bytes) {
    return of(Objects.requireNonNull(bytes, "bytes").internalArray());
  }

  static Signature wrapOwned(byte[] bytes) {
    return new Signature(bytes);
  }

  byte[] internalArray() {
    return bytes;
  }

  public byte[] toByteArray() {
    return bytes.clone();
  }

  public Bytes toBytes() {
    return Bytes.of(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Signature that && MessageDigest.isEqual(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Signature[" + HexFormat.of().formatHex(bytes, 0, 8) + "]";
  }
}
