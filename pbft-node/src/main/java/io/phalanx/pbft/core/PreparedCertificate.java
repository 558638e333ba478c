package io.phalanx.pbft.core;

import java.util.List;
import java.util.Objects;

/** A pre-prepare and 2f matching prepares from distinct backups, as their signed envelopes. */
public record PreparedCertificate(SignedMessage prePrepare, List<SignedMessage> prepares) {
  public PreparedCertificate {
    Objects.requireNonNull(prePrepare, "prePrepare");
    prepares = List.copyOf(prepares);
  }

  public PrePrepare prePrepareMessage() {
    return prePrepare.as(PrePrepare.class);
  }

  public long view() {
    return prePrepareMessage().view();
  }

  public long sequence() {
    return prePrepareMessage().sequence();
  }
}
