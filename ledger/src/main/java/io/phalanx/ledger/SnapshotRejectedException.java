package io.phalanx.ledger;

/** A snapshot that is malformed or does not match the expected state digest; nothing changed. */
public final class SnapshotRejectedException extends Exception {
  public SnapshotRejectedException(String message) {
    super(message);
  }

  public SnapshotRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
