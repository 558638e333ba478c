package io.phalanx.ledger.state;

/** Account flag bits; the same values as {@code AccountFlag} in ledger.proto. */
public final class AccountFlags {
  /** Links this account to the next one in the same operation: the chain succeeds or fails as one. */
  public static final int LINKED = 32;
  /** Debits (pending + posted) may never exceed posted credits. Implied for non-issuer accounts. */
  public static final int DEBITS_MUST_NOT_EXCEED_CREDITS = 1;
  /** Credits (pending + posted) may never exceed posted debits. */
  public static final int CREDITS_MUST_NOT_EXCEED_DEBITS = 2;
  /**
   * Set by the ledger while a pending closing transfer holds the account (and for good once it
   * is posted): no new transfer may debit or credit it. Not allowed in a create request.
   */
  public static final int CLOSED = 4;
  /** May go net-debit (issue value); only members with the issuer role may create or debit one. */
  public static final int ISSUER = 8;
  /** The ledger keeps this account's balance after every transfer that touches it. */
  public static final int HISTORY = 16;
  /** Every flag a create request may set. */
  static final int ALLOWED = LINKED | DEBITS_MUST_NOT_EXCEED_CREDITS
      | CREDITS_MUST_NOT_EXCEED_DEBITS | ISSUER | HISTORY;

  private AccountFlags() {}

  static boolean has(int flags, int flag) {
    return (flags & flag) != 0;
  }
}
