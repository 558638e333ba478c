package io.phalanx.crypto.feldman;

import java.util.List;
import java.util.Objects;

/**
 * The output of a Feldman dealing: the public commitments and one share per participant
 * (share i has index i). The shares are secret; their {@code toString} hides their values.
 *
 * @param commitments published with the shares, e.g. on the ledger
 * @param shares one per participant, in index order, each to be sent (sealed) to its holder
 */
public record Dealing(FeldmanCommitments commitments, List<FeldmanShare> shares) {
  public Dealing {
    Objects.requireNonNull(commitments, "commitments");
    shares = List.copyOf(shares);
  }
}
