package io.phalanx.pbft.core;

import io.phalanx.crypto.PrivateKey;
import io.phalanx.crypto.Sha256;
import io.phalanx.crypto.SigningKeyPair;
import java.nio.charset.StandardCharsets;

/** The same deterministic keys the simulator uses, derived here so core tests depend on crypto only. */
final class TestKeys {
  private TestKeys() {}

  static SigningKeyPair replica(int index) {
    return derive("phalanx-sim-replica-" + index);
  }

  static SigningKeyPair client(long clientId) {
    return derive("phalanx-sim-client-" + clientId);
  }

  private static SigningKeyPair derive(String label) {
    return SigningKeyPair.of(PrivateKey.of(Sha256.hash(label.getBytes(StandardCharsets.UTF_8)).toByteArray()));
  }
}
