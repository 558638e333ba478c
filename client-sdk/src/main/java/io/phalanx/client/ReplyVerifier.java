package io.phalanx.client;

import io.phalanx.crypto.PublicKey;
import io.phalanx.protocol.ClientReply;
import io.phalanx.protocol.Payload;
import io.phalanx.protocol.SenderKind;
import io.phalanx.protocol.SignedEnvelope;
import io.phalanx.wire.Envelopes;
import io.phalanx.wire.ReasonCounter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a frame from a replica before its reply may count: a version-1 envelope signed by a
 * replica of the genesis over exactly the payload bytes received, carrying a reply from that same
 * replica to this client. Anything else is counted by reason and dropped.
 */
final class ReplyVerifier {
  /** A reply that passed every check. */
  record Verified(int replica, ClientReply reply) {}

  private final long clientId;
  private final List<PublicKey> replicaKeys;
  private final ReasonCounter<BadReply> bad;

  ReplyVerifier(long clientId, List<PublicKey> replicaKeys, ReasonCounter<BadReply> bad) {
    this.clientId = clientId;
    this.replicaKeys = List.copyOf(replicaKeys);
    this.bad = Objects.requireNonNull(bad, "bad");
  }

  Optional<Verified> check(byte[] frame) {
    Optional<SignedEnvelope> parsed = Envelopes.parse(frame);
    if (parsed.isEmpty()) {
      return reject(BadReply.MALFORMED);
    }
    SignedEnvelope envelope = parsed.get();
    if (envelope.getSenderKind() != SenderKind.SENDER_KIND_REPLICA) {
      return reject(BadReply.NOT_FROM_REPLICA);
    }
    long sender = envelope.getSenderId();
    if (sender < 0 || sender >= replicaKeys.size()) {
      return reject(BadReply.UNKNOWN_REPLICA);
    }
    if (!Envelopes.check(envelope, replicaKeys.get((int) sender)).isValid()) {
      return reject(BadReply.BAD_SIGNATURE);
    }
    Optional<Payload> payload = Envelopes.parsePayload(envelope);
    if (payload.isEmpty() || !payload.get().hasReply()) {
      return reject(BadReply.NOT_A_REPLY);
    }
    ClientReply reply = payload.get().getReply();
    if (reply.getReplica() != sender) {
      return reject(BadReply.REPLICA_MISMATCH);
    }
    if (reply.getClientId() != clientId) {
      return reject(BadReply.WRONG_CLIENT);
    }
    return Optional.of(new Verified((int) sender, reply));
  }

  void count(BadReply reason) {
    bad.increment(reason);
  }

  private Optional<Verified> reject(BadReply reason) {
    bad.increment(reason);
    return Optional.empty();
  }
}
