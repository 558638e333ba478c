package io.phalanx.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * Key files in PEM, interoperable with OpenSSL ({@code openssl genpkey -algorithm ed25519} or
 * {@code x25519} writes files this class reads, and the other way round):
 *
 * <ul>
 *   <li>{@code <baseName>.key}: {@code -----BEGIN PRIVATE KEY-----}, PKCS#8 with the RFC 8410
 *       OID (Ed25519 1.3.101.112 for signing keys, X25519 1.3.101.110 for sealing keys) and the
 *       32-byte seed; mode 0600 from the moment it exists where the file system has POSIX
 *       permissions;
 *   <li>{@code <baseName>.pub}: {@code -----BEGIN PUBLIC KEY-----}, SubjectPublicKeyInfo.
 *</ul>
 *
 * <p>Files are written to a temporary file in the same directory, flushed to disk, then linked
 * into place, which fails atomically if the name exists: a crash leaves no half-written key, and
 * no existing key is ever overwritten. Decoding is strict (see {@link Pem}); a bad file raises
 * {@link InvalidEncodingException} whose message starts with the file's path. Private key bytes
 * never go through a {@link String}, and every intermediate buffer holding them is zeroed.
 *
 * <p>Stateless and thread-safe.
 */
public final class KeyFiles {
  public static final String PRIVATE_KEY_SUFFIX = ".key";
  public static final String PUBLIC_KEY_SUFFIX = ".pub";

  private static final String PRIVATE_LABEL = "PRIVATE KEY";
  private static final String PUBLIC_LABEL = "PUBLIC KEY";
  /** A key file is about 120 bytes; anything much larger is not one, and is not read whole. */
  private static final long FILE_BYTES_MAX = 4096;

  private KeyFiles() {}

  /**
   * Writes {@code directory/baseName.key} (0600) and {@code directory/baseName.pub}.
   *
   * @throws FileAlreadyExistsException if either file exists; nothing is written then
   */
  public static void writeKeyPair(Path directory, String baseName, SigningKeyPair pair)
      throws IOException {
    Objects.requireNonNull(pair, "pair");
    byte[] seed = pair.privateKey().toByteArray();
    try {
      writePair(directory, baseName, KeyAlgorithm.ED25519, seed, pair.publicKey().toByteArray());
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** Like {@link #writeKeyPair}, for an X25519 sealing key pair. */
  public static void writeSealingKeyPair(Path directory, String baseName, SealingKeyPair pair)
      throws IOException {
    Objects.requireNonNull(pair, "pair");
    writePair(directory, baseName, KeyAlgorithm.X25519, pair.internalPrivateKey(),
        pair.publicKey().toByteArray());
  }

  /** @throws InvalidEncodingException if the file is not an Ed25519 PKCS#8 PEM private key */
  public static SigningKeyPair readPrivateKey(Path file) throws IOException {
    return readPrivate(file, KeyAlgorithm.ED25519, seed -> SigningKeyPair.of(PrivateKey.of(seed)));
  }

  /** @throws InvalidEncodingException if the file is not an X25519 PKCS#8 PEM private key */
  public static SealingKeyPair readSealingPrivateKey(Path file) throws IOException {
    return readPrivate(file, KeyAlgorithm.X25519, SealingKeyPair::of);
  }

  /** @throws InvalidEncodingException if the file is not an Ed25519 PEM public key */
  public static PublicKey readPublicKey(Path file) throws IOException {
    return readPublic(file, KeyFiles::decodePublicKeyPem);
  }

  /** @throws InvalidEncodingException if the file is not an X25519 PEM public key */
  public static SealingPublicKey readSealingPublicKey(Path file) throws IOException {
    return readPublic(file, KeyFiles::decodeSealingPublicKeyPem);
  }

  public static String encodePublicKeyPem(PublicKey key) {
    return encodePublic(KeyAlgorithm.ED25519, Objects.requireNonNull(key, "key").toByteArray());
  }

  /** @throws InvalidEncodingException if the text is not one Ed25519 PEM public key */
  public static PublicKey decodePublicKeyPem(String pem) {
    return PublicKey.of(decodePublic(KeyAlgorithm.ED25519, pem));
  }

  public static String encodeSealingPublicKeyPem(SealingPublicKey key) {
    return encodePublic(KeyAlgorithm.X25519, Objects.requireNonNull(key, "key").toByteArray());
  }

  /** @throws InvalidEncodingException if the text is not one X25519 PEM public key */
  public static SealingPublicKey decodeSealingPublicKeyPem(String pem) {
    return SealingPublicKey.of(decodePublic(KeyAlgorithm.X25519, pem));
  }

  private static String encodePublic(KeyAlgorithm algorithm, byte[] key) {
    return new String(Pem.encode(PUBLIC_LABEL, algorithm.encodePublic(key)),
        StandardCharsets.US_ASCII);
  }

  private static byte[] decodePublic(KeyAlgorithm algorithm, String pem) {
    Objects.requireNonNull(pem, "pem");
    return algorithm.decodePublic(Pem.decode(PUBLIC_LABEL, pem.getBytes(StandardCharsets.US_ASCII)));
  }

  private static void writePair(Path directory, String baseName, KeyAlgorithm algorithm,
      byte[] privateKey, byte[] publicKey) throws IOException {
    Objects.requireNonNull(directory, "directory");
    checkBaseName(baseName);
    Path privateFile = directory.resolve(baseName + PRIVATE_KEY_SUFFIX);
    Path publicFile = directory.resolve(baseName + PUBLIC_KEY_SUFFIX);
    for (Path file : new Path[] {privateFile, publicFile}) {
      if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        throw new FileAlreadyExistsException(file.toString(), null, "refusing to overwrite a key");
      }
    }
    byte[] der = algorithm.encodePrivate(privateKey);
    byte[] pem = null;
    try {
      pem = Pem.encode(PRIVATE_LABEL, der);
      writeNew(privateFile, pem, true);
    } finally {
      Arrays.fill(der, (byte) 0);
      if (pem != null) {
        Arrays.fill(pem, (byte) 0);
      }
    }
    try {
      writeNew(publicFile, Pem.encode(PUBLIC_LABEL, algorithm.encodePublic(publicKey)), false);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(privateFile); // no private key without its public half
      throw e;
    }
  }

  private static void checkBaseName(String baseName) {
    Objects.requireNonNull(baseName, "baseName");
    if (baseName.isEmpty() || baseName.equals(".") || baseName.equals("..")
        || baseName.indexOf('/') >= 0 || baseName.indexOf('\\') >= 0
        || baseName.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a key file base name is a plain file name, got '"
          + baseName + "'");
    }
  }

  /**
   * Writes a file that must not exist: a temporary file with the final permissions, flushed,
   * then hard-linked to its name (atomic, fails if the name exists). Where the file system has
   * no hard links it falls back to a move that refuses to replace.
   */
  private static void writeNew(Path target, byte[] content, boolean secret) throws IOException {
    Path directory = target.toAbsolutePath().getParent();
    Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp",
        permissions(directory, secret));
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      try {
        Files.createLink(target, temporary);
      } catch (FileAlreadyExistsException e) {
        throw e;
      } catch (UnsupportedOperationException | FileSystemException e) {
        Files.move(temporary, target); // no REPLACE_EXISTING: refuses an existing target
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
    syncDirectory(directory);
  }

  private static FileAttribute<?>[] permissions(Path directory, boolean secret) throws IOException {
    if (!Files.getFileStore(directory).supportsFileAttributeView(PosixFileAttributeView.class)) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
        PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--"))};
  }

  /** Makes the new name durable; not every platform can open a directory, which is harmless. */
  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // The file itself is on disk; only the directory entry may be lost by a crash right now.
    }
  }

  private static <T> T readPrivate(Path file, KeyAlgorithm algorithm, Function<byte[], T> make)
      throws IOException {
    byte[] text = readSmallFile(file);
    byte[] der = null;
    byte[] key = null;
    try {
      der = Pem.decode(PRIVATE_LABEL, text);
      key = algorithm.decodePrivate(der);
      return make.apply(key);
    } catch (InvalidEncodingException e) {
      throw new InvalidEncodingException(file + ": not a valid " + algorithm.displayName()
          + " private key file: " + e.getMessage(), e);
    } finally {
      Arrays.fill(text, (byte) 0);
      if (der != null) {
        Arrays.fill(der, (byte) 0);
      }
      if (key != null) {
        Arrays.fill(key, (byte) 0);
      }
    }
  }

  private static <T> T readPublic(Path file, Function<String, T> decode) throws IOException {
    String text = new String(readSmallFile(file), StandardCharsets.US_ASCII);
    try {
      return decode.apply(text);
    } catch (InvalidEncodingException e) {
      throw new InvalidEncodingException(file + ": not a valid public key file: "
          + e.getMessage(), e);
    }
  }

  private static byte[] readSmallFile(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    long size = Files.size(file);
    if (size > FILE_BYTES_MAX) {
      throw new InvalidEncodingException(file + ": " + size + " bytes is too large for a key file");
    }
    return Files.readAllBytes(file);
  }
}
