package io.phalanx.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/**
 * Offset/length arguments of signing and verification, and the typed failure of
 * {@link Ed25519Verifier#check}. A negative length used to reach
 * BouncyCastle's digest, which treats it as "nothing to hash": a signature over the empty message
 * then verified for any message passed with length −1.
 */
class Ed25519BoundsTest {
  private final SigningKeyPair pair = SigningKeyPair.generate(new SecureRandom());

  @Test
  void aNegativeLengthIsRefusedNotTreatedAsTheEmptyMessage() {
    Signature overEmpty = pair.sign(new byte[0]);
    byte[] message = {1, 2, 3};
    assertThrows(IndexOutOfBoundsException.class,
        () -> Ed25519Verifier.isValid(pair.publicKey(), message, 0, -1, overEmpty));
    assertThrows(IndexOutOfBoundsException.class, () -> pair.sign(message, 0, -1));
  }

  @Test
  void aRangePastTheEndIsRefused() {
    byte[] message = {1, 2, 3};
    Signature signature = pair.sign(message);
    assertThrows(IndexOutOfBoundsException.class,
        () -> Ed25519Verifier.isValid(pair.publicKey(), message, 2, 2, signature));
    assertThrows(IndexOutOfBoundsException.class, () -> pair.sign(message, 3, 1));
  }

  @Test
  void aRangeInsideTheArraySignsAndVerifiesJustThatRange() {
    byte[] padded = {9, 1, 2, 3, 9};
    Signature signature = pair.sign(padded, 1, 3);
    assertEquals(pair.sign(new byte[] {1, 2, 3}), signature);
    assertTrue(Ed25519Verifier.isValid(pair.publicKey(), padded, 1, 3, signature));
  }

  @Test
  void checkThrowsTheTypedExceptionForABadSignature() {
    byte[] message = {1, 2, 3};
    Signature signature = pair.sign(message);
    Ed25519Verifier.check(pair.publicKey(), message, signature);
    message[0] = 0;
    assertThrows(InvalidSignatureException.class,
        () -> Ed25519Verifier.check(pair.publicKey(), message, signature));
  }

  @Test
  void theKeyPairHidesItsPrivateKey() {
    String text = pair.toString() + pair.privateKey();
    String seedHex = java.util.HexFormat.of().formatHex(pair.privateKey().toByteArray());
    assertTrue(!text.contains(seedHex.substring(0, 8)) && text.contains("redacted"), text);
  }
}
