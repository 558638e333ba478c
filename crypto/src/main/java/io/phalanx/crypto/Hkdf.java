package io.phalanx.crypto;

import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * HKDF with HMAC-SHA-256 (RFC 5869), extract then expand, through BouncyCastle's
 * {@code HKDFBytesGenerator}. Stateless and thread-safe.
 *
 * <p>BouncyCastle copies the input key material into its own parameter and HMAC state, which this
 * class cannot zero; the caller zeroes its own arrays.
 */
public final class Hkdf {
  /** RFC 5869 limits the output to 255 blocks of the hash's 32 bytes. */
  public static final int OUTPUT_LENGTH_BYTES_MAX = 255 * 32;

  private Hkdf() {}

  /**
   * Derives {@code lengthBytes} bytes. An empty salt means the RFC's default (32 zero bytes).
   *
   * @throws IllegalArgumentException if {@code lengthBytes} is negative or above
   *     {@link #OUTPUT_LENGTH_BYTES_MAX}
   */
  public static byte[] sha256(byte[] inputKeyMaterial, byte[] salt, byte[] info, int lengthBytes) {
    Objects.requireNonNull(inputKeyMaterial, "inputKeyMaterial");
    Objects.requireNonNull(salt, "salt");
    Objects.requireNonNull(info, "info");
    if (lengthBytes < 0 || lengthBytes > OUTPUT_LENGTH_BYTES_MAX) {
      throw new IllegalArgumentException("HKDF-SHA-256 output is 0.." + OUTPUT_LENGTH_BYTES_MAX
          + " bytes, asked for " + lengthBytes);
    }
    HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
    generator.init(new HKDFParameters(inputKeyMaterial, salt.length == 0 ? null : salt, info));
    byte[] output = new byte[lengthBytes];
    generator.generateBytes(output, 0, lengthBytes);
    return output;
  }
}
