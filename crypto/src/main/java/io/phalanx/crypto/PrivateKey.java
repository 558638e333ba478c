package io.phalanx.crypto;

import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 private key (the 32-byte seed of RFC 8032). Its {@link #toString()} never shows the
 * key; {@link #destroy()} zeroes it. Not thread-safe against a concurrent {@code destroy}.
 */
public final class PrivateKey implements AutoCloseable {
  public static final int LENGTH_BYTES = Ed25519.SECRET_KEY_SIZE;

  private final byte[] seed;
  private volatile boolean destroyed;

  private PrivateKey(byte[] seed) {
    this.seed = seed;
  }

  /** @throws InvalidEncodingException if the seed is not 32 bytes */
  public static PrivateKey of(byte[] seed) {
    Objects.requireNonNull(seed, "seed");
    if (seed.length != LENGTH_BYTES) {
      throw new InvalidEncodingException(
          "an Ed25519 private key is " + LENGTH_BYTES + " bytes, got " + seed.length);
    }
    return new PrivateKey(seed.clone());
  }

  byte[] internalArray() {
    if (destroyed) {
      throw new IllegalStateException("the private key was destroyed");
    }
    return seed;
  }

  /** A copy of the seed; the caller should zero it after use. */
  public byte[] toByteArray() {
    return internalArray().clone();
  }

  public PublicKey derivePublicKey() {
    byte[] encoded = new byte[PublicKey.LENGTH_BYTES];
    Ed25519.generatePublicKey(internalArray(), 0, encoded, 0);
    return PublicKey.of(encoded);
  }

  /** Zeroes the key material; any later use throws {@link IllegalStateException}. */
  public void destroy() {
    destroyed = true;
    Arrays.fill(seed, (byte) 0);
  }

  public boolean isDestroyed() {
    return destroyed;
  }

  @Override
  public void close() {
    destroy();
  }

  @Override
  public String toString() {
    return "PrivateKey[redacted]";
  }
}
