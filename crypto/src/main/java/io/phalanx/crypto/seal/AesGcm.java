package io.phalanx.crypto.seal;

import io.phalanx.crypto.SealingException;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM with a 128-bit tag through the JDK's {@code AES/GCM/NoPadding}: the one place this
 * module touches {@link Cipher}. Takes any AES key size and any IV length the JDK accepts so that
 * the Wycheproof vectors can exercise it; the public callers fix 256-bit keys and 96-bit nonces.
 *
 * <p>The JDK keeps its own copy of the key (in the key spec and the expanded AES schedule) that
 * this class cannot zero. Decryption never returns a plaintext whose tag did not verify.
 */
final class AesGcm {
  static final int TAG_LENGTH_BYTES = 16;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private AesGcm() {}

  /**
   * Returns ciphertext followed by the tag.
   *
   * @throws IllegalArgumentException if the JDK refuses the key or IV (e.g. an empty IV)
   */
  static byte[] encrypt(byte[] key, byte[] iv, byte[] associatedData, byte[] plaintext) {
    Objects.requireNonNull(plaintext, "plaintext");
    Cipher cipher = initialise(Cipher.ENCRYPT_MODE, key, iv, associatedData);
    try {
      return cipher.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  /**
   * Checks the tag and returns the plaintext.
   *
   * @throws SealingException if the ciphertext, tag, IV or associated data were changed, or the
   *     key is wrong
   * @throws IllegalArgumentException if the JDK refuses the key or IV (e.g. an empty IV)
   */
  static byte[] decrypt(byte[] key, byte[] iv, byte[] associatedData, byte[] ciphertextAndTag) {
    Objects.requireNonNull(ciphertextAndTag, "ciphertextAndTag");
    if (ciphertextAndTag.length < TAG_LENGTH_BYTES) {
      throw new SealingException("AES-GCM ciphertext shorter than its " + TAG_LENGTH_BYTES
          + "-byte tag: " + ciphertextAndTag.length + " bytes");
    }
    Cipher cipher = initialise(Cipher.DECRYPT_MODE, key, iv, associatedData);
    try {
      return cipher.doFinal(ciphertextAndTag);
    } catch (AEADBadTagException e) {
      throw new SealingException("AES-GCM authentication failed", e);
    } catch (GeneralSecurityException e) {
      throw new SealingException("AES-GCM decryption failed", e);
    }
  }

  private static Cipher initialise(int mode, byte[] key, byte[] iv, byte[] associatedData) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(iv, "iv");
    Objects.requireNonNull(associatedData, "associatedData");
    Cipher cipher = newCipher();
    try {
      cipher.init(mode, new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_LENGTH_BYTES * Byte.SIZE, iv));
    } catch (InvalidKeyException | InvalidAlgorithmParameterException e) {
      throw new IllegalArgumentException("AES-GCM refuses a " + key.length + "-byte key with a "
          + iv.length + "-byte IV", e);
    } catch (IllegalArgumentException e) {
      // SecretKeySpec refuses an empty key this way.
      throw new IllegalArgumentException("AES-GCM refuses a " + key.length + "-byte key", e);
    }
    cipher.updateAAD(associatedData);
    return cipher;
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance(TRANSFORMATION);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform must provide " + TRANSFORMATION, e);
    }
  }
}
