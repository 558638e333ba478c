package io.phalanx.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * An X25519 key pair (RFC 7748) that opens data sealed to its public key. The private key never
 * leaves this object except through {@link KeyFiles}; {@link #agree} hands out the shared secret
 * with a peer instead. {@link #toString()} never shows the private key; {@link #destroy()} zeroes
 * it. Thread-safe for concurrent {@link #agree} calls, not against a concurrent destroy.
 */
public final class SealingKeyPair implements AutoCloseable {
  public static final int PRIVATE_KEY_LENGTH_BYTES = X25519.SCALAR_SIZE;
  public static final int SHARED_SECRET_LENGTH_BYTES = X25519.POINT_SIZE;

  private final byte[] privateKey;
  private final SealingPublicKey publicKey;
  private volatile boolean destroyed;

  private SealingKeyPair(byte[] privateKey, SealingPublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /** A fresh key pair from {@code random}. */
  public static SealingKeyPair generate(SecureRandom random) {
    byte[] key = new byte[PRIVATE_KEY_LENGTH_BYTES];
    X25519.generatePrivateKey(Objects.requireNonNull(random, "random"), key);
    return fromOwned(key);
  }

  /**
   * The pair for an existing 32-byte private key (copied; RFC 7748 clamping is applied when the
   * key is used, so any 32 bytes are a valid key).
   *
   * @throws InvalidEncodingException if it is not 32 bytes
   */
  public static SealingKeyPair of(byte[] privateKey) {
    Objects.requireNonNull(privateKey, "privateKey");
    if (privateKey.length != PRIVATE_KEY_LENGTH_BYTES) {
      throw new InvalidEncodingException("an X25519 private key is " + PRIVATE_KEY_LENGTH_BYTES
          + " bytes, got " + privateKey.length);
    }
    return fromOwned(privateKey.clone());
  }

  private static SealingKeyPair fromOwned(byte[] privateKey) {
    byte[] publicKey = new byte[SealingPublicKey.LENGTH_BYTES];
    X25519.generatePublicKey(privateKey, 0, publicKey, 0);
    return new SealingKeyPair(privateKey, SealingPublicKey.of(publicKey));
  }

  public SealingPublicKey publicKey() {
    return publicKey;
  }

  /**
   * The X25519 shared secret with {@code peer}, a fresh array the caller must zero after use.
   *
   * @throws SealingException if the shared secret is all zeros (a small-order peer key)
   */
  public byte[] agree(SealingPublicKey peer) {
    Objects.requireNonNull(peer, "peer");
    byte[] shared = new byte[SHARED_SECRET_LENGTH_BYTES];
    if (!X25519.calculateAgreement(internalPrivateKey(), 0, peer.internalArray(), 0, shared, 0)) {
      Arrays.fill(shared, (byte) 0);
      throw new SealingException("the X25519 shared secret is all zeros (a small-order key)");
    }
    return shared;
  }

  /** The private key itself, for {@link KeyFiles} only: never changed, never handed out. */
  byte[] internalPrivateKey() {
    if (destroyed) {
      throw new IllegalStateException("the sealing key pair was destroyed");
    }
    return privateKey;
  }

  /** Zeroes the private key; any later use throws {@link IllegalStateException}. */
  public void destroy() {
    destroyed = true;
    Arrays.fill(privateKey, (byte) 0);
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
    return "SealingKeyPair[" + publicKey + ", private key redacted]";
  }
}
