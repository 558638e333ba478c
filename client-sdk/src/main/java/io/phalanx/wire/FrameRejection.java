package io.phalanx.wire;

/** Why the frame decoder refused a peer's bytes. Each one closes the connection. */
public enum FrameRejection {
  /**
   * The length prefix announced more than the configured maximum. The prefix is unsigned, so
   * a "negative" one reads as a huge length and lands here too.
   */
  TOO_LONG,
  /** The connection closed in the middle of a frame. */
  TRUNCATED
}
