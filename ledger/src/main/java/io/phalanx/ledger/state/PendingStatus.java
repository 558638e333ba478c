package io.phalanx.ledger.state;

/** The life of a pending transfer. Stored per pending transfer; part of the state digest. */
public enum PendingStatus {
  PENDING(1), POSTED(2), VOIDED(3), EXPIRED(4);

  private final int code;

  PendingStatus(int code) {
    this.code = code;
  }

  int code() {
    return code;
  }

  static PendingStatus fromCode(int code) {
    for (PendingStatus status : values()) {
      if (status.code == code) {
        return status;
      }
    }
    throw new IllegalStateException("corrupt pending status " + code);
  }
}
