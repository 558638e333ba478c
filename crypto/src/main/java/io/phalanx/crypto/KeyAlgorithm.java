package io.phalanx.crypto;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The two RFC 8410 key types Phalanx stores in files, with their fixed DER encodings:
 * PKCS#8 {@code PrivateKeyInfo} (version 0, algorithm OID, no parameters, the 32-byte key in an
 * OCTET STRING inside the privateKey OCTET STRING) and {@code SubjectPublicKeyInfo} (algorithm
 * OID, the 32-byte key in a BIT STRING). Both are fixed-length, so they are matched byte for byte
 * against a known prefix instead of parsed: no ASN.1 library, no copies of the key to leak.
 */
enum KeyAlgorithm {
  ED25519("Ed25519", "1.3.101.112", (byte) 0x70),
  X25519("X25519", "1.3.101.110", (byte) 0x6e);

  static final int KEY_LENGTH_BYTES = 32;

  private final String displayName;
  private final String oid;
  private final byte[] privatePrefix;
  private final byte[] publicPrefix;

  KeyAlgorithm(String displayName, String oid, byte oidLastByte) {
    this.displayName = displayName;
    this.oid = oid;
    // SEQUENCE(46) { INTEGER 0, SEQUENCE { OID 1.3.101.x }, OCTET STRING(34) { OCTET STRING(32) } }
    this.privatePrefix = HexFormat.of().parseHex("302e020100300506032b65" + hex(oidLastByte) + "04220420");
    // SEQUENCE(42) { SEQUENCE { OID 1.3.101.x }, BIT STRING(33) { 0 unused bits, 32 bytes } }
    this.publicPrefix = HexFormat.of().parseHex("302a300506032b65" + hex(oidLastByte) + "032100");
  }

  private static String hex(byte b) {
    return HexFormat.of().toHexDigits(b);
  }

  String displayName() {
    return displayName;
  }

  /** The PKCS#8 DER for a 32-byte private key; the caller zeroes it. */
  byte[] encodePrivate(byte[] key) {
    return join(privatePrefix, key);
  }

  byte[] encodePublic(byte[] key) {
    return join(publicPrefix, key);
  }

  /**
   * The 32-byte private key inside PKCS#8 DER; the caller zeroes it.
   *
   * @throws InvalidEncodingException if the DER is not exactly this algorithm's PrivateKeyInfo
   */
  byte[] decodePrivate(byte[] der) {
    return extract(der, true, "PKCS#8 private key");
  }

  /** @throws InvalidEncodingException if the DER is not exactly this algorithm's SubjectPublicKeyInfo */
  byte[] decodePublic(byte[] der) {
    return extract(der, false, "SubjectPublicKeyInfo public key");
  }

  private boolean matches(byte[] der, boolean isPrivate) {
    byte[] prefix = isPrivate ? privatePrefix : publicPrefix;
    return der.length == prefix.length + KEY_LENGTH_BYTES
        && Arrays.equals(der, 0, prefix.length, prefix, 0, prefix.length);
  }

  private byte[] extract(byte[] der, boolean isPrivate, String what) {
    if (matches(der, isPrivate)) {
      return Arrays.copyOfRange(der, der.length - KEY_LENGTH_BYTES, der.length);
    }
    for (KeyAlgorithm other : values()) {
      if (other != this && other.matches(der, isPrivate)) {
        throw new InvalidEncodingException("holds an " + other.displayName + " " + what
            + " (OID " + other.oid + "), expected " + displayName + " (OID " + oid + ")");
      }
    }
    throw new InvalidEncodingException("not an RFC 8410 " + displayName + " " + what
        + " (OID " + oid + "): " + der.length + " bytes of DER that do not match its fixed form");
  }

  private static byte[] join(byte[] prefix, byte[] key) {
    if (key.length != KEY_LENGTH_BYTES) {
      throw new IllegalArgumentException("an RFC 8410 key is 32 bytes, got " + key.length);
    }
    byte[] out = Arrays.copyOf(prefix, prefix.length + KEY_LENGTH_BYTES);
    System.arraycopy(key, 0, out, prefix.length, KEY_LENGTH_BYTES);
    return out;
  }
}
