package io.phalanx.crypto;

/** Bytes that do not encode the value they claim to: a wrong length, a point off the curve, bad PEM. */
public final class InvalidEncodingException extends CryptoException {
  private static final long serialVersionUID = 1L;

  public InvalidEncodingException(String message) {
    super(message);
  }

  public InvalidEncodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
