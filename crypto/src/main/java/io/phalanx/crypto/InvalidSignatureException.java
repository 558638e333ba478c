package io.phalanx.crypto;

/** A signature that does not verify: forged, tampered, malleable or non-canonical. */
public final class InvalidSignatureException extends CryptoException {
  private static final long serialVersionUID = 1L;

  public InvalidSignatureException(String message) {
    super(message);
  }
}
