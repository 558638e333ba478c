package io.phalanx.ledger.state;

import java.util.Objects;

/**
 * One entry of a secret's access log: who did what, when (ledger timestamp), and what the
 * ledger answered (OK = allowed).
 */
public record VaultAccess(long timestamp, long member, Kind kind, ResultCode code, long version) {
  /** What was attempted; the codes are stable (stored and on the wire). */
  public enum Kind {
    PUT(1), GET(2), REFRESH(3), DELETE(4);

    private final int code;

    Kind(int code) {
      this.code = code;
    }

    public int code() {
      return code;
    }

    static Kind fromCode(int code) {
      for (Kind kind : values()) {
        if (kind.code == code) {
          return kind;
        }
      }
      throw new IllegalArgumentException("no access kind " + code);
    }
  }

  public VaultAccess {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(code, "code");
  }
}
