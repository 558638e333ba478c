package io.phalanx.client;

import io.phalanx.config.HostPort;
import io.phalanx.crypto.PublicKey;
import io.phalanx.protocol.Genesis;
import io.phalanx.protocol.ReplicaIdentity;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the client needs from the genesis: each replica's signing key and client address, indexed
 * by replica number, checked to be complete (replicas 0..n-1, n = 3f+1 with f ≥ 0).
 */
record Consortium(List<PublicKey> keys, List<InetSocketAddress> addresses) {
  Consortium {
    keys = List.copyOf(keys);
    addresses = List.copyOf(addresses);
  }

  int replicas() {
    return keys.size();
  }

  /** @throws IllegalArgumentException naming the replica whose entry is unusable */
  static Consortium of(Genesis genesis) {
    int n = genesis.getReplicasCount();
    if (n == 0 || (n - 1) % 3 != 0) {
      throw new IllegalArgumentException("the genesis must list 3f+1 replicas, it lists " + n);
    }
    PublicKey[] keys = new PublicKey[n];
    InetSocketAddress[] addresses = new InetSocketAddress[n];
    for (ReplicaIdentity replica : genesis.getReplicasList()) {
      int index = replica.getIndex();
      if (index < 0 || index >= n || keys[index] != null) {
        throw new IllegalArgumentException("the genesis has a bad or repeated replica index " + index);
      }
      try {
        keys[index] = PublicKey.of(replica.getSigningKey().toByteArray());
        HostPort address = HostPort.parse(replica.getClientAddress());
        addresses[index] = InetSocketAddress.createUnresolved(address.host(), address.port());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("genesis replica " + index + ": " + e.getMessage(), e);
      }
    }
    return new Consortium(Arrays.asList(keys), new ArrayList<>(Arrays.asList(addresses)));
  }
}
