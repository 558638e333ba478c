package io.phalanx.ledger.state;

import io.phalanx.crypto.Bytes;
import java.util.List;
import java.util.Objects;

/**
 * One layer of a secret's sealed shares: the put's shares (layer 0) or one refresh's delta
 * shares. A replica's current share is its layer-0 share plus its delta of every later layer.
 *
 * @param version the secret's version that the layer created (bound in the boxes' associated data)
 * @param commitments the layer's Feldman commitments (FeldmanCommitments encoding); a refresh
 *     layer's share zero
 * @param boxes one SealedBox encoding per replica, by replica index
 */
public record VaultShareLayer(long version, Bytes commitments, List<Bytes> boxes) {
  public VaultShareLayer {
    Objects.requireNonNull(commitments, "commitments");
    boxes = List.copyOf(boxes);
  }
}
