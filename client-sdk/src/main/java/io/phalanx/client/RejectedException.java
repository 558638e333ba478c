package io.phalanx.client;

/**
 * The consortium executed the request and refused it: f+1 replicas agree on a ledger result code
 * other than success (an overdraft, an unknown account, an unauthorised debit...). Nothing
 * changed on the ledger.
 */
public final class RejectedException extends PhalanxClientException {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final String codeName;

  public RejectedException(int code, String codeName, String message) {
    super(message + " (" + codeName + ", code " + code + ")");
    this.code = code;
    this.codeName = codeName;
  }

  /** The ledger's numeric result code. */
  public int code() {
    return code;
  }

  /** The ledger's name for the code, e.g. {@code exceeds_credits}. */
  public String codeName() {
    return codeName;
  }
}
