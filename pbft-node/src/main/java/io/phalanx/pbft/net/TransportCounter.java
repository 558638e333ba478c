package io.phalanx.pbft.net;

/**
 * What the transport counts. The {@code FRAME_}, {@code CLIENT_FRAME_} and {@code HELLO_}
 * reasons are a peer's misbehaviour and each closes its connection; the {@code _DROPPED} and
 * {@code _FULL} reasons are local overload, where a message is dropped rather than buffered
 * without limit; the rest are plain events.
 */
public enum TransportCounter {
  /** A replica link announced a frame above the maximum (or a negative length). */
  FRAME_TOO_LONG,
  /** A replica link closed in the middle of a frame. */
  FRAME_TRUNCATED,
  /** A client connection announced a frame above the maximum (or a negative length). */
  CLIENT_FRAME_TOO_LONG,
  /** A client connection closed in the middle of a frame. */
  CLIENT_FRAME_TRUNCATED,

  /** A hello that is not a well-formed version-1 replica envelope carrying a link hello. */
  HELLO_MALFORMED,
  /** A hello naming a sender that is not another replica of the consortium. */
  HELLO_UNKNOWN_SENDER,
  /** On a link we dialled, a hello from a replica other than the one we dialled. */
  HELLO_WRONG_PEER,
  /** A hello naming another consortium. */
  HELLO_WRONG_CONSORTIUM,
  /** A proof whose signature does not verify under the named replica's key. */
  HELLO_BAD_SIGNATURE,
  /**
   * A validly signed proof that does not answer this connection's fresh challenge, or that was
   * made for another replica: a replay or a relay.
   */
  HELLO_STALE_CHALLENGE,
  /** A link that did not finish authenticating within the handshake timeout. */
  HELLO_TIMEOUT,
  /** A TLS handshake on a replica link failed (no certificate, or one not from the CA). */
  TLS_HANDSHAKE_FAILED,
  /** A valid hello from a replica whose TLS certificate names another replica. */
  HELLO_TLS_MISMATCH,
  /** An incoming link refused because too many others were still authenticating. */
  HELLO_PENDING_FULL,

  /** A message for a peer dropped because its outbound queue was at its bound. */
  OUTBOUND_QUEUE_FULL,
  /** A message dropped because it was larger than the frame maximum. */
  OUTBOUND_TOO_LARGE,
  /** An inbound frame dropped because the inbound executor refused it. */
  INBOUND_DROPPED,
  /** A reply dropped: its client channel was closed, unknown or not writable. */
  CLIENT_REPLY_DROPPED,
  /** A client connection refused because the client listener was at its bound. */
  CLIENT_CONNECTIONS_FULL,
  /** A client connection closed because it sent nothing for the client idle timeout. */
  CLIENT_IDLE_CLOSED,

  /** A replica link that finished authenticating in both directions. */
  LINK_AUTHENTICATED,
  /** An outbound connection attempt to a peer. */
  CONNECT_ATTEMPT,
  /** An outbound connection attempt that failed before the link opened. */
  CONNECT_FAILED,
  /** A replica frame handed to the inbound handler. */
  REPLICA_FRAME_RECEIVED,
  /** A client frame handed to the inbound handler. */
  CLIENT_FRAME_RECEIVED
}
