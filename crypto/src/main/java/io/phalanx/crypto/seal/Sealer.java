package io.phalanx.crypto.seal;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Hkdf;
import io.phalanx.crypto.InvalidEncodingException;
import io.phalanx.crypto.SealingException;
import io.phalanx.crypto.SealingKeyPair;
import io.phalanx.crypto.SealingPublicKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * Seals data to an X25519 public key so that only the holder of the private key can open it
 * (an ECIES-style construction, close to HPKE's base mode):
 *
 * <ol>
 *   <li>a fresh ephemeral X25519 key pair; shared secret {@code z = X25519(e, recipient)}, refused
 *       if all zeros;
 *   <li>{@code key = HKDF-SHA256(ikm = z, salt = ephemeral public ‖ recipient public,
 *       info = "phalanx sealed box v1", 32 bytes)}: binds both public keys and the version, so a
 *       box cannot be replayed to another recipient or read under another version;
 *   <li>AES-256-GCM with a random 96-bit nonce over the plaintext and the caller's associated
 *       data (a key is used once, so the nonce could be fixed; a random one costs 12 bytes).
 * </ol>
 *
 * <p>Stateless and thread-safe. Every failure to open is a {@link SealingException}; no wrong
 * plaintext is ever returned. Shared secrets and derived keys are zeroed after use.
 */
public final class Sealer {
  private static final byte[] INFO = "phalanx sealed box v1".getBytes(StandardCharsets.US_ASCII);
  private static final int KEY_LENGTH_BYTES = 32;

  private Sealer() {}

  /** Seals {@code plaintext} to {@code recipient}, binding {@code associatedData}. */
  public static SealedBox seal(SealingPublicKey recipient, byte[] plaintext, byte[] associatedData,
      SecureRandom random) {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(plaintext, "plaintext");
    Objects.requireNonNull(associatedData, "associatedData");
    Objects.requireNonNull(random, "random");
    try (SealingKeyPair ephemeral = SealingKeyPair.generate(random)) {
      byte[] key = deriveKey(ephemeral.agree(recipient), ephemeral.publicKey(), recipient);
      try {
        byte[] nonce = new byte[SealedBox.NONCE_LENGTH_BYTES];
        random.nextBytes(nonce);
        byte[] ciphertext = AesGcm.encrypt(key, nonce, associatedData, plaintext);
        return new SealedBox(ephemeral.publicKey(), Bytes.wrapOwned(nonce),
            Bytes.wrapOwned(ciphertext));
      } finally {
        Arrays.fill(key, (byte) 0);
      }
    }
  }

  /**
   * Opens a box sealed to {@code recipient}'s public key with the same associated data.
   *
   * @throws SealingException if the box was changed, was sealed to another key or with other
   *     associated data, or carries a small-order ephemeral key
   */
  public static byte[] open(SealingKeyPair recipient, SealedBox box, byte[] associatedData) {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(box, "box");
    Objects.requireNonNull(associatedData, "associatedData");
    byte[] key = deriveKey(recipient.agree(box.ephemeralKey()), box.ephemeralKey(),
        recipient.publicKey());
    try {
      return AesGcm.decrypt(key, box.nonce().toByteArray(), associatedData,
          box.ciphertextAndTag().toByteArray());
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * Decodes and opens a box in one step, for bytes straight off the wire or the ledger.
   *
   * @throws SealingException if the bytes are not a well-formed box or the box does not open
   */
  public static byte[] open(SealingKeyPair recipient, byte[] encodedBox, byte[] associatedData) {
    SealedBox box;
    try {
      box = SealedBox.fromBytes(encodedBox);
    } catch (InvalidEncodingException e) {
      throw new SealingException("malformed sealed box: " + e.getMessage(), e);
    }
    return open(recipient, box, associatedData);
  }

  /** The AES key from an X25519 shared secret, which this zeroes. */
  private static byte[] deriveKey(byte[] shared, SealingPublicKey ephemeralKey,
      SealingPublicKey recipientKey) {
    try {
      byte[] salt = ephemeralKey.toBytes().concat(recipientKey.toBytes()).toByteArray();
      return Hkdf.sha256(shared, salt, INFO, KEY_LENGTH_BYTES);
    } finally {
      Arrays.fill(shared, (byte) 0);
    }
  }
}
