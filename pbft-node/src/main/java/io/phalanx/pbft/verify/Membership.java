package io.phalanx.pbft.verify;

import io.phalanx.crypto.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Who may sign: replica keys by index (0..n-1) and admitted clients' keys by client id. */
public record Membership(List<PublicKey> replicaKeys, SortedMap<Long, PublicKey> clientKeys) {
  public Membership {
    replicaKeys = List.copyOf(replicaKeys);
    clientKeys = new TreeMap<>(clientKeys);
  }

  public int replicas() {
    return replicaKeys.size();
  }

  Optional<PublicKey> replicaKey(long index) {
    return index >= 0 && index < replicaKeys.size()
        ? Optional.of(replicaKeys.get((int) index)) : Optional.empty();
  }

  Optional<PublicKey> clientKey(long clientId) {
    return Optional.ofNullable(clientKeys.get(clientId));
  }
}
