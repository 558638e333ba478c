package io.phalanx.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * HKDF-SHA-256: every vector of Project Wycheproof's {@code hkdf_sha256_test.json}
 * (C2SP/wycheproof, testvectors_v1, Apache License 2.0; it includes RFC 5869's test cases): a
 * {@code valid} one must give its output, an {@code invalid} one (output longer than 255 · 32
 * bytes) must be refused with {@link IllegalArgumentException}.
 */
class HkdfTest {
  @TestFactory
  Stream<DynamicTest> wycheproofVectors() {
    return Wycheproof.dynamicTests("hkdf_sha256_test.json", vector -> {
      int size = Integer.parseInt(vector.text("size"));
      switch (vector.result()) {
        case "valid" -> assertArrayEquals(vector.hex("okm"),
            Hkdf.sha256(vector.hex("ikm"), vector.hex("salt"), vector.hex("info"), size));
        case "invalid" -> assertThrows(IllegalArgumentException.class,
            () -> Hkdf.sha256(vector.hex("ikm"), vector.hex("salt"), vector.hex("info"), size));
        case "acceptable" -> { }
        default -> fail("unknown result " + vector.result());
      }
    });
  }

  @Test
  void rfc5869TestCase1() {
    HexFormat hex = HexFormat.of();
    byte[] okm = Hkdf.sha256(hex.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
        hex.parseHex("000102030405060708090a0b0c"), hex.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);
    assertEquals("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
        + "34007208d5b887185865", hex.formatHex(okm));
  }

  @Test
  void theLengthLimitIsExactly255Blocks() {
    assertEquals(8160, Hkdf.sha256(new byte[1], new byte[0], new byte[0], 8160).length);
    assertThrows(IllegalArgumentException.class,
        () -> Hkdf.sha256(new byte[1], new byte[0], new byte[0], 8161));
    assertThrows(IllegalArgumentException.class,
        () -> Hkdf.sha256(new byte[1], new byte[0], new byte[0], -1));
  }
}
