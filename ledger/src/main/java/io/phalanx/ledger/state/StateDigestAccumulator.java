package io.phalanx.ledger.state;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.crypto.Sha256;
import java.nio.ByteBuffer;

/**
 * An additive multiset hash over the live state entries: the running sum, modulo 2^256, of
 * {@code SHA-256(u32 keyLength || key || value)} for every entry. A changed entry subtracts its
 * old hash and adds its new one, so a block updates the digest in time proportional to what it
 * changed, and the result does not depend on the order entries were written.
 *
 * <p>The state digest is {@code SHA-256("phalanx.state.v1" || sum)} (sum as 32 big-endian bytes).
 * Mutable; owned by the ledger's executor thread.
 */
public final class StateDigestAccumulator {
  private static final byte[] DOMAIN = "phalanx.state.v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  /** Four 64-bit words, most significant first. */
  private final long[] words = new long[4];

  public StateDigestAccumulator() {}

  /** An accumulator holding a sum saved with {@link #toBytes()}. */
  public static StateDigestAccumulator fromBytes(Bytes saved) {
    if (saved.length() != 32) {
      throw new IllegalArgumentException("an accumulator is 32 bytes, got " + saved.length());
    }
    StateDigestAccumulator accumulator = new StateDigestAccumulator();
    ByteBuffer in = ByteBuffer.wrap(saved.toByteArray());
    for (int i = 0; i < 4; i++) {
      accumulator.words[i] = in.getLong();
    }
    return accumulator;
  }

  /** The hash one entry contributes to the sum. */
  public static Digest entryHash(Bytes key, Bytes value) {
    return Sha256.hasher().updateInt(key.length()).update(key).update(value).finish();
  }

  public void add(Bytes key, Bytes value) {
    addWords(entryHash(key, value), false);
  }

  public void remove(Bytes key, Bytes value) {
    addWords(entryHash(key, value), true);
  }

  public Bytes toBytes() {
    ByteBuffer out = ByteBuffer.allocate(32);
    for (long word : words) {
      out.putLong(word);
    }
    return Bytes.wrapOwned(out.array());
  }

  public Digest digest() {
    return Sha256.hasher().update(DOMAIN).update(toBytes()).finish();
  }

  public StateDigestAccumulator copy() {
    return fromBytes(toBytes());
  }

  private void addWords(Digest hash, boolean negate) {
    ByteBuffer in = ByteBuffer.wrap(hash.toByteArray());
    long[] operand = new long[4];
    for (int i = 0; i < 4; i++) {
      operand[i] = negate ? ~in.getLong() : in.getLong();
    }
    // Two's complement: -x = ~x + 1 (mod 2^256).
    long carry = negate ? 1 : 0;
    for (int i = 3; i >= 0; i--) {
      long sum = words[i] + operand[i];
      long carryOut = Long.compareUnsigned(sum, words[i]) < 0 ? 1 : 0;
      long withCarry = sum + carry;
      if (carry == 1 && withCarry == 0) {
        carryOut = 1;
      }
      words[i] = withCarry;
      carry = carryOut;
    }
  }
}
