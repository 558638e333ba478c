package io.phalanx.client;

/**
 * No f+1 matching replies arrived in time. The request may or may not have executed: resending it
 * with the same timestamp is safe (the ledger executes a timestamp at most once and answers a
 * repeat with the cached reply), sending a new request is not.
 */
public final class OutcomeUnknownException extends PhalanxClientException {
  private static final long serialVersionUID = 1L;

  private final long timestamp;

  public OutcomeUnknownException(long timestamp, String message) {
    super(message);
    this.timestamp = timestamp;
  }

  /** The request's timestamp, to resend it with exactly-once semantics. */
  public long timestamp() {
    return timestamp;
  }
}
