package io.phalanx.crypto;

/** Fewer shares than the threshold were given, so the secret cannot be reconstructed. */
public final class InsufficientSharesException extends CryptoException {
  private static final long serialVersionUID = 1L;

  private final int required;
  private final int provided;

  public InsufficientSharesException(int required, int provided) {
    super("at least " + required + " shares are needed, got " + provided);
    this.required = required;
    this.provided = provided;
  }

  public int required() {
    return required;
  }

  public int provided() {
    return provided;
  }
}
