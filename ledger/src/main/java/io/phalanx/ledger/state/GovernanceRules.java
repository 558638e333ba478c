package io.phalanx.ledger.state;

import io.phalanx.crypto.PublicKey;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The organisations named in the genesis (name to approval key) and m, the number of distinct
 * organisations whose approvals a governance proposal needs.
 */
public record GovernanceRules(SortedMap<String, PublicKey> organisations, int threshold) {
  public GovernanceRules {
    Objects.requireNonNull(organisations, "organisations");
    organisations = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(organisations));
    if (threshold < 1 || threshold > organisations.size()) {
      throw new IllegalArgumentException("governance threshold " + threshold
          + " outside 1.." + organisations.size());
    }
  }
}
