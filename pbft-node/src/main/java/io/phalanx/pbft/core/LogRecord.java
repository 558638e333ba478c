package io.phalanx.pbft.core;

import io.phalanx.crypto.Digest;
import java.util.List;
import java.util.Objects;

/** What a replica persists before it speaks; {@link Replica#restart} rebuilds from these. */
public sealed interface LogRecord {
  /** A message this replica signed: pre-prepare, prepare, commit, checkpoint, view-change, new-view. */
  record OwnMessage(SignedMessage message) implements LogRecord {
    public OwnMessage {
      Objects.requireNonNull(message, "message");
    }
  }

  /** A peer's pre-prepare or new-view this replica accepted and voted on. */
  record AcceptedMessage(SignedMessage message) implements LogRecord {
    public AcceptedMessage {
      Objects.requireNonNull(message, "message");
    }
  }

  /** A prepared certificate, persisted before the commit that depends on it. */
  record Prepared(PreparedCertificate certificate) implements LogRecord {
    public Prepared {
      Objects.requireNonNull(certificate, "certificate");
    }
  }

  /** The view the replica is in, and whether it is active or changing. */
  record ViewState(long view, boolean active) implements LogRecord {}

  /** A stable checkpoint and its proof. */
  record StableCheckpoint(long sequence, Digest stateDigest, List<SignedMessage> proof) implements LogRecord {
    public StableCheckpoint {
      Objects.requireNonNull(stateDigest, "stateDigest");
      proof = List.copyOf(proof);
    }
  }
}
