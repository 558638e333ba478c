package io.phalanx.crypto;

import java.util.Objects;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 verification (RFC 8032, with BouncyCastle's low-level implementation, which rejects
 * non-canonical encodings and S ≥ L). Stateless and thread-safe.
 */
public final class Ed25519Verifier {
  private Ed25519Verifier() {}

  /** True iff {@code signature} is a valid signature of exactly {@code message} under {@code key}. */
  public static boolean isValid(PublicKey key, byte[] message, Signature signature) {
    return isValid(key, message, 0, message.length, signature);
  }

  public static boolean isValid(PublicKey key, byte[] message, int offset, int length,
      Signature signature) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(signature, "signature");
    // BouncyCastle hashes nothing for a negative length: without this check a signature over the
    // empty message would verify for any message passed with length -1.
    Objects.checkFromIndexSize(offset, length, message.length);
    return Ed25519.verify(signature.internalArray(), 0, key.point(), message, offset, length);
  }

  public static boolean isValid(PublicKey key, Bytes message, Signature signature) {
    return isValid(key, message.internalArray(), signature);
  }

  /**
   * Verifies, throwing when the signature is bad.
   *
   * @throws InvalidSignatureException if the signature does not verify
   */
  public static void check(PublicKey key, byte[] message, Signature signature) {
    if (!isValid(key, message, signature)) {
      throw new InvalidSignatureException("the Ed25519 signature does not verify under " + key);
    }
  }
}
