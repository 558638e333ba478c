package io.phalanx.crypto;

/**
 * Base of the crypto module's typed failures. Unchecked, so that callers on the hot path are not
 * forced into boilerplate, but every method documents which subtype it throws for bad input.
 */
public class CryptoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CryptoException(String message) {
    super(message);
  }

  public CryptoException(String message, Throwable cause) {
    super(message, cause);
  }
}
