package io.phalanx.pbft.net;

/**
 * Where the transport hands what it receives. Called on the transport's inbound executor, never
 * on a Netty event loop, so an implementation may verify signatures or block briefly. The arrays
 * are fresh copies the handler owns.
 *
 * <p>The transport vouches only for the link: {@code fromReplica} is the replica that proved
 * possession of its key when the link opened. It does not parse or verify the envelope; that is
 * the verifier's job (signature, membership, payload).
 */
public interface InboundHandler {
  /** A frame from an authenticated replica link. */
  void onReplicaEnvelope(int fromReplica, byte[] envelopeBytes);

  /**
   * A frame from a client connection, which is not authenticated: every client request carries
   * its own signature. Replies go back through {@code channel}, or through
   * {@link ReplicaTransport#sendToClient} once the node has bound the verified client id to it.
   */
  void onClientEnvelope(ClientChannel channel, byte[] envelopeBytes);
}
