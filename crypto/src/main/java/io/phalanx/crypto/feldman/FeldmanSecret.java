package io.phalanx.crypto.feldman;

import io.phalanx.crypto.Hkdf;
import io.phalanx.crypto.InvalidEncodingException;
import io.phalanx.crypto.seal.DataKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.util.BigIntegers;

/**
 * The secret a Feldman dealing shares: a scalar in [1, order) of the P-256 group, 32 bytes
 * big-endian.
 *
 * <p>The vault shares an AES-256 data key this way. A uniformly random 32-byte key is not always
 * below the group order (about 2^−32 of them are not), so the key is not shared directly: a
 * random scalar is, and the data key is derived from it with {@link #deriveDataKey()} =
 * HKDF-SHA256(ikm = the scalar's 32 bytes, salt = "", info = "phalanx vault data key v1", 32).
 * Whoever combines the shares derives the same key.
 *
 * <p>{@link #toString()} never shows the value; {@link #destroy()} zeroes it. Equality is
 * constant-time. Not thread-safe against a concurrent destroy.
 */
public final class FeldmanSecret implements AutoCloseable {
  public static final int LENGTH_BYTES = FeldmanGroup.SCALAR_LENGTH_BYTES;
  private static final byte[] DATA_KEY_INFO =
      "phalanx vault data key v1".getBytes(StandardCharsets.US_ASCII);

  private final byte[] scalar;
  private volatile boolean destroyed;

  private FeldmanSecret(byte[] scalar) {
    this.scalar = scalar;
  }

  /** A uniformly random secret in [1, order). */
  public static FeldmanSecret generate(SecureRandom random) {
    Objects.requireNonNull(random, "random");
    BigInteger value = BigIntegers.createRandomInRange(
        BigInteger.ONE, FeldmanGroup.ORDER.subtract(BigInteger.ONE), random);
    return new FeldmanSecret(FeldmanGroup.encodeScalar(value));
  }

  /**
   * A secret from its 32 bytes (copied).
   *
   * @throws InvalidEncodingException unless 32 bytes encoding a value in [1, order)
   */
  public static FeldmanSecret of(byte[] scalar) {
    Objects.requireNonNull(scalar, "scalar");
    if (FeldmanGroup.decodeScalar(scalar).signum() == 0) {
      throw new InvalidEncodingException("a Feldman secret is not zero");
    }
    return new FeldmanSecret(scalar.clone());
  }

  static FeldmanSecret fromScalar(BigInteger value) {
    return new FeldmanSecret(FeldmanGroup.encodeScalar(value));
  }

  /**
   * The scalar as a {@link BigInteger}, for the arithmetic. {@code BigInteger} is neither
   * constant-time nor zeroable: see {@link FeldmanVss}'s note.
   */
  BigInteger toScalar() {
    return new BigInteger(1, internalArray());
  }

  private byte[] internalArray() {
    if (destroyed) {
      throw new IllegalStateException("the Feldman secret was destroyed");
    }
    return scalar;
  }

  /** A copy of the 32 bytes; the caller must zero it after use. */
  public byte[] toByteArray() {
    return internalArray().clone();
  }

  /** The AES-256 data key this secret stands for (see the class comment). */
  public DataKey deriveDataKey() {
    byte[] key = Hkdf.sha256(internalArray(), new byte[0], DATA_KEY_INFO, DataKey.LENGTH_BYTES);
    try {
      return DataKey.of(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** Zeroes the value; any later use throws {@link IllegalStateException}. */
  public void destroy() {
    destroyed = true;
    Arrays.fill(scalar, (byte) 0);
  }

  public boolean isDestroyed() {
    return destroyed;
  }

  @Override
  public void close() {
    destroy();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FeldmanSecret that
        && MessageDigest.isEqual(internalArray(), that.internalArray());
  }

  @Override
  public int hashCode() {
    return 0; // a hash of a secret would leak bits of it; secrets are not map keys
  }

  @Override
  public String toString() {
    return "FeldmanSecret[redacted]";
  }
}
