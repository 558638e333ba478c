package io.phalanx.pbft.core;

import io.phalanx.crypto.Bytes;
import java.util.Objects;

/**
 * A verified message together with the original signed envelope bytes it came in. Certificates
 * are built from these envelopes, never from re-serialised records.
 */
public record SignedMessage(Message message, Bytes envelope) {
  public SignedMessage {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(envelope, "envelope");
  }

  /** The message as {@code type}; throws {@link ClassCastException} if it is another kind. */
  public <T extends Message> T as(Class<T> type) {
    return type.cast(message);
  }
}
