package io.phalanx.crypto.seal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.phalanx.crypto.SealingException;
import io.phalanx.crypto.Wycheproof;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every vector of Project Wycheproof's {@code aes_gcm_test.json} (C2SP/wycheproof,
 * testvectors_v1, Apache License 2.0) through {@link AesGcm}, the JDK-backed engine under
 * {@link DataKey} and {@link Sealer}: 128-, 192- and 256-bit keys, IVs of 8 to 2056 bits, empty
 * and long messages, modified tags.
 *
 * <p>How vectors are judged:
 * <ul>
 *   <li>{@code valid}: encryption must give exactly {@code ct ‖ tag} and decryption the message.
 *   <li>{@code invalid}: decryption must fail, either by the tag check ({@link SealingException})
 *       or because the JDK refuses the parameters when the cipher is initialised
 *       ({@link IllegalArgumentException}) — e.g. the 0-byte IVs of tcId 311..316, which GCM
 *       forbids. Refusal at initialisation is a correct rejection and passes.
 *   <li>A {@code valid} vector whose parameters the JDK refuses would be a failure, unless it is
 *       listed in {@link #UNSUPPORTED_VALID_VECTORS} with the reason; a listed vector is reported
 *       as skipped (aborted), so it stays visible. On JDK 17 the list is empty: every valid IV
 *       size in the file (1 byte and up) is accepted. Every vector counts toward the asserted
 *       total either way.
 * </ul>
 */
class AesGcmWycheproofTest {
  /** tcId → why the JDK cannot run this valid vector. Empty: nothing is excused. */
  static final Map<Integer, String> UNSUPPORTED_VALID_VECTORS = Map.of();

  @TestFactory
  Stream<DynamicTest> everyVector() {
    return Wycheproof.dynamicTests("aes_gcm_test.json", vector -> {
      byte[] key = vector.hex("key");
      byte[] iv = vector.hex("iv");
      byte[] aad = vector.hex("aad");
      byte[] message = vector.hex("msg");
      byte[] ciphertextAndTag = concat(vector.hex("ct"), vector.hex("tag"));
      switch (vector.result()) {
        case "valid" -> {
          byte[] encrypted;
          try {
            encrypted = AesGcm.encrypt(key, iv, aad, message);
          } catch (IllegalArgumentException refused) {
            String reason = UNSUPPORTED_VALID_VECTORS.get(vector.tcId());
            if (reason == null) {
              throw new AssertionError("the JDK refused a valid vector's parameters", refused);
            }
            Assumptions.abort("unsupported by the JDK, excused: " + reason);
            return;
          }
          assertArrayEquals(ciphertextAndTag, encrypted, "ciphertext and tag");
          assertArrayEquals(message, AesGcm.decrypt(key, iv, aad, ciphertextAndTag), "plaintext");
        }
        case "invalid" -> assertRejected(key, iv, aad, ciphertextAndTag);
        case "acceptable" -> { }
        default -> fail("unknown result " + vector.result());
      }
    });
  }

  private static void assertRejected(byte[] key, byte[] iv, byte[] aad, byte[] ciphertextAndTag) {
    RuntimeException e = assertThrows(RuntimeException.class,
        () -> AesGcm.decrypt(key, iv, aad, ciphertextAndTag), "an invalid vector decrypted");
    if (!(e instanceof SealingException) && !(e instanceof IllegalArgumentException)) {
      throw new AssertionError("rejected, but with an untyped exception", e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
