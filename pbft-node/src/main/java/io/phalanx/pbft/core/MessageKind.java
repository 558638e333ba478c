package io.phalanx.pbft.core;

/** The kinds of {@link Message}; dispatch is an exhaustive switch expression over these. */
public enum MessageKind {
  PRE_PREPARE, PREPARE, COMMIT, CHECKPOINT, VIEW_CHANGE, NEW_VIEW;

  public static MessageKind of(Message message) {
    if (message instanceof PrePrepare) {
      return PRE_PREPARE;
    } else if (message instanceof Prepare) {
      return PREPARE;
    } else if (message instanceof Commit) {
      return COMMIT;
    } else if (message instanceof Checkpoint) {
      return CHECKPOINT;
    } else if (message instanceof ViewChange) {
      return VIEW_CHANGE;
    } else if (message instanceof NewView) {
      return NEW_VIEW;
    }
    throw new IllegalStateException("unknown message " + message.getClass());
  }
}
