package io.phalanx.client;

/**
 * Why the client ignored a frame from a replica. Counted per reason
 * ({@link PhalanxClient#badReplies()}); never an exception, never a log line above DEBUG.
 */
public enum BadReply {
  /** Not a parsable signed envelope. */
  MALFORMED,
  /** The envelope does not claim to come from a replica. */
  NOT_FROM_REPLICA,
  /** The sender id names no replica of the genesis. */
  UNKNOWN_REPLICA,
  /** Wrong envelope version, or the signature does not verify under the named replica's key. */
  BAD_SIGNATURE,
  /** The signed payload is not a client reply. */
  NOT_A_REPLY,
  /** The reply names a replica other than the envelope's signer. */
  REPLICA_MISMATCH,
  /** The reply is addressed to another client. */
  WRONG_CLIENT,
  /**
   * No request with the reply's timestamp is waiting: a late reply after the quorum was reached
   * (normal), or a replayed or invented one.
   */
  NO_SUCH_REQUEST
}
