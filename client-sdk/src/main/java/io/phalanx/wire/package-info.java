/**
 * The wire edge shared by the client SDK and the replica node: the frame format
 * ({@link io.phalanx.wire.Framing}), the socket options ({@link io.phalanx.wire.SocketSettings})
 * and signed envelopes ({@link io.phalanx.wire.Envelopes}). Generated protobuf classes stop here
 * and in the codecs built on it.
 */
package io.phalanx.wire;
