package io.phalanx.wire;

/** The outcome of checking a {@code SignedEnvelope} against the key its sender should hold. */
public enum EnvelopeCheck {
  VALID,
  /** The envelope's version is not {@link Envelopes#VERSION}. */
  UNSUPPORTED_VERSION,
  /** The signature field is not 64 bytes. */
  MALFORMED_SIGNATURE,
  /** The signature does not verify over the payload bytes under the key. */
  BAD_SIGNATURE;

  public boolean isValid() {
    return this == VALID;
  }
}
