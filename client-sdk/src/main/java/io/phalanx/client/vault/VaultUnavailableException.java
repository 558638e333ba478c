package io.phalanx.client.vault;

import io.phalanx.client.PhalanxClientException;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Fewer than f + 1 replicas sent a share that verifies against the commitments: the secret
 * cannot be recovered now. Names every replica that sent a bad share or none, and why. No
 * partial or guessed secret is ever returned instead.
 */
public final class VaultUnavailableException extends PhalanxClientException {
  private static final long serialVersionUID = 1L;
  private final transient SortedMap<Integer, ShareFault> suspects;

  public VaultUnavailableException(int goodShares, int threshold,
      SortedMap<Integer, ShareFault> suspects) {
    super(goodShares + " good shares, " + threshold + " needed; suspects " + suspects);
    this.suspects = Collections.unmodifiableSortedMap(new TreeMap<>(suspects));
  }

  /** Replica index to what was wrong with its share. */
  public SortedMap<Integer, ShareFault> suspects() {
    return suspects;
  }
}
