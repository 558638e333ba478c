package io.phalanx.pbft.sim;

import io.phalanx.crypto.PrivateKey;
import io.phalanx.crypto.PublicKey;
import io.phalanx.crypto.Sha256;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.pbft.verify.Membership;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Deterministic test keys derived from a label, so every run (and every seed) uses the same keys
 * and a bounded verification cache can be shared between runs. Never use outside simulation.
 */
public final class SimKeys {
  private SimKeys() {}

  public static SigningKeyPair replica(int index) {
    return derive("phalanx-sim-replica-" + index);
  }

  public static SigningKeyPair client(long clientId) {
    return derive("phalanx-sim-client-" + clientId);
  }

  /** A key nobody admitted: what a forger signs with. */
  public static SigningKeyPair impostor(long index) {
    return derive("phalanx-sim-impostor-" + index);
  }

  public static Membership membership(int replicas, List<Long> clientIds) {
    List<PublicKey> replicaKeys = new ArrayList<>();
    for (int index = 0; index < replicas; index++) {
      replicaKeys.add(replica(index).publicKey());
    }
    TreeMap<Long, PublicKey> clientKeys = new TreeMap<>();
    for (long clientId : clientIds) {
      clientKeys.put(clientId, client(clientId).publicKey());
    }
    return new Membership(replicaKeys, clientKeys);
  }

  private static final java.util.TreeMap<String, SigningKeyPair> DERIVED = new java.util.TreeMap<>();

  private static SigningKeyPair derive(String label) {
    synchronized (DERIVED) {
      return DERIVED.computeIfAbsent(label, SimKeys::deriveFresh);
    }
  }

  private static SigningKeyPair deriveFresh(String label) {
    return SigningKeyPair.of(PrivateKey.of(Sha256.hash(label.getBytes(StandardCharsets.UTF_8)).toByteArray()));
  }
}
