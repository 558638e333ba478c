package io.phalanx.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * X25519 through {@link SealingKeyPair} and {@link SealingPublicKey}.
 *
 * <p>Sources: RFC 7748 section 5.2 (the two scalar-multiplication vectors and the iterated
 * ladder after 1 and 1,000 iterations; the 1,000,000-iteration value is left out as too slow for
 * every build) and section 6.1 (the Alice/Bob exchange); every vector of Project Wycheproof's
 * {@code x25519_test.json} (C2SP/wycheproof, testvectors_v1, Apache License 2.0).
 *
 * <p>Policy under test: public keys are decoded strictly, so non-canonical encodings (u ≥ p or
 * the top bit set) and the five canonical small-order points are refused at decoding, and an
 * all-zero shared secret is refused by {@link SealingKeyPair#agree}. Wycheproof marks all of those
 * {@code acceptable}; this test asserts that every one whose shared secret is zero is refused.
 */
class X25519Test {
  private static final HexFormat HEX = HexFormat.of();

  private static byte[] x25519(String scalarHex, String uHex) {
    return SealingKeyPair.of(HEX.parseHex(scalarHex)).agree(SealingPublicKey.of(HEX.parseHex(uHex)));
  }

  @Test
  void rfc7748Section52FirstVector() {
    assertEquals("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552",
        HEX.formatHex(x25519("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
            "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c")));
  }

  @Test
  void rfc7748Section52SecondVectorNeedsItsTopBitMasked() {
    // The RFC's u has its top bit set (…a493), which RFC 7748 says to mask. Phalanx refuses
    // such non-canonical keys instead; the masked key (…a413) gives the RFC's result.
    assertThrows(InvalidEncodingException.class, () -> SealingPublicKey.of(HEX.parseHex(
        "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493")));
    assertEquals("95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957",
        HEX.formatHex(x25519("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
            "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a413")));
  }

  @Test
  void rfc7748Section52IteratedLadder() {
    byte[] k = new byte[32];
    k[0] = 9;
    byte[] u = k.clone();
    for (int iteration = 1; iteration <= 1000; iteration++) {
      byte[] next = SealingKeyPair.of(k).agree(SealingPublicKey.of(u));
      u = k;
      k = next;
      if (iteration == 1) {
        assertEquals("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079",
            HEX.formatHex(k));
      }
    }
    assertEquals("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51",
        HEX.formatHex(k));
  }

  @Test
  void rfc7748Section61DiffieHellman() {
    SealingKeyPair alice = SealingKeyPair.of(
        HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
    SealingKeyPair bob = SealingKeyPair.of(
        HEX.parseHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
    assertEquals("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a",
        alice.publicKey().toHex());
    assertEquals("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f",
        bob.publicKey().toHex());
    String shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
    assertEquals(shared, HEX.formatHex(alice.agree(bob.publicKey())));
    assertEquals(shared, HEX.formatHex(bob.agree(alice.publicKey())));
  }

  @TestFactory
  Stream<DynamicTest> wycheproofVectors() {
    return Wycheproof.dynamicTests("x25519_test.json", vector -> {
      byte[] expected = vector.hex("shared");
      boolean zeroShared = java.util.Arrays.equals(expected, new byte[32]);
      byte[] actual;
      try {
        actual = SealingKeyPair.of(vector.hex("private"))
            .agree(SealingPublicKey.of(vector.hex("public")));
      } catch (InvalidEncodingException | SealingException e) {
        actual = null;
      }
      switch (vector.result()) {
        case "valid" -> assertArrayEquals(expected, actual, "a valid exchange failed or differs");
        case "acceptable" -> {
          if (zeroShared) {
            assertEquals(null, actual, "an all-zero shared secret must be refused");
          } else if (actual != null) {
            assertArrayEquals(expected, actual, "accepted, so it must compute the right value");
          }
        }
        case "invalid" -> assertEquals(null, actual, "an invalid exchange was accepted");
        default -> fail("unknown result " + vector.result());
      }
    });
  }

  @Test
  void everyRefusedSmallOrderPointReallyGivesAZeroSharedSecret() {
    // Checks the hard-coded list in SealingPublicKey against the ladder itself.
    List<String> smallOrder = List.of(
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
        "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
    SecureRandom random = new SecureRandom();
    for (String point : smallOrder) {
      byte[] scalar = new byte[32];
      random.nextBytes(scalar);
      byte[] shared = new byte[32];
      assertFalse(X25519.calculateAgreement(scalar, 0, HEX.parseHex(point), 0, shared, 0), point);
      assertThrows(InvalidEncodingException.class, () -> SealingPublicKey.of(HEX.parseHex(point)));
    }
  }

  @Test
  void publicKeyDecodingIsStrict() {
    assertThrows(InvalidEncodingException.class, () -> SealingPublicKey.of(new byte[31]));
    assertThrows(InvalidEncodingException.class, () -> SealingPublicKey.of(new byte[33]));
    byte[] p = HEX.parseHex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
    assertThrows(InvalidEncodingException.class, () -> SealingPublicKey.of(p));
    byte[] belowP = HEX.parseHex("ebffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
    assertEquals(HEX.formatHex(belowP), SealingPublicKey.of(belowP).toHex()); // p − 2: canonical
  }

  @Test
  void keyPairsAgreeHideTheirPrivateKeyAndCanBeDestroyed() {
    SecureRandom random = new SecureRandom();
    SealingKeyPair a = SealingKeyPair.generate(random);
    SealingKeyPair b = SealingKeyPair.generate(random);
    assertArrayEquals(a.agree(b.publicKey()), b.agree(a.publicKey()));
    assertTrue(a.toString().contains("redacted"), a.toString());
    assertFalse(a.toString().contains(HEX.formatHex(a.internalPrivateKey()).substring(0, 8)));
    assertEquals(a.publicKey(), SealingKeyPair.of(a.internalPrivateKey()).publicKey());
    a.destroy();
    assertTrue(a.isDestroyed());
    assertThrows(IllegalStateException.class, () -> a.agree(b.publicKey()));
  }
}
