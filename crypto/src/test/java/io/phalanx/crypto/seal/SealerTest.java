package io.phalanx.crypto.seal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.InvalidEncodingException;
import io.phalanx.crypto.SealingException;
import io.phalanx.crypto.SealingKeyPair;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sealing to an X25519 key (X25519 + HKDF-SHA256 + AES-256-GCM): round trips, and every way of
 * tampering is refused with {@link SealingException} — any single byte of the encoded box, the
 * associated data, the recipient, a small-order ephemeral key, truncation and extension.
 */
class SealerTest {
  private final SecureRandom random = new SecureRandom();
  private final SealingKeyPair recipient = SealingKeyPair.generate(random);
  private final byte[] associatedData = "vault record 7, share 3".getBytes(StandardCharsets.UTF_8);

  @Test
  void roundTripsPlaintextsOfManySizes() {
    for (int size : new int[] {0, 1, 15, 16, 17, 32, 1000, 65_537}) {
      byte[] plaintext = new byte[size];
      random.nextBytes(plaintext);
      SealedBox box = Sealer.seal(recipient.publicKey(), plaintext, associatedData, random);
      assertEquals(size + SealedBox.TAG_LENGTH_BYTES, box.ciphertextAndTag().length());
      assertArrayEquals(plaintext, Sealer.open(recipient, box, associatedData));
      Bytes encoded = box.toBytes();
      assertEquals(SealedBox.LENGTH_BYTES_MIN + size, encoded.length());
      assertEquals(box, SealedBox.fromBytes(encoded));
      assertArrayEquals(plaintext, Sealer.open(recipient, encoded.toByteArray(), associatedData));
    }
  }

  @Test
  void sealingTwiceGivesDifferentBoxes() {
    byte[] plaintext = {1, 2, 3};
    SealedBox first = Sealer.seal(recipient.publicKey(), plaintext, associatedData, random);
    SealedBox second = Sealer.seal(recipient.publicKey(), plaintext, associatedData, random);
    assertNotEquals(first.ephemeralKey(), second.ephemeralKey());
    assertNotEquals(first.ciphertextAndTag(), second.ciphertextAndTag());
  }

  @Test
  void flippingAnyBitOfAnyByteOfTheBoxIsRefused() {
    byte[] plaintext = "a 32-byte data key share, secret".getBytes(StandardCharsets.UTF_8);
    byte[] encoded = Sealer.seal(recipient.publicKey(), plaintext, associatedData, random)
        .toBytes().toByteArray();
    for (int position = 0; position < encoded.length; position++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] tampered = encoded.clone();
        tampered[position] ^= (byte) (1 << bit);
        int where = position;
        assertThrows(SealingException.class,
            () -> Sealer.open(recipient, tampered, associatedData),
            () -> "byte " + where + " flipped was accepted");
      }
    }
  }

  @Test
  void truncatedOrExtendedBoxesAreRefused() {
    byte[] encoded = Sealer.seal(recipient.publicKey(), new byte[10], associatedData, random)
        .toBytes().toByteArray();
    for (int length = 0; length < encoded.length; length++) {
      byte[] truncated = Arrays.copyOf(encoded, length);
      assertThrows(SealingException.class, () -> Sealer.open(recipient, truncated, associatedData),
          "truncated to " + length);
    }
    byte[] extended = Arrays.copyOf(encoded, encoded.length + 1);
    assertThrows(SealingException.class, () -> Sealer.open(recipient, extended, associatedData));
  }

  @Test
  void wrongAssociatedDataIsRefused() {
    SealedBox box = Sealer.seal(recipient.publicKey(), new byte[] {42}, associatedData, random);
    assertThrows(SealingException.class, () -> Sealer.open(recipient, box, new byte[0]));
    byte[] other = associatedData.clone();
    other[other.length - 1] ^= 1;
    assertThrows(SealingException.class, () -> Sealer.open(recipient, box, other));
  }

  @Test
  void theWrongRecipientCannotOpen() {
    SealedBox box = Sealer.seal(recipient.publicKey(), new byte[] {42}, associatedData, random);
    SealingKeyPair someoneElse = SealingKeyPair.generate(random);
    assertThrows(SealingException.class, () -> Sealer.open(someoneElse, box, associatedData));
  }

  @Test
  void aSmallOrderEphemeralKeyIsRefused() {
    byte[] encoded = Sealer.seal(recipient.publicKey(), new byte[] {42}, associatedData, random)
        .toBytes().toByteArray();
    List<String> smallOrder = List.of(
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
        "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // p, non-canonical 0
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"); // p + 1, i.e. 1
    for (String point : smallOrder) {
      byte[] tampered = encoded.clone();
      System.arraycopy(HexFormat.of().parseHex(point), 0, tampered, 1, 32);
      assertThrows(SealingException.class, () -> Sealer.open(recipient, tampered, associatedData),
          point);
      assertThrows(InvalidEncodingException.class, () -> SealedBox.fromBytes(tampered), point);
    }
  }

  @Test
  void decodingIsStrict() {
    byte[] encoded = Sealer.seal(recipient.publicKey(), new byte[0], associatedData, random)
        .toBytes().toByteArray();
    assertEquals(SealedBox.LENGTH_BYTES_MIN, encoded.length);
    byte[] otherVersion = encoded.clone();
    otherVersion[0] = 2;
    assertThrows(InvalidEncodingException.class, () -> SealedBox.fromBytes(otherVersion));
    assertThrows(InvalidEncodingException.class,
        () -> SealedBox.fromBytes(Arrays.copyOf(encoded, encoded.length - 1)));
  }
}
