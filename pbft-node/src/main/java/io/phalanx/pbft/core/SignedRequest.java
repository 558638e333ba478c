package io.phalanx.pbft.core;

import io.phalanx.crypto.Bytes;
import java.util.Objects;

/** A verified client request with the client's original signed envelope. */
public record SignedRequest(Request request, Bytes envelope) {
  public SignedRequest {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(envelope, "envelope");
  }
}
