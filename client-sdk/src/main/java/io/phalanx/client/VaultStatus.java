package io.phalanx.client;

import io.phalanx.protocol.VaultAccess;
import java.util.List;

/**
 * A secret's status as the ledger keeps it: current version, threshold (f + 1), whether it was
 * deleted, replica acks (always 0 for now) and a page of its access log — every get, allowed or
 * refused, and every change or refused change attempt, in ledger time.
 */
public record VaultStatus(String name, long version, int threshold, boolean deleted, int acks,
    List<VaultAccess> accesses) {
  public VaultStatus {
    accesses = List.copyOf(accesses);
  }
}
