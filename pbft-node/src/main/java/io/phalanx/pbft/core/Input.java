package io.phalanx.pbft.core;

import io.phalanx.crypto.Digest;
import java.util.List;
import java.util.Objects;

/** What the driver feeds {@link Replica#step}. */
public sealed interface Input {
  /** A verified protocol message from another replica. */
  record ReceiveMessage(SignedMessage message) implements Input {
    public ReceiveMessage {
      Objects.requireNonNull(message, "message");
    }
  }

  /** A verified client request (from the client or forwarded by a backup). */
  record ReceiveRequest(SignedRequest request) implements Input {
    public ReceiveRequest {
      Objects.requireNonNull(request, "request");
    }
  }

  /** One tick of the replica's timers, with the node's clock reading for ledger time bounds. */
  record Tick(long nowMillis) implements Input {}

  /** Every record with an id up to {@code upToRecordId} is durable. */
  record Persisted(long upToRecordId) implements Input {}

  /** The executor applied the batch at {@code sequence} (strictly in order). */
  record Executed(long sequence, Digest stateDigest, List<ExecutedReply> replies) implements Input {
    public Executed {
      Objects.requireNonNull(stateDigest, "stateDigest");
      replies = List.copyOf(replies);
    }
  }

  /**
   * The executor installed the state certified at a stable checkpoint (after a FetchState);
   * {@code lastReplies} is that state's client table: per client the last executed timestamp and
   * its result.
   */
  record StateTransferred(long sequence, Digest stateDigest, List<ExecutedReply> lastReplies)
      implements Input {
    public StateTransferred {
      Objects.requireNonNull(stateDigest, "stateDigest");
      lastReplies = List.copyOf(lastReplies);
    }
  }
}
