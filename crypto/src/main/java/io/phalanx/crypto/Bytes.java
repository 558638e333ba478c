package io.phalanx.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable sequence of bytes with value equality, for use inside records (a {@code byte[]}
 * field would compare by identity and could be changed behind the record's back).
 *
 * <p>{@link #equals} is constant-time for equal lengths, so a {@code Bytes} holding a MAC or a
 * digest may be compared without leaking where it differs.
 */
public final class Bytes implements Comparable<Bytes> {
  private static final Bytes EMPTY = new Bytes(new byte[0]);
  private static final HexFormat HEX = HexFormat.of();

  private final byte[] bytes;

  private Bytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A copy of {@code bytes}; later changes to the array do not reach the result. */
  public static Bytes of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
  }

  /** A copy of {@code length} bytes of {@code bytes} from {@code offset}. */
  public static Bytes of(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(bytes, "bytes").length);
    return new Bytes(Arrays.copyOfRange(bytes, offset, offset + length));
  }

  /**
   * Takes ownership of {@code bytes} without copying. The caller must not change the array
   * afterwards; use this only for arrays the caller has just made.
   */
  public static Bytes wrapOwned(byte[] bytes) {
    return new Bytes(Objects.requireNonNull(bytes, "bytes"));
  }

  public static Bytes empty() {
    return EMPTY;
  }

  /** Parses lower- or upper-case hexadecimal; throws {@link IllegalArgumentException} on bad input. */
  public static Bytes fromHex(String hex) {
    return new Bytes(HEX.parseHex(Objects.requireNonNull(hex, "hex")));
  }

  public int length() {
    return bytes.length;
  }

  public boolean isEmpty() {
    return bytes.length == 0;
  }

  public byte byteAt(int index) {
    return bytes[index];
  }

  /** A fresh copy of the bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** Copies the bytes into {@code destination} at {@code offset}. */
  public void copyTo(byte[] destination, int offset) {
    System.arraycopy(bytes, 0, destination, offset, bytes.length);
  }

  /** Feeds the bytes to {@code digest} without copying them. */
  public void updateDigest(MessageDigest digest) {
    digest.update(bytes);
  }

  public String toHex() {
    return HEX.formatHex(bytes);
  }

  public Bytes concat(Bytes other) {
    byte[] joined = Arrays.copyOf(bytes, bytes.length + other.bytes.length);
    System.arraycopy(other.bytes, 0, joined, bytes.length, other.bytes.length);
    return new Bytes(joined);
  }

  /** Package-private view for this module's own code, which never changes it. */
  byte[] internalArray() {
    return bytes;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Bytes that && MessageDigest.isEqual(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Unsigned lexicographic order, shorter first on a common prefix. */
  @Override
  public int compareTo(Bytes other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public String toString() {
    return bytes.length <= 16 ? HEX.formatHex(bytes)
        : HEX.formatHex(bytes, 0, 8) + "…(" + bytes.length + " bytes)";
  }
}
