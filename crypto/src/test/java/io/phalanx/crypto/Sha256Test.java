package io.phalanx.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * SHA-256 known answers from FIPS 180-2 (appendix B: "abc", the 448-bit message, one million
 * 'a') and NIST's empty-message value; plus the incremental hasher against the one-shot hash.
 */
class Sha256Test {
  @Test
  void abc() {
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        Sha256.hash(ascii("abc")).toHex());
  }

  @Test
  void emptyMessage() {
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        Sha256.hash(new byte[0]).toHex());
  }

  @Test
  void message448Bits() {
    assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
        Sha256.hash(ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toHex());
  }

  @Test
  void oneMillionA() {
    byte[] million = new byte[1_000_000];
    Arrays.fill(million, (byte) 'a');
    assertEquals("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
        Sha256.hash(million).toHex());
  }

  @Test
  void oneMillionAFedInPiecesThroughTheHasher() {
    byte[] thousand = new byte[1000];
    Arrays.fill(thousand, (byte) 'a');
    Sha256.Hasher hasher = Sha256.hasher();
    for (int i = 0; i < 1000; i++) {
      hasher.update(thousand);
    }
    assertEquals("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
        hasher.finish().toHex());
  }

  @Test
  void hasherNumbersAreBigEndian() {
    Digest viaNumbers = Sha256.hasher().updateLong(0x0102030405060708L).updateInt(0x0a0b0c0d)
        .finish();
    Digest viaBytes = Sha256.hash(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 0x0a, 0x0b, 0x0c, 0x0d});
    assertEquals(viaBytes, viaNumbers);
    assertNotEquals(Sha256.hash(new byte[] {1}), viaNumbers);
  }

  @Test
  void offsetAndLengthHashOnlyThatRange() {
    byte[] padded = ascii("xxabcyy");
    assertEquals(Sha256.hash(ascii("abc")), Sha256.hash(padded, 2, 3));
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
