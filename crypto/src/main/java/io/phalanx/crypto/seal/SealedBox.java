package io.phalanx.crypto.seal;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.InvalidEncodingException;
import io.phalanx.crypto.SealingPublicKey;
import java.util.Arrays;
import java.util.Objects;

/**
 * Data sealed to an X25519 public key by {@link Sealer}: the sender's ephemeral public key, the
 * AES-GCM nonce, and the ciphertext followed by its tag.
 *
 * <p>Encoding ({@link #toBytes()}): {@code version (1, = 1) ‖ ephemeral key (32) ‖ nonce (12) ‖
 * ciphertext ‖ tag (16)}, nothing else. {@link #fromBytes} accepts exactly that.
 *
 * @param ephemeralKey the sender's one-time X25519 public key
 * @param nonce the 12-byte AES-GCM nonce
 * @param ciphertextAndTag the AES-256-GCM ciphertext followed by its 16-byte tag
 */
public record SealedBox(SealingPublicKey ephemeralKey, Bytes nonce, Bytes ciphertextAndTag) {
  public static final byte VERSION = 1;
  public static final int NONCE_LENGTH_BYTES = 12;
  public static final int TAG_LENGTH_BYTES = AesGcm.TAG_LENGTH_BYTES;
  private static final int HEADER_LENGTH_BYTES = 1 + SealingPublicKey.LENGTH_BYTES + NONCE_LENGTH_BYTES;
  public static final int LENGTH_BYTES_MIN = HEADER_LENGTH_BYTES + TAG_LENGTH_BYTES;

  public SealedBox {
    Objects.requireNonNull(ephemeralKey, "ephemeralKey");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(ciphertextAndTag, "ciphertextAndTag");
    if (nonce.length() != NONCE_LENGTH_BYTES) {
      throw new InvalidEncodingException(
          "a sealed box nonce is " + NONCE_LENGTH_BYTES + " bytes, got " + nonce.length());
    }
    if (ciphertextAndTag.length() < TAG_LENGTH_BYTES) {
      throw new InvalidEncodingException("a sealed box ciphertext holds at least its "
          + TAG_LENGTH_BYTES + "-byte tag, got " + ciphertextAndTag.length() + " bytes");
    }
  }

  /**
   * Decodes {@link #toBytes()}'s format strictly.
   *
   * @throws InvalidEncodingException on an unknown version, a short input, or an ephemeral key
   *     that is not canonical or of small order
   */
  public static SealedBox fromBytes(byte[] encoded) {
    Objects.requireNonNull(encoded, "encoded");
    if (encoded.length < LENGTH_BYTES_MIN) {
      throw new InvalidEncodingException(
          "a sealed box is at least " + LENGTH_BYTES_MIN + " bytes, got " + encoded.length);
    }
    if (encoded[0] != VERSION) {
      throw new InvalidEncodingException("unknown sealed box version " + (encoded[0] & 0xff));
    }
    int keyEnd = 1 + SealingPublicKey.LENGTH_BYTES;
    SealingPublicKey ephemeralKey = SealingPublicKey.of(Arrays.copyOfRange(encoded, 1, keyEnd));
    return new SealedBox(ephemeralKey,
        Bytes.of(encoded, keyEnd, NONCE_LENGTH_BYTES),
        Bytes.of(encoded, HEADER_LENGTH_BYTES, encoded.length - HEADER_LENGTH_BYTES));
  }

  public static SealedBox fromBytes(Bytes encoded) {
    return fromBytes(Objects.requireNonNull(encoded, "encoded").toByteArray());
  }

  public Bytes toBytes() {
    byte[] out = new byte[HEADER_LENGTH_BYTES + ciphertextAndTag.length()];
    out[0] = VERSION;
    ephemeralKey.toBytes().copyTo(out, 1);
    nonce.copyTo(out, 1 + SealingPublicKey.LENGTH_BYTES);
    ciphertextAndTag.copyTo(out, HEADER_LENGTH_BYTES);
    return Bytes.wrapOwned(out);
  }
}
