package io.phalanx.ledger.state;

/** Transfer flag bits; the same values as {@code TransferFlag} in ledger.proto. */
public final class TransferFlags {
  /** Links this transfer to the next one in the same operation: the chain succeeds or fails as one. */
  public static final int LINKED = 1;
  /** Reserves the amount (pending balances) until posted, voided or expired. */
  public static final int PENDING = 2;
  /** Posts a pending transfer, for its full amount (amount 0) or part of it. */
  public static final int POST_PENDING = 4;
  /** Voids a pending transfer, releasing its reserved amount. */
  public static final int VOID_PENDING = 8;
  /** On a pending transfer: closes the debit account; voiding or expiry reopens it. */
  public static final int CLOSING_DEBIT = 16;
  /** On a pending transfer: closes the credit account; voiding or expiry reopens it. */
  public static final int CLOSING_CREDIT = 32;
  static final int CLOSING = CLOSING_DEBIT | CLOSING_CREDIT;
  static final int ALLOWED = LINKED | PENDING | POST_PENDING | VOID_PENDING | CLOSING;

  private TransferFlags() {}

  static boolean has(int flags, int flag) {
    return (flags & flag) != 0;
  }
}
