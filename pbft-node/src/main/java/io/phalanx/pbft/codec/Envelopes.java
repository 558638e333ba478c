package io.phalanx.pbft.codec;

import com.google.protobuf.ByteString;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.protocol.SenderKind;

/**
 * Seals payload bytes into a signed envelope, as the opaque {@link Bytes} the core keeps. The
 * envelope layout and signing are the shared wire edge's ({@link io.phalanx.wire.Envelopes}).
 */
public final class Envelopes {
  private Envelopes() {}

  public static Bytes seal(SenderKind kind, long senderId, byte[] payload, SigningKeyPair keys) {
    return Bytes.wrapOwned(io.phalanx.wire.Envelopes.sign(kind, senderId,
        ByteString.copyFrom(payload), keys).toByteArray());
  }
}
