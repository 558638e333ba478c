package io.phalanx.client.vault;

import java.util.Arrays;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A secret read from the vault, with the replicas whose shares were bad or missing. Not a record:
 * it holds secret bytes, which {@link #destroy()} zeroes and {@link #toString()} never shows.
 */
public final class RecoveredSecret implements AutoCloseable {
  private final byte[] secret;
  private final long version;
  private final SortedMap<Integer, ShareFault> suspects;
  private boolean destroyed;

  RecoveredSecret(byte[] secret, long version, SortedMap<Integer, ShareFault> suspects) {
    this.secret = secret;
    this.version = version;
    this.suspects = Collections.unmodifiableSortedMap(new TreeMap<>(suspects));
  }

  /** A copy of the secret; the caller should zero it after use. */
  public byte[] secret() {
    if (destroyed) {
      throw new IllegalStateException("the recovered secret was destroyed");
    }
    return secret.clone();
  }

  /** The version of the secret that was read. */
  public long version() {
    return version;
  }

  /** Replica index to what was wrong with its share; empty when every replica sent a good one. */
  public SortedMap<Integer, ShareFault> suspects() {
    return suspects;
  }

  public void destroy() {
    Arrays.fill(secret, (byte) 0);
    destroyed = true;
  }

  @Override
  public void close() {
    destroy();
  }

  @Override
  public String toString() {
    return "RecoveredSecret[version=" + version + ", bytes=<redacted>, suspects=" + suspects + "]";
  }
}
