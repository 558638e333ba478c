package io.phalanx.pbft.core;

import io.phalanx.crypto.Bytes;

/**
 * Encodes and signs this replica's own messages, implemented at the edge (Ed25519 over the exact
 * payload bytes). Must be deterministic: the same message gives the same bytes.
 */
public interface MessageSigner {
  /** The wire bytes of a batch; the pre-prepare's digest is SHA-256 of exactly these bytes. */
  Bytes encodeBatch(Batch batch);

  /** This replica's signed envelope for {@code message}. */
  SignedMessage sign(Message message);

  /** This replica's signed envelope for a reply. */
  Bytes signReply(Reply reply);
}
