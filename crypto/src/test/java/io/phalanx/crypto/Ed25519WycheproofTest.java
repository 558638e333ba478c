package io.phalanx.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every vector of Project Wycheproof's {@code ed25519_test.json} (C2SP/wycheproof,
 * testvectors_v1, Apache License 2.0): a {@code valid} signature must verify; an {@code invalid}
 * one (malleable S ≥ L, non-canonical R, truncated, with garbage, wrong key) must be refused,
 * either when its key or signature is decoded ({@link InvalidEncodingException}) or by
 * {@link Ed25519Verifier}. The file has no {@code acceptable} vectors; one would pass either way.
 */
class Ed25519WycheproofTest {
  @TestFactory
  Stream<DynamicTest> everyVector() {
    return Wycheproof.dynamicTests("ed25519_test.json", vector -> {
      boolean accepted = verify(vector);
      switch (vector.result()) {
        case "valid" -> assertTrue(accepted, "a valid signature was refused");
        case "invalid" -> assertFalse(accepted, "an invalid signature was accepted");
        case "acceptable" -> { }
        default -> fail("unknown result " + vector.result());
      }
    });
  }

  private static boolean verify(Wycheproof.Vector vector) {
    byte[] key = java.util.HexFormat.of().parseHex(vector.group().get("publicKey").get("pk").asText());
    try {
      return Ed25519Verifier.isValid(PublicKey.of(key), vector.hex("msg"),
          Signature.of(vector.hex("sig")));
    } catch (InvalidEncodingException e) {
      return false;
    }
  }
}
