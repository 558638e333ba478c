package io.phalanx.crypto.seal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.phalanx.crypto.InvalidEncodingException;
import io.phalanx.crypto.SealingException;
import io.phalanx.crypto.SealingKeyPair;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Fuzzes sealed box decoding and opening, differentially: the recipient, the plaintext and the
 * associated data are fixed, so a box that opens must open to {@link #PLAINTEXT}. Contract:
 * {@link SealedBox#fromBytes} raises only {@link InvalidEncodingException} and re-encodes what it
 * decodes byte for byte; {@link Sealer#open(SealingKeyPair, byte[], byte[])} raises only
 * {@link SealingException}; a changed box or changed associated data never opens.
 *
 * <p>The corpus ({@code src/test/resources/io/phalanx/crypto/seal/SealedBoxFuzzTestInputs/}) holds
 * boxes sealed to {@link #RECIPIENT} with {@link #ASSOCIATED_DATA}; the fuzzer mutates them.
 * (A box properly sealed to the recipient with the same associated data and another plaintext
 * would open, legitimately; making one needs the encryption the fuzzer does not do.)
 */
class SealedBoxFuzzTest {
  static final SealingKeyPair RECIPIENT = SealingKeyPair.of(HexFormat.of().parseHex(
      "a8abababababababababababababababababababababababababababababab6b"));
  static final byte[] PLAINTEXT =
      "share 3 of vault record 7: the only plaintext these boxes hold".getBytes(StandardCharsets.UTF_8);
  static final byte[] ASSOCIATED_DATA = "phalanx fuzz: vault record 7".getBytes(StandardCharsets.UTF_8);
  private static final byte[] VALID_BOX = seal(PLAINTEXT, 7L);

  /** A box holding {@code plaintext} for the recipient, the same for the same seed. */
  static byte[] seal(byte[] plaintext, long seed) {
    return Sealer.seal(RECIPIENT.publicKey(), plaintext, ASSOCIATED_DATA, deterministicRandom(seed))
        .toBytes().toByteArray();
  }

  @FuzzTest
  void decodeAndOpen(byte[] encoded) {
    try {
      SealedBox box = SealedBox.fromBytes(encoded);
      assertArrayEquals(encoded, box.toBytes().toByteArray());
    } catch (InvalidEncodingException expected) {
      // Sealer.open must then refuse it too, as a SealingException
    }
    byte[] opened;
    try {
      opened = Sealer.open(RECIPIENT, encoded, ASSOCIATED_DATA);
    } catch (SealingException expected) {
      return;
    }
    assertArrayEquals(PLAINTEXT, opened, "a box opened to another plaintext");
  }

  /** A valid box and its associated data, edited by the fuzzer: it opens iff nothing changed. */
  @FuzzTest
  void openTamperedBox(FuzzedDataProvider data) {
    byte[] box = VALID_BOX.clone();
    int edits = data.consumeInt(0, 3);
    for (int i = 0; i < edits; i++) {
      box = edit(box, data);
    }
    byte[] associatedData = data.consumeBoolean() ? data.consumeRemainingAsBytes() : ASSOCIATED_DATA;
    boolean unchanged = Arrays.equals(VALID_BOX, box) && Arrays.equals(ASSOCIATED_DATA, associatedData);
    byte[] opened;
    try {
      opened = Sealer.open(RECIPIENT, box, associatedData);
    } catch (SealingException e) {
      assertTrue(!unchanged, "the untouched box did not open: " + e.getMessage());
      return;
    }
    assertTrue(unchanged, "a changed box or changed associated data opened");
    assertArrayEquals(PLAINTEXT, opened);
  }

  private static byte[] edit(byte[] box, FuzzedDataProvider data) {
    switch (data.consumeInt(0, 3)) {
      case 0 -> { // change one byte
        if (box.length > 0) {
          box[data.consumeInt(0, box.length - 1)] ^= data.consumeByte();
        }
        return box;
      }
      case 1 -> { // truncate
        return Arrays.copyOf(box, data.consumeInt(0, box.length));
      }
      case 2 -> { // extend
        byte[] tail = data.consumeBytes(32);
        byte[] longer = Arrays.copyOf(box, box.length + tail.length);
        System.arraycopy(tail, 0, longer, box.length, tail.length);
        return longer;
      }
      default -> { // replace the ephemeral key
        byte[] key = data.consumeBytes(32);
        if (box.length > 1) {
          System.arraycopy(key, 0, box, 1, Math.min(key.length, box.length - 1));
        }
        return box;
      }
    }
  }

  private static SecureRandom deterministicRandom(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA1PRNG is in every JDK", e);
    }
  }
}
