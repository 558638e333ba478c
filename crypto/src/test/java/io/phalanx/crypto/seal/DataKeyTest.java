package io.phalanx.crypto.seal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.InvalidEncodingException;
import io.phalanx.crypto.SealingException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** AES-256-GCM under a vault data key: round trip, tampering, wrong key or data, redaction. */
class DataKeyTest {
  private final SecureRandom random = new SecureRandom();
  private final byte[] associatedData = {7, 7, 7};

  @Test
  void roundTripsAndIsNonceCiphertextTag() {
    DataKey key = DataKey.generate(random);
    byte[] secret = "the vault secret".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Bytes encrypted = key.encrypt(secret, associatedData, random);
    assertEquals(DataKey.NONCE_LENGTH_BYTES + secret.length + DataKey.TAG_LENGTH_BYTES,
        encrypted.length());
    assertArrayEquals(secret, key.decrypt(encrypted, associatedData));
  }

  @Test
  void everyFlippedByteWrongKeyAndWrongDataAreRefused() {
    DataKey key = DataKey.generate(random);
    byte[] encrypted = key.encrypt(new byte[20], associatedData, random).toByteArray();
    for (int position = 0; position < encrypted.length; position++) {
      byte[] tampered = encrypted.clone();
      tampered[position] ^= (byte) 0x80;
      assertThrows(SealingException.class,
          () -> key.decrypt(Bytes.of(tampered), associatedData), "byte " + position);
    }
    assertThrows(SealingException.class,
        () -> DataKey.generate(random).decrypt(Bytes.of(encrypted), associatedData));
    assertThrows(SealingException.class, () -> key.decrypt(Bytes.of(encrypted), new byte[0]));
    assertThrows(SealingException.class, () -> key.decrypt(Bytes.of(new byte[27]), associatedData));
  }

  @Test
  void keysAreThirtyTwoBytesRedactedAndDestroyable() {
    assertThrows(InvalidEncodingException.class, () -> DataKey.of(new byte[16]));
    byte[] raw = HexFormat.of().parseHex(
        "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    DataKey key = DataKey.of(raw);
    assertFalse(key.toString().contains("0011"), key.toString());
    assertTrue(key.toString().contains("redacted"));
    assertArrayEquals(raw, key.toByteArray());
    key.destroy();
    assertThrows(IllegalStateException.class, () -> key.encrypt(new byte[1], associatedData, random));
  }
}
