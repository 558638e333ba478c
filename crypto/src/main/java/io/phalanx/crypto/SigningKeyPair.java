package io.phalanx.crypto;

import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 key pair that signs. Thread-safe: signing reads the key and allocates its output.
 */
public final class SigningKeyPair {
  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  private SigningKeyPair(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /** A fresh key pair from {@code random}. */
  public static SigningKeyPair generate(SecureRandom random) {
    byte[] seed = new byte[PrivateKey.LENGTH_BYTES];
    Ed25519.generatePrivateKey(Objects.requireNonNull(random, "random"), seed);
    try {
      return of(PrivateKey.of(seed));
    } finally {
      java.util.Arrays.fill(seed, (byte) 0);
    }
  }

  /** The pair for an existing private key. */
  public static SigningKeyPair of(PrivateKey privateKey) {
    Objects.requireNonNull(privateKey, "privateKey");
    return new SigningKeyPair(privateKey, privateKey.derivePublicKey());
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  public PrivateKey privateKey() {
    return privateKey;
  }

  /** Signs exactly {@code message}. */
  public Signature sign(byte[] message) {
    return sign(message, 0, message.length);
  }

  /** Signs {@code length} bytes of {@code message} from {@code offset}. */
  public Signature sign(byte[] message, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(message, "message").length);
    byte[] signature = new byte[Signature.LENGTH_BYTES];
    Ed25519.sign(privateKey.internalArray(), 0, publicKey.internalArray(), 0,
        message, offset, length, signature, 0);
    return Signature.wrapOwned(signature);
  }

  public Signature sign(Bytes message) {
    return sign(message.internalArray());
  }

  @Override
  public String toString() {
    return "SigningKeyPair[" + publicKey + ", private key redacted]";
  }
}
