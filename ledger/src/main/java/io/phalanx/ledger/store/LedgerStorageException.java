package io.phalanx.ledger.store;

/**
 * The store failed to read or write. The ledger stops on it: a replica that cannot persist a
 * block must not go on answering as if it had.
 */
public final class LedgerStorageException extends RuntimeException {
  public LedgerStorageException(String message, Throwable cause) {
    super(message, cause);
  }

  public LedgerStorageException(String message) {
    super(message);
  }
}
