package io.phalanx.client.vault;

/** What was wrong with one replica's share in a vault read. */
public enum ShareFault {
  /** The replica sent no share (or no reply). */
  MISSING,
  /** The share did not parse, did not open, or did not verify against the commitments. */
  BAD,
  /**
   * The replica reported that its stored share did not open or verify: evidence against the
   * dealer rather than the replica.
   */
  REPORTED_INVALID
}
