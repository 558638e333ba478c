package io.phalanx.pbft.core;

/**
 * Test-only hook for mutation drills: each constant switches on one deliberate protocol bug so a
 * test can show the simulator catches it. Production always uses {@link #NONE}.
 */
public enum Mutation {
  NONE,
  /** Prepared with 2f−1 matching prepares instead of 2f. */
  ACCEPT_2F_MINUS_1_PREPARES,
  /** The commit leaves before the prepared certificate and the commit are durable. */
  COMMIT_BEFORE_PERSIST,
  /** The new-view's O replaces every prepared batch with a null batch. */
  NEW_VIEW_DROPS_PREPARED,
  /** A pre-prepare outside the water marks (h, H] is accepted. */
  ACCEPT_OUTSIDE_WATERMARKS
}
