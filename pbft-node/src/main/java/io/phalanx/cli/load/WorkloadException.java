package io.phalanx.cli.load;

/** The workload could not set up (a client, an account or a funding transfer failed). */
public final class WorkloadException extends Exception {
  private static final long serialVersionUID = 1L;

  public WorkloadException(String message) {
    super(message);
  }

  public WorkloadException(String message, Throwable cause) {
    super(message, cause);
  }
}
