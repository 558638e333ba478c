package io.phalanx.ledger.state;

import io.phalanx.crypto.Bytes;
import java.util.Objects;

/** An organisation's Ed25519 signature over the exact serialised proposal bytes. */
public record GovernanceApproval(String organisation, Bytes signature) {
  public GovernanceApproval {
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(signature, "signature");
  }
}
