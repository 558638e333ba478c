package io.phalanx.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PEM key files.
 *
 * <p>Fixtures: the Ed25519 key pair of RFC 8410 sections 10.1 (public) and 10.3 (private), which
 * are the same key; an X25519 key pair made with {@code openssl genpkey -algorithm x25519}
 * (OpenSSL 3.0.19) and its {@code openssl pkey -pubout}. Writing the RFC's seed must give the
 * RFC's text byte for byte, so files interoperate with OpenSSL both ways.
 */
class KeyFilesTest {
  private static final String RFC8410_PRIVATE = """
      -----BEGIN PRIVATE KEY-----
      MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC
      -----END PRIVATE KEY-----
      """;
  private static final String RFC8410_PUBLIC = """
      -----BEGIN PUBLIC KEY-----
      MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=
      -----END PUBLIC KEY-----
      """;
  private static final String RFC8410_SEED =
      "d4ee72dbf913584ad5b6d8f1f769f8ad3afe7c28cbf1d4fbe097a88f44755842";
  private static final String RFC8410_PUBLIC_HEX =
      "19bf44096984cdfe8541bac167dc3b96c85086aa30b6b6cb0c5c38ad703166e1";
  private static final String OPENSSL_X25519_PRIVATE = """
      -----BEGIN PRIVATE KEY-----
      MC4CAQAwBQYDK2VuBCIEIDiRbN6FmU5qHd7HKNfEuQxXUsFezFtRAgN+1y1wEfZn
      -----END PRIVATE KEY-----
      """;
  private static final String OPENSSL_X25519_PUBLIC = """
      -----BEGIN PUBLIC KEY-----
      MCowBQYDK2VuAyEA72fI7I6TAe8O6BIMM/HOqJ3+8DcTUtDfXF0aig7OJiM=
      -----END PUBLIC KEY-----
      """;

  @TempDir
  Path directory;

  private final SecureRandom random = new SecureRandom();

  @Test
  void signingKeysRoundTrip() throws IOException {
    SigningKeyPair pair = SigningKeyPair.generate(random);
    KeyFiles.writeKeyPair(directory, "replica-0", pair);

    SigningKeyPair read = KeyFiles.readPrivateKey(directory.resolve("replica-0.key"));
    assertEquals(pair.publicKey(), read.publicKey());
    assertArrayEquals(pair.privateKey().toByteArray(), read.privateKey().toByteArray());
    assertEquals(pair.sign(new byte[] {1}), read.sign(new byte[] {1}));
    assertEquals(pair.publicKey(), KeyFiles.readPublicKey(directory.resolve("replica-0.pub")));
    try (Stream<Path> files = Files.list(directory)) {
      assertEquals(List.of("replica-0.key", "replica-0.pub"),
          files.map(file -> file.getFileName().toString()).sorted().toList(),
          "no temporary files left behind");
    }
  }

  @Test
  void sealingKeysRoundTrip() throws IOException {
    SealingKeyPair pair = SealingKeyPair.generate(random);
    KeyFiles.writeSealingKeyPair(directory, "replica-0-sealing", pair);
    SealingKeyPair read = KeyFiles.readSealingPrivateKey(directory.resolve("replica-0-sealing.key"));
    assertEquals(pair.publicKey(), read.publicKey());
    assertArrayEquals(pair.internalPrivateKey(), read.internalPrivateKey());
    assertEquals(pair.publicKey(),
        KeyFiles.readSealingPublicKey(directory.resolve("replica-0-sealing.pub")));
  }

  @Test
  void writesTheRfc8410TextExactlyAndReadsIt() throws IOException {
    SigningKeyPair pair = SigningKeyPair.of(PrivateKey.of(HexFormat.of().parseHex(RFC8410_SEED)));
    assertEquals(RFC8410_PUBLIC_HEX, pair.publicKey().toHex());
    KeyFiles.writeKeyPair(directory, "rfc", pair);
    assertEquals(RFC8410_PRIVATE, Files.readString(directory.resolve("rfc.key")));
    assertEquals(RFC8410_PUBLIC, Files.readString(directory.resolve("rfc.pub")));
    assertEquals(RFC8410_PUBLIC, KeyFiles.encodePublicKeyPem(pair.publicKey()));
    assertEquals(pair.publicKey(), KeyFiles.decodePublicKeyPem(RFC8410_PUBLIC));
  }

  @Test
  void readsOpenSslX25519Keys() throws IOException {
    SealingKeyPair pair = KeyFiles.readSealingPrivateKey(write("openssl.key", OPENSSL_X25519_PRIVATE));
    assertEquals(KeyFiles.decodeSealingPublicKeyPem(OPENSSL_X25519_PUBLIC), pair.publicKey());
    assertEquals(OPENSSL_X25519_PUBLIC, KeyFiles.encodeSealingPublicKeyPem(pair.publicKey()));
  }

  @Test
  void acceptsCrlfLineEndingsAndSurroundingWhitespace() throws IOException {
    String crlf = "\n  " + RFC8410_PRIVATE.replace("\n", "\r\n") + "\n\n";
    assertEquals(RFC8410_PUBLIC_HEX,
        KeyFiles.readPrivateKey(write("crlf.key", crlf)).publicKey().toHex());
  }

  @Test
  void thePrivateKeyFileIsMode0600() throws IOException {
    Assumptions.assumeTrue(Files.getFileStore(directory)
        .supportsFileAttributeView(PosixFileAttributeView.class), "POSIX permissions only");
    KeyFiles.writeKeyPair(directory, "node", SigningKeyPair.generate(random));
    KeyFiles.writeSealingKeyPair(directory, "node-sealing", SealingKeyPair.generate(random));
    Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
    assertEquals(ownerOnly, Files.getPosixFilePermissions(directory.resolve("node.key")));
    assertEquals(ownerOnly, Files.getPosixFilePermissions(directory.resolve("node-sealing.key")));
    Set<PosixFilePermission> publicMode = Files.getPosixFilePermissions(directory.resolve("node.pub"));
    assertTrue(publicMode.contains(PosixFilePermission.OWNER_READ), publicMode.toString());
    assertFalse(publicMode.contains(PosixFilePermission.OTHERS_WRITE), publicMode.toString());
  }

  @Test
  void refusesToOverwriteEitherFile() throws IOException {
    SigningKeyPair first = SigningKeyPair.generate(random);
    KeyFiles.writeKeyPair(directory, "node", first);
    String before = Files.readString(directory.resolve("node.key"));
    assertThrows(FileAlreadyExistsException.class,
        () -> KeyFiles.writeKeyPair(directory, "node", SigningKeyPair.generate(random)));
    assertEquals(before, Files.readString(directory.resolve("node.key")));

    Files.writeString(directory.resolve("lonely.pub"), "not mine");
    assertThrows(FileAlreadyExistsException.class,
        () -> KeyFiles.writeKeyPair(directory, "lonely", SigningKeyPair.generate(random)));
    assertFalse(Files.exists(directory.resolve("lonely.key")), "nothing written on refusal");
    assertEquals("not mine", Files.readString(directory.resolve("lonely.pub")));
  }

  @Test
  void refusesBaseNamesThatAreNotPlainFileNames() {
    SigningKeyPair pair = SigningKeyPair.generate(random);
    for (String bad : new String[] {"", ".", "..", "a/b", "../x", "a\\b"}) {
      assertThrows(IllegalArgumentException.class,
          () -> KeyFiles.writeKeyPair(directory, bad, pair), bad);
    }
  }

  @Test
  void corruptFilesAreRefusedNamingTheFile() throws IOException {
    String body = "MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC";
    List<String> corrupt = List.of(
        "",
        "garbage",
        RFC8410_PRIVATE.replace("PRIVATE KEY", "EC PRIVATE KEY"),
        RFC8410_PRIVATE.replace("-----END PRIVATE KEY-----\n", ""),
        RFC8410_PRIVATE + "trailing text\n",
        "comment before\n" + RFC8410_PRIVATE,
        RFC8410_PRIVATE + RFC8410_PRIVATE,
        RFC8410_PRIVATE.replace(body, body.replace('t', '*')),       // not base64
        RFC8410_PRIVATE.replace(body, body.substring(0, 60)),        // truncated DER
        RFC8410_PRIVATE.replace(body, body.substring(0, 63)),        // not a multiple of 4
        RFC8410_PRIVATE.replace(body, body.substring(0, 62) + "=="), // padding inside the data
        RFC8410_PRIVATE.replace(body, body.replace("MC4CAQAw", "MC4CAQEw")), // version 1
        RFC8410_PRIVATE.replace(body, body + "AAAA"),                // trailing DER bytes
        OPENSSL_X25519_PRIVATE,                                      // wrong OID: X25519
        RFC8410_PUBLIC);                                             // a public key
    for (int i = 0; i < corrupt.size(); i++) {
      Path file = write("corrupt-" + i + ".key", corrupt.get(i));
      InvalidEncodingException e = assertThrows(InvalidEncodingException.class,
          () -> KeyFiles.readPrivateKey(file), "case " + i);
      assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
  }

  @Test
  void aWrongAlgorithmIsNamedInTheMessage() throws IOException {
    Path file = write("x.key", OPENSSL_X25519_PRIVATE);
    InvalidEncodingException e = assertThrows(InvalidEncodingException.class,
        () -> KeyFiles.readPrivateKey(file));
    assertTrue(e.getMessage().contains("1.3.101.110") && e.getMessage().contains("X25519"),
        e.getMessage());
    assertThrows(InvalidEncodingException.class,
        () -> KeyFiles.readSealingPrivateKey(write("ed.key", RFC8410_PRIVATE)));
    assertThrows(InvalidEncodingException.class,
        () -> KeyFiles.decodePublicKeyPem(OPENSSL_X25519_PUBLIC));
    assertThrows(InvalidEncodingException.class,
        () -> KeyFiles.decodeSealingPublicKeyPem(RFC8410_PUBLIC));
  }

  @Test
  void corruptPublicKeysAreRefused() throws IOException {
    // A well-formed SubjectPublicKeyInfo whose 32 bytes are not an Ed25519 point.
    byte[] notAPoint = new byte[32];
    for (notAPoint[0] = 2; isPoint(notAPoint); notAPoint[0]++) {
      // the first small y with no x on the curve
    }
    String pem = new String(Pem.encode("PUBLIC KEY", KeyAlgorithm.ED25519.encodePublic(notAPoint)),
        StandardCharsets.US_ASCII);
    assertThrows(InvalidEncodingException.class, () -> KeyFiles.decodePublicKeyPem(pem));

    // "…ZuE=": 'E' leaves the two unused bits zero; 'F' sets one, a non-canonical encoding.
    assertThrows(InvalidEncodingException.class,
        () -> KeyFiles.decodePublicKeyPem(RFC8410_PUBLIC.replace("ZuE=", "ZuF=")));
    Path file = write("bad.pub", RFC8410_PUBLIC.replace("DFw4", "DFw"));
    InvalidEncodingException e = assertThrows(InvalidEncodingException.class,
        () -> KeyFiles.readPublicKey(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertThrows(InvalidEncodingException.class, () -> KeyFiles.decodePublicKeyPem("é"));
  }

  private static boolean isPoint(byte[] encoded) {
    try {
      PublicKey.of(encoded);
      return true;
    } catch (InvalidEncodingException e) {
      return false;
    }
  }

  @Test
  void aHugeFileIsNotReadWhole() throws IOException {
    Path file = directory.resolve("huge.key");
    Files.write(file, new byte[1 << 20]);
    assertThrows(InvalidEncodingException.class, () -> KeyFiles.readPrivateKey(file));
  }

  @Test
  void readKeysHideTheirPrivateHalves() throws IOException {
    SigningKeyPair pair = KeyFiles.readPrivateKey(write("rfc.key", RFC8410_PRIVATE));
    SealingKeyPair sealing = KeyFiles.readSealingPrivateKey(write("x.key", OPENSSL_X25519_PRIVATE));
    for (String text : new String[] {pair.toString(), pair.privateKey().toString(),
        sealing.toString()}) {
      assertTrue(text.contains("redacted"), text);
      assertFalse(text.contains("d4ee72"), text);
      assertFalse(text.contains("38916c"), text);
    }
  }

  private Path write(String name, String content) throws IOException {
    return Files.write(directory.resolve(name), content.getBytes(StandardCharsets.UTF_8));
  }
}
