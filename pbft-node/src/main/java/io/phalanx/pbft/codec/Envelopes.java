package io.phalanx.pbft.codec;

import com.google.protobuf.ByteString;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.protocol.SenderKind;
import io.phalanx.protocol.SignedEnvelope;

/** Seals payload bytes into a signed envelope (version 1): the signature covers exactly them. */
public final class Envelopes {
  public static final int VERSION = 1;

  private Envelopes() {}

  public static Bytes seal(SenderKind kind, long senderId, byte[] payload, SigningKeyPair keys) {
    return Bytes.wrapOwned(SignedEnvelope.newBuilder().setVersion(VERSION).setSenderKind(kind)
        .setSenderId(senderId).setPayload(ByteString.copyFrom(payload))
        .setSignature(ByteString.copyFrom(keys.sign(payload).toByteArray())).build().toByteArray());
  }
}
