package io.phalanx.pbft.codec;

import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.pbft.core.Request;
import io.phalanx.pbft.core.SignedRequest;
import io.phalanx.protocol.SenderKind;

/** A client's signed request envelope. */
public final class RequestSigner {
  private RequestSigner() {}

  public static SignedRequest sign(Request request, SigningKeyPair keys) {
    return new SignedRequest(request, Envelopes.seal(SenderKind.SENDER_KIND_CLIENT,
        request.clientId(), PayloadCodec.encodeRequest(request), keys));
  }
}
