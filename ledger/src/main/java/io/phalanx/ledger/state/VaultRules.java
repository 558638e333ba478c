package io.phalanx.ledger.state;

/**
 * What the vault needs from the genesis: n, the replica count. Shares are dealt one per replica
 * with threshold f + 1, f = (n − 1) / 3; the vault needs f ≥ 1 (Feldman thresholds start at 2).
 */
public record VaultRules(int replicaCount) {
  /** Rules under which every vault operation answers UNSUPPORTED_OPERATION. */
  public static final VaultRules DISABLED = new VaultRules(0);

  public boolean isEnabled() {
    return replicaCount >= 4 && replicaCount <= 255;
  }

  /** f + 1: the shares that reconstruct a secret. */
  public int threshold() {
    return (replicaCount - 1) / 3 + 1;
  }
}
