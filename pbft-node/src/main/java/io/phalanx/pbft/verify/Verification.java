package io.phalanx.pbft.verify;

import io.phalanx.crypto.Bytes;
import io.phalanx.pbft.core.Reply;
import io.phalanx.pbft.core.SignedMessage;
import io.phalanx.pbft.core.SignedRequest;

/** The verifier's answer for one envelope. */
public sealed interface Verification {
  /** A replica protocol message, signed by the replica it names. */
  record VerifiedMessage(SignedMessage message) implements Verification {}

  /** A client request, signed by an admitted client. */
  record VerifiedRequest(SignedRequest request) implements Verification {}

  /** A reply, signed by the replica it names. */
  record VerifiedReply(Reply reply, Bytes envelope) implements Verification {}

  record Rejected(RejectReason reason) implements Verification {}
}
