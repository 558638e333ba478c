package io.phalanx.pbft.core;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import java.util.List;
import java.util.Objects;

/** What the driver must do, in order, after a {@link Replica#step}. */
public sealed interface Effect {
  /** Make {@code record} durable, then report it with {@link Input.Persisted}. Ids grow by one. */
  record Persist(long recordId, LogRecord record) implements Effect {
    public Persist {
      Objects.requireNonNull(record, "record");
    }
  }

  /** Send an envelope to one replica. Own votes appear here only once what they depend on is durable. */
  record Send(int replica, Bytes envelope) implements Effect {
    public Send {
      Objects.requireNonNull(envelope, "envelope");
    }
  }

  /** Send an envelope to every other replica. Same durability rule as {@link Send}. */
  record Broadcast(Bytes envelope) implements Effect {
    public Broadcast {
      Objects.requireNonNull(envelope, "envelope");
    }
  }

  /**
   * Execute the committed batch at {@code sequence}; answer with {@link Input.Executed}.
   *
   * @param view the view the batch committed in
   * @param batchBytes the exact batch bytes of the pre-prepare, whose SHA-256 is the digest
   * @param commitCertificate the 2f+1 (or more) matching signed commit envelopes that committed
   *     it, to be stored beside the block so the chain can be checked offline
   */
  record Execute(long sequence, long view, Digest batchDigest, Batch batch, Bytes batchBytes,
      List<Bytes> commitCertificate) implements Effect {
    public Execute {
      Objects.requireNonNull(batchDigest, "batchDigest");
      Objects.requireNonNull(batch, "batch");
      Objects.requireNonNull(batchBytes, "batchBytes");
      commitCertificate = List.copyOf(commitCertificate);
    }
  }

  /** Send a signed reply envelope to a client. */
  record SendReply(long clientId, Bytes envelope) implements Effect {
    public SendReply {
      Objects.requireNonNull(envelope, "envelope");
    }
  }

  /**
   * Fetch the state certified at a stable checkpoint from peers and install it if its digest is
   * {@code stateDigest}; answer with {@link Input.StateTransferred}.
   */
  record FetchState(long sequence, Digest stateDigest) implements Effect {
    public FetchState {
      Objects.requireNonNull(stateDigest, "stateDigest");
    }
  }

  /** Something worth a log line or a trace; never needed for correctness. */
  record Trace(String event) implements Effect {
    public Trace {
      Objects.requireNonNull(event, "event");
    }
  }
}
