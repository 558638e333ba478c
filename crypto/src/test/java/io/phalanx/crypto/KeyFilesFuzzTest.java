package io.phalanx.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes PEM key decoding, from text and from files. Contract: bad input raises
 * {@link InvalidEncodingException} and nothing else; a text decodes as at most one key type;
 * whatever decodes re-encodes to the same key, and to the same characters up to whitespace (the
 * decoder is strict: line breaks are its only freedom).
 *
 * <p>Regression inputs: {@code src/test/resources/io/phalanx/crypto/KeyFilesFuzzTestInputs/}.
 * Fuzzing: {@code fuzz/run.sh KeyFilesFuzzTest#publicKeyPemText 60} (docs/fuzzing.md).
 */
class KeyFilesFuzzTest {
  @TempDir
  static Path directory;

  @FuzzTest
  void publicKeyPemText(byte[] data) {
    String text = new String(data, StandardCharsets.ISO_8859_1);
    PublicKey signing = decodedOrNull(() -> KeyFiles.decodePublicKeyPem(text));
    SealingPublicKey sealing = decodedOrNull(() -> KeyFiles.decodeSealingPublicKeyPem(text));
    if (signing != null) {
      assertNull(sealing, "one PEM text decoded as an Ed25519 and as an X25519 key");
      String canonical = KeyFiles.encodePublicKeyPem(signing);
      assertEquals(signing, KeyFiles.decodePublicKeyPem(canonical));
      assertEquals(withoutWhitespace(canonical), withoutWhitespace(text));
    }
    if (sealing != null) {
      String canonical = KeyFiles.encodeSealingPublicKeyPem(sealing);
      assertEquals(sealing, KeyFiles.decodeSealingPublicKeyPem(canonical));
      assertEquals(withoutWhitespace(canonical), withoutWhitespace(text));
    }
  }

  /** The fuzzed bytes as a key file, read by all four readers. */
  @FuzzTest
  void keyFile(byte[] data) throws IOException {
    Path file = directory.resolve("fuzzed.key");
    Files.write(file, data);
    String text = new String(data, StandardCharsets.ISO_8859_1);

    SigningKeyPair signing = decodedOrNull(() -> uncheck(() -> KeyFiles.readPrivateKey(file)));
    SealingKeyPair sealing =
        decodedOrNull(() -> uncheck(() -> KeyFiles.readSealingPrivateKey(file)));
    PublicKey signingPublic = decodedOrNull(() -> uncheck(() -> KeyFiles.readPublicKey(file)));
    SealingPublicKey sealingPublic =
        decodedOrNull(() -> uncheck(() -> KeyFiles.readSealingPublicKey(file)));

    int decoded = (signing != null ? 1 : 0) + (sealing != null ? 1 : 0)
        + (signingPublic != null ? 1 : 0) + (sealingPublic != null ? 1 : 0);
    assertTrue(decoded <= 1, "one file decoded as " + decoded + " kinds of key");
    if (signing != null) {
      KeyFiles.writeKeyPair(directory, "written", signing);
      assertWrittenPairReadsBack(text, () -> {
        SigningKeyPair reread = KeyFiles.readPrivateKey(directory.resolve("written.key"));
        assertEquals(signing.publicKey(), reread.publicKey());
        assertArrayEquals(signing.privateKey().toByteArray(), reread.privateKey().toByteArray());
        assertEquals(signing.publicKey(),
            KeyFiles.readPublicKey(directory.resolve("written.pub")));
      });
    }
    if (sealing != null) {
      KeyFiles.writeSealingKeyPair(directory, "written", sealing);
      assertWrittenPairReadsBack(text, () -> {
        SealingKeyPair reread = KeyFiles.readSealingPrivateKey(directory.resolve("written.key"));
        assertEquals(sealing.publicKey(), reread.publicKey());
        assertEquals(sealing.publicKey(),
            KeyFiles.readSealingPublicKey(directory.resolve("written.pub")));
      });
    }
    if (signingPublic != null) {
      assertEquals(withoutWhitespace(KeyFiles.encodePublicKeyPem(signingPublic)),
          withoutWhitespace(text));
    }
    if (sealingPublic != null) {
      assertEquals(withoutWhitespace(KeyFiles.encodeSealingPublicKeyPem(sealingPublic)),
          withoutWhitespace(text));
    }
  }

  /**
   * Checks the pair just written as {@code written.key} / {@code written.pub}: it reads back, and
   * the private key file is the fuzzed text up to whitespace. Deletes both files.
   */
  private static void assertWrittenPairReadsBack(String text, IoCheck readBack)
      throws IOException {
    try {
      readBack.run();
      assertEquals(withoutWhitespace(Files.readString(directory.resolve("written.key"))),
          withoutWhitespace(text));
    } finally {
      Files.delete(directory.resolve("written.key"));
      Files.delete(directory.resolve("written.pub"));
    }
  }

  private interface IoCheck {
    void run() throws IOException;
  }

  /** The decoded value, or null if decoding raised the documented exception. */
  private static <T> T decodedOrNull(Supplier<T> decode) {
    try {
      return decode.get();
    } catch (InvalidEncodingException expected) {
      return null;
    }
  }

  private interface IoSupplier<T> {
    T get() throws IOException;
  }

  /** Reading a file the test just wrote must not fail with an IOException: that fails the test. */
  private static <T> T uncheck(IoSupplier<T> read) {
    try {
      return read.get();
    } catch (IOException e) {
      throw new AssertionError("reading the fuzzed key file failed with an IOException", e);
    }
  }

  private static String withoutWhitespace(String text) {
    return text.replaceAll("[ \t\r\n]", "");
  }
}
