package io.phalanx.ledger.state;

import io.phalanx.crypto.Bytes;
import java.util.List;
import java.util.Objects;

/**
 * A vault secret as the ledger stores it. Nothing here is secret to the replicas: the secret is
 * encrypted under a data key that only f + 1 shares recover, and each share is sealed to one
 * replica's X25519 key.
 *
 * @param version 1 at the first put, + 1 at every put, refresh and delete
 * @param commitments the current Feldman commitments (layer 0 plus every refresh layer)
 * @param encryptedSecret AES-256-GCM nonce ‖ ciphertext ‖ tag; empty once deleted
 * @param layers the sealed shares, layer 0 first; empty once deleted
 */
public record VaultRecord(String name, long version, VaultPolicy policy, int threshold,
    Bytes commitments, Bytes encryptedSecret, List<VaultShareLayer> layers, boolean deleted) {
  public VaultRecord {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(commitments, "commitments");
    Objects.requireNonNull(encryptedSecret, "encryptedSecret");
    layers = List.copyOf(layers);
  }
}
