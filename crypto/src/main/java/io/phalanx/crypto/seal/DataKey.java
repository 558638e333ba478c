package io.phalanx.crypto.seal;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.InvalidEncodingException;
import io.phalanx.crypto.SealingException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * An AES-256-GCM key that encrypts one vault secret (or a node's keys at rest). Each
 * {@link #encrypt} draws a fresh random 96-bit nonce, so one key must not encrypt more than
 * 2^32 messages (NIST SP 800-38D); the vault makes one key per secret.
 *
 * <p>The encrypted form is {@code nonce (12) ‖ ciphertext ‖ tag (16)}. {@link #toString()} never
 * shows the key; {@link #destroy()} zeroes it. Not thread-safe against a concurrent destroy.
 */
public final class DataKey implements AutoCloseable {
  public static final int LENGTH_BYTES = 32;
  public static final int NONCE_LENGTH_BYTES = 12;
  public static final int TAG_LENGTH_BYTES = AesGcm.TAG_LENGTH_BYTES;

  private final byte[] key;
  private volatile boolean destroyed;

  private DataKey(byte[] key) {
    this.key = key;
  }

  public static DataKey generate(SecureRandom random) {
    byte[] key = new byte[LENGTH_BYTES];
    Objects.requireNonNull(random, "random").nextBytes(key);
    return new DataKey(key);
  }

  /** @throws InvalidEncodingException if the key is not 32 bytes */
  public static DataKey of(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length != LENGTH_BYTES) {
      throw new InvalidEncodingException(
          "an AES-256 data key is " + LENGTH_BYTES + " bytes, got " + key.length);
    }
    return new DataKey(key.clone());
  }

  /** Takes ownership of a freshly derived key array (zeroed by {@link #destroy()}). */
  static DataKey wrapOwned(byte[] key) {
    return new DataKey(key);
  }

  /** Encrypts {@code plaintext}, binding {@code associatedData}: {@code nonce ‖ ciphertext ‖ tag}. */
  public Bytes encrypt(byte[] plaintext, byte[] associatedData, SecureRandom random) {
    byte[] nonce = new byte[NONCE_LENGTH_BYTES];
    Objects.requireNonNull(random, "random").nextBytes(nonce);
    byte[] ciphertext = AesGcm.encrypt(internalKey(), nonce, associatedData, plaintext);
    byte[] out = Arrays.copyOf(nonce, NONCE_LENGTH_BYTES + ciphertext.length);
    System.arraycopy(ciphertext, 0, out, NONCE_LENGTH_BYTES, ciphertext.length);
    return Bytes.wrapOwned(out);
  }

  /**
   * Decrypts what {@link #encrypt} made with this key and the same associated data.
   *
   * @throws SealingException if anything was changed, the key or associated data is wrong, or
   *     the input is shorter than a nonce and a tag
   */
  public byte[] decrypt(Bytes encrypted, byte[] associatedData) {
    Objects.requireNonNull(encrypted, "encrypted");
    byte[] all = encrypted.toByteArray();
    if (all.length < NONCE_LENGTH_BYTES + TAG_LENGTH_BYTES) {
      throw new SealingException("an encrypted secret is at least "
          + (NONCE_LENGTH_BYTES + TAG_LENGTH_BYTES) + " bytes, got " + all.length);
    }
    byte[] nonce = Arrays.copyOf(all, NONCE_LENGTH_BYTES);
    byte[] ciphertext = Arrays.copyOfRange(all, NONCE_LENGTH_BYTES, all.length);
    return AesGcm.decrypt(internalKey(), nonce, associatedData, ciphertext);
  }

  private byte[] internalKey() {
    if (destroyed) {
      throw new IllegalStateException("the data key was destroyed");
    }
    return key;
  }

  /** A copy of the key, for sharing it; the caller must zero it after use. */
  public byte[] toByteArray() {
    return internalKey().clone();
  }

  /** Zeroes the key; any later use throws {@link IllegalStateException}. */
  public void destroy() {
    destroyed = true;
    Arrays.fill(key, (byte) 0);
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
    return "DataKey[redacted]";
  }
}
