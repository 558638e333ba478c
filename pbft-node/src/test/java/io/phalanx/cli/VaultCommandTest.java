package io.phalanx.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.crypto.feldman.Dealing;
import io.phalanx.crypto.feldman.FeldmanSecret;
import io.phalanx.crypto.feldman.FeldmanVss;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Argument parsing of {@code phalanx vault}, and {@code verify-share} offline. */
class VaultCommandTest {
  private static final int USAGE = CommandLine.ExitCode.USAGE;
  private static final SecureRandom RANDOM = new SecureRandom();

  @TempDir
  Path directory;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine command = PhalanxCommand.commandLine();
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  @Test
  void actionsRefuseMissingOrMalformedArguments() {
    assertEquals(USAGE, run("vault"));
    assertTrue(err.toString().contains("Missing action"), err.toString());
    assertEquals(USAGE, run("vault", "teleport"));
    assertEquals(USAGE, run("vault", "get", "--name", "db", "--out", "x"));
    assertEquals(USAGE, run("vault", "get", "--config", "c.yaml", "--name", "db"));
    assertEquals(USAGE, run("vault", "get", "--config", "c.yaml", "--out", "x"));
    assertEquals(USAGE, run("vault", "put", "--config", "c.yaml", "--name", "db"));
    assertEquals(USAGE, run("vault", "put", "--config", "c.yaml", "--name", "db", "--in", "f",
        "--reader", "bob"));
    assertEquals(USAGE, run("vault", "status", "--config", "c.yaml", "--name", ""));
    assertEquals(USAGE, run("vault", "refresh", "--config", "c.yaml", "--name",
        "x".repeat(129)));
    assertEquals(USAGE, run("vault", "delete", "--config", "c.yaml"));
    assertEquals(USAGE, run("vault", "verify-share", "--commitments", "c.hex"));
  }

  @Test
  void aMissingClientConfigIsAConfigurationError() {
    Path missing = directory.resolve("client-9.yaml");
    assertEquals(ClientCalls.CONFIG, run("vault", "status", "--config", missing.toString(),
        "--name", "db"));
    assertTrue(err.toString().contains(missing.toString()), err.toString());
  }

  @Test
  void verifyShareAcceptsAGoodShareInEitherCommitmentsFormat() throws Exception {
    Dealing dealing = deal();
    Path points = write("points.hex", pointsHex(dealing));
    Path encoded = write("encoded.hex", dealing.commitments().toBytes().toHex());
    Path share = write("share.hex", dealing.shares().get(2).toBytes().toHex());

    assertEquals(0, run("vault", "verify-share", "--commitments", points.toString(), "--share",
        share.toString()), err.toString());
    assertEquals(0, run("vault", "verify-share", "--commitments", encoded.toString(), "--share",
        share.toString()), err.toString());
    assertTrue(out.toString().contains("valid: share 3"), out.toString());
  }

  @Test
  void verifyShareRefusesAShareOfAnotherDealing() throws Exception {
    Path commitments = write("c.hex", pointsHex(deal()));
    Path share = write("s.hex", deal().shares().get(0).toBytes().toHex());

    assertEquals(1, run("vault", "verify-share", "--commitments", commitments.toString(),
        "--share", share.toString()));
    assertTrue(err.toString().contains("invalid"), err.toString());
  }

  @Test
  void verifyShareCallsUnreadableInputExitTwo() throws Exception {
    Dealing dealing = deal();
    Path commitments = write("c.hex", pointsHex(dealing));
    Path share = write("s.hex", dealing.shares().get(0).toBytes().toHex());
    Path notHex = write("bad.hex", "zz not hex");
    Path shortShare = write("short.hex", "01ab");

    assertEquals(2, run("vault", "verify-share", "--commitments",
        directory.resolve("absent").toString(), "--share", share.toString()));
    assertEquals(2, run("vault", "verify-share", "--commitments", notHex.toString(),
        "--share", share.toString()));
    assertEquals(2, run("vault", "verify-share", "--commitments", commitments.toString(),
        "--share", shortShare.toString()));
    assertEquals(2, run("vault", "verify-share", "--commitments", write("p.hex", "05" + "00"
        .repeat(32)).toString(), "--share", share.toString()));
  }

  @Test
  void theSecretFileIsWrittenForItsOwnerOnly() throws Exception {
    Path file = directory.resolve("secret.bin");
    Files.writeString(file, "old, world-readable");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    VaultCommand.writeOwnerOnly(file, new byte[] {1, 2, 3});
    VaultCommand.writeOwnerOnly(directory.resolve("fresh.bin"), new byte[] {4});

    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals("rw-------", PosixFilePermissions.toString(
        Files.getPosixFilePermissions(directory.resolve("fresh.bin"))));
  }

  private static Dealing deal() {
    try (FeldmanSecret secret = FeldmanSecret.generate(RANDOM)) {
      return FeldmanVss.deal(secret, 2, 4, RANDOM);
    }
  }

  /** One point per line, as the wire carries them (the leading threshold byte dropped). */
  private static String pointsHex(Dealing dealing) {
    String encoded = dealing.commitments().toBytes().toHex().substring(2);
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < encoded.length(); i += 66) {
      lines.append(encoded, i, i + 66).append('\n');
    }
    return lines.toString();
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(directory.resolve(name), text);
  }
}
