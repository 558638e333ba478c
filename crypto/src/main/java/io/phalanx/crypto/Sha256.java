package io.phalanx.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 (FIPS 180-4). Uses the JDK's implementation, which the JIT backs with CPU intrinsics.
 *
 * <p>The static methods are thread-safe. A {@link Hasher} is not: one per thread.
 */
public final class Sha256 {
  private Sha256() {}

  public static Digest hash(byte[] data) {
    return hash(data, 0, data.length);
  }

  public static Digest hash(byte[] data, int offset, int length) {
    MessageDigest digest = newMessageDigest();
    digest.update(data, offset, length);
    return Digest.wrapOwned(digest.digest());
  }

  public static Digest hash(Bytes data) {
    return hash(data.internalArray());
  }

  /** An incremental hasher, for digests over several parts. */
  public static Hasher hasher() {
    return new Hasher(newMessageDigest());
  }

  private static MessageDigest newMessageDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  /** Feeds parts in order; {@link #finish()} gives the digest of their concatenation. */
  public static final class Hasher {
    private final MessageDigest digest;

    private Hasher(MessageDigest digest) {
      this.digest = digest;
    }

    public Hasher update(byte[] data) {
      digest.update(data);
      return this;
    }

    public Hasher update(byte[] data, int offset, int length) {
      digest.update(data, offset, length);
      return this;
    }

    public Hasher update(Bytes data) {
      data.updateDigest(digest);
      return this;
    }

    public Hasher update(Digest data) {
      data.updateDigest(digest);
      return this;
    }

    /** Feeds a long as 8 big-endian bytes. */
    public Hasher updateLong(long value) {
      for (int shift = 56; shift >= 0; shift -= 8) {
        digest.update((byte) (value >>> shift));
      }
      return this;
    }

    /** Feeds an int as 4 big-endian bytes. */
    public Hasher updateInt(int value) {
      for (int shift = 24; shift >= 0; shift -= 8) {
        digest.update((byte) (value >>> shift));
      }
      return this;
    }

    public Digest finish() {
      return Digest.wrapOwned(digest.digest());
    }
  }
}
