package io.phalanx.crypto;

/**
 * Sealed or encrypted data that cannot be opened: tampered ciphertext, tag or nonce, wrong
 * associated data, wrong recipient, a low-order ephemeral key, a malformed box. Never carries
 * any part of a plaintext or key in its message.
 */
public final class SealingException extends CryptoException {
  private static final long serialVersionUID = 1L;

  public SealingException(String message) {
    super(message);
  }

  public SealingException(String message, Throwable cause) {
    super(message, cause);
  }
}
