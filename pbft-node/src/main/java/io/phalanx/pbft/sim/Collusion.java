package io.phalanx.pbft.sim;

import io.phalanx.crypto.Digest;
import java.util.Optional;
import java.util.TreeMap;

/** What the Byzantine replicas of one run agreed to tell each correct replica. */
final class Collusion {
  private final TreeMap<String, Digest> digestFor = new TreeMap<>();

  void tell(long view, long sequence, int replica, Digest digest) {
    digestFor.put(view + "/" + sequence + "/" + replica, digest);
  }

  Optional<Digest> told(long view, long sequence, int replica) {
    return Optional.ofNullable(digestFor.get(view + "/" + sequence + "/" + replica));
  }
}
