package io.phalanx.ledger.codec;

/** Operation bytes that do not decode to an operation the ledger understands. */
public final class MalformedOperationException extends Exception {
  public MalformedOperationException(String message, Throwable cause) {
    super(message, cause);
  }

  public MalformedOperationException(String message) {
    super(message);
  }
}
