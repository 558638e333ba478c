package io.phalanx.ledger.state;

/**
 * Why an event or a request succeeded or failed. The numeric {@link #code()} is stable and goes
 * on the wire ({@code EventResult.code}, {@code LedgerResult.rejected_code},
 * {@code GovernanceResult.code}); never renumber, only append.
 *
 * <p>Names follow TigerBeetle's create_accounts / create_transfers results where they overlap
 * ({@code ledger_must_match} is {@link #TRANSFER_MUST_HAVE_THE_SAME_ASSET_AS_ACCOUNTS} here).
 */
public enum ResultCode {
  OK(0),

  // Request-level rejections.
  MALFORMED_OPERATION(1),
  NOT_MEMBER(2),
  /** The client's timestamp is below its last executed one: skipped, not executed again. */
  STALE_REQUEST(3),
  NOT_READ_ONLY(4),
  UNSUPPORTED_OPERATION(5),
  TOO_MANY_EVENTS(6),
  NOT_FOUND(7),

  // Event chains.
  LINKED_EVENT_FAILED(10),
  LINKED_EVENT_CHAIN_OPEN(11),

  // Shared validation.
  TIMESTAMP_MUST_BE_ZERO(20),
  RESERVED_FLAG(21),
  ID_MUST_NOT_BE_ZERO(22),
  ID_MUST_NOT_BE_INT_MAX(23),
  FLAGS_ARE_MUTUALLY_EXCLUSIVE(24),
  ASSET_MUST_NOT_BE_ZERO(25),
  CODE_MUST_NOT_BE_ZERO(26),

  // Accounts.
  DEBITS_PENDING_MUST_BE_ZERO(30),
  DEBITS_POSTED_MUST_BE_ZERO(31),
  CREDITS_PENDING_MUST_BE_ZERO(32),
  CREDITS_POSTED_MUST_BE_ZERO(33),
  EXISTS_WITH_DIFFERENT_FLAGS(34),
  EXISTS_WITH_DIFFERENT_USER_DATA_128(35),
  EXISTS_WITH_DIFFERENT_USER_DATA_64(36),
  EXISTS_WITH_DIFFERENT_USER_DATA_32(37),
  EXISTS_WITH_DIFFERENT_ASSET(38),
  EXISTS_WITH_DIFFERENT_CODE(39),
  EXISTS(40),

  // Transfers.
  DEBIT_ACCOUNT_ID_MUST_NOT_BE_ZERO(50),
  DEBIT_ACCOUNT_ID_MUST_NOT_BE_INT_MAX(51),
  CREDIT_ACCOUNT_ID_MUST_NOT_BE_ZERO(52),
  CREDIT_ACCOUNT_ID_MUST_NOT_BE_INT_MAX(53),
  ACCOUNTS_MUST_BE_DIFFERENT(54),
  PENDING_ID_MUST_BE_ZERO(55),
  PENDING_ID_MUST_NOT_BE_ZERO(56),
  PENDING_ID_MUST_NOT_BE_INT_MAX(57),
  PENDING_ID_MUST_BE_DIFFERENT(58),
  TIMEOUT_RESERVED_FOR_PENDING_TRANSFER(59),
  AMOUNT_MUST_NOT_BE_ZERO(60),
  DEBIT_ACCOUNT_NOT_FOUND(61),
  CREDIT_ACCOUNT_NOT_FOUND(62),
  ACCOUNTS_MUST_HAVE_THE_SAME_ASSET(63),
  TRANSFER_MUST_HAVE_THE_SAME_ASSET_AS_ACCOUNTS(64),
  PENDING_TRANSFER_NOT_FOUND(65),
  PENDING_TRANSFER_NOT_PENDING(66),
  PENDING_TRANSFER_HAS_DIFFERENT_DEBIT_ACCOUNT_ID(67),
  PENDING_TRANSFER_HAS_DIFFERENT_CREDIT_ACCOUNT_ID(68),
  PENDING_TRANSFER_HAS_DIFFERENT_ASSET(69),
  PENDING_TRANSFER_HAS_DIFFERENT_CODE(70),
  EXCEEDS_PENDING_TRANSFER_AMOUNT(71),
  PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT(72),
  PENDING_TRANSFER_ALREADY_POSTED(73),
  PENDING_TRANSFER_ALREADY_VOIDED(74),
  PENDING_TRANSFER_EXPIRED(75),
  EXISTS_WITH_DIFFERENT_DEBIT_ACCOUNT_ID(76),
  EXISTS_WITH_DIFFERENT_CREDIT_ACCOUNT_ID(77),
  EXISTS_WITH_DIFFERENT_AMOUNT(78),
  EXISTS_WITH_DIFFERENT_PENDING_ID(79),
  EXISTS_WITH_DIFFERENT_TIMEOUT(80),
  OVERFLOWS_DEBITS_PENDING(81),
  OVERFLOWS_CREDITS_PENDING(82),
  OVERFLOWS_DEBITS_POSTED(83),
  OVERFLOWS_CREDITS_POSTED(84),
  OVERFLOWS_DEBITS(85),
  OVERFLOWS_CREDITS(86),
  EXCEEDS_CREDITS(87),
  EXCEEDS_DEBITS(88),
  CLOSING_TRANSFER_MUST_BE_PENDING(89),
  DEBIT_ACCOUNT_ALREADY_CLOSED(90),
  CREDIT_ACCOUNT_ALREADY_CLOSED(91),

  // Permissions.
  NOT_OWNER(100),
  ISSUER_ROLE_REQUIRED(101),

  // Governance.
  INSUFFICIENT_APPROVALS(110),
  UNKNOWN_ORGANISATION(111),
  BAD_APPROVAL_SIGNATURE(112),
  PROPOSAL_ALREADY_EXECUTED(113),
  MEMBER_ALREADY_EXISTS(114),
  MEMBER_NOT_FOUND(115),
  BAD_MEMBER_KEY(116),

  // Vault.
  VAULT_NOT_FOUND(120),
  /** The caller is not allowed by the secret's policy; the attempt is on the access log. */
  VAULT_NOT_AUTHORISED(121),
  VAULT_BAD_NAME(122),
  VAULT_BAD_POLICY(123),
  /** m-of-k read approvals are not implemented yet: a policy asking for them is refused. */
  VAULT_APPROVALS_NOT_SUPPORTED(124),
  /** The sharing threshold is not f + 1 of the genesis. */
  VAULT_BAD_THRESHOLD(125),
  VAULT_BAD_COMMITMENTS(126),
  VAULT_BAD_SHARES(127),
  VAULT_BAD_SECRET_SIZE(128),
  VAULT_VERSION_MISMATCH(129),
  VAULT_DELETED(130),
  VAULT_REFRESH_LIMIT(131);

  private final int code;

  ResultCode(int code) {
    this.code = code;
  }

  /** The stable wire value. */
  public int code() {
    return code;
  }

  /** The result code for a wire value, or empty for an unknown one. */
  public static java.util.Optional<ResultCode> fromCode(int code) {
    for (ResultCode candidate : values()) {
      if (candidate.code == code) {
        return java.util.Optional.of(candidate);
      }
    }
    return java.util.Optional.empty();
  }
}
