package io.phalanx.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.cli.PhalanxCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code phalanx vault} commands, in-process, against four real replicas. */
class VaultCommandEndToEndTest {
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
  void putGetStatusRefreshAndDeleteFromTheCommandLine() throws Exception {
    try (LocalConsortium consortium = LocalConsortium.start(directory.resolve("c"), 4, 3)) {
      String owner = consortium.layout.clientConfig(1).toString();
      String reader = consortium.layout.clientConfig(2).toString();
      String stranger = consortium.layout.clientConfig(3).toString();
      byte[] secret = new byte[] {0, 1, 2, (byte) 0xff, 'k', 'e', 'y'};
      Path in = Files.write(directory.resolve("in.bin"), secret);
      Path got = directory.resolve("got.bin");

      assertEquals(0, run("vault", "put", "--config", owner, "--name", "api-key", "--in",
          in.toString(), "--reader", "2"), err.toString());
      assertEquals(0, run("vault", "get", "--config", reader, "--name", "api-key", "--out",
          got.toString()), err.toString());
      assertArrayEquals(secret, Files.readAllBytes(got));
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(got)));

      assertEquals(1, run("vault", "get", "--config", stranger, "--name", "api-key", "--out",
          directory.resolve("no.bin").toString()));
      assertTrue(err.toString().contains("vault_not_authorised"), err.toString());
      assertTrue(Files.notExists(directory.resolve("no.bin")));

      assertEquals(0, run("vault", "status", "--config", owner, "--name", "api-key"),
          err.toString());
      assertTrue(out.toString().contains("member 3 get vault_not_authorised"), out.toString());

      assertEquals(0, run("vault", "refresh", "--config", owner, "--name", "api-key"),
          err.toString());
      assertTrue(out.toString().contains("refreshed api-key version 2"), out.toString());
      assertEquals(0, run("vault", "delete", "--config", owner, "--name", "api-key"),
          err.toString());
      assertEquals(1, run("vault", "get", "--config", owner, "--name", "api-key", "--out",
          got.toString()));
      assertTrue(err.toString().contains("vault_deleted"), err.toString());
      assertTrue(consortium.fatalErrors().isEmpty(), consortium.fatalErrors().toString());
    }
  }
}
