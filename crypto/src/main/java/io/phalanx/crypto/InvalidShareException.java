package io.phalanx.crypto;

/**
 * A secret share that cannot be used: index 0 or out of range, an index given twice, a value of
 * the wrong length, or (for verifiable sharing) a value that does not match the published
 * commitments. {@link #shareIndex()} names the offending share, so that the replica that sent it
 * can be blamed.
 */
public final class InvalidShareException extends CryptoException {
  private static final long serialVersionUID = 1L;

  private final int shareIndex;

  public InvalidShareException(int shareIndex, String message) {
    super("share " + shareIndex + ": " + message);
    this.shareIndex = shareIndex;
  }

  /** The index (x coordinate) of the share that was rejected. */
  public int shareIndex() {
    return shareIndex;
  }
}
