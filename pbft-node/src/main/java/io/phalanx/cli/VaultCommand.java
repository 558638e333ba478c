package io.phalanx.cli;

import io.phalanx.client.ResultCodes;
import io.phalanx.client.VaultChange;
import io.phalanx.client.VaultClient;
import io.phalanx.client.VaultStatus;
import io.phalanx.client.vault.RecoveredSecret;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.CryptoException;
import io.phalanx.crypto.feldman.FeldmanCommitments;
import io.phalanx.crypto.feldman.FeldmanShare;
import io.phalanx.crypto.feldman.FeldmanVss;
import io.phalanx.protocol.VaultAccess;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code phalanx vault <action>}: the split-secret vault of a running consortium, as one client
 * ({@code --config client-I.yaml}). Exit codes as {@code phalanx client}: 0 done, 1 refused (the
 * ledger's code is printed, e.g. {@code vault_not_authorised}), 2 usage or configuration, 3
 * outcome unknown, 4 other failures (also: fewer than f+1 good shares). {@code verify-share}
 * works offline: 0 valid, 1 invalid, 2 unreadable input. No secret is ever printed.
 */
@Command(name = "vault", mixinStandardHelpOptions = true,
    description = "Split-secret vault: put, get, status, refresh, delete, verify-share.",
    subcommands = {
        VaultCommand.Put.class,
        VaultCommand.Get.class,
        VaultCommand.Status.class,
        VaultCommand.Refresh.class,
        VaultCommand.Delete.class,
        VaultCommand.VerifyShare.class,
    })
final class VaultCommand implements Callable<Integer> {
  static final int INVALID = 1;
  static final int UNREADABLE = 2;
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing action: put, get, status, refresh, delete or verify-share");
  }

  /** {@code --config} and {@code --name}, shared by the online actions. */
  static final class Target {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE",
        description = "The client's configuration, e.g. DIR/client-2.yaml (from phalanx init).")
    private Path config;

    @Option(names = "--name", required = true, description = "The secret's name (1..128 bytes).")
    private String name;

    int run(String action, VaultCall call) {
      try {
        checkName(name);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      return ClientCalls.run("vault " + action, config, spec.commandLine().getErr(),
          client -> call.run(client.vault(), spec.commandLine().getOut(),
              spec.commandLine().getErr()));
    }

    private static void checkName(String name) {
      int bytes = name.getBytes(StandardCharsets.UTF_8).length;
      if (bytes < 1 || bytes > 128 || name.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException(
            "--name must have 1..128 UTF-8 bytes and no control characters");
      }
    }
  }

  @FunctionalInterface
  interface VaultCall {
    int run(VaultClient vault, PrintWriter out, PrintWriter err) throws Exception;
  }

  @Command(name = "put", mixinStandardHelpOptions = true,
      description = "Store a file's bytes as a secret (new, or the next version of yours).")
  static final class Put implements Callable<Integer> {
    @Mixin
    private Target target;

    @Option(names = "--in", required = true, paramLabel = "FILE",
        description = "The secret's bytes (at most 64 KiB).")
    private Path in;

    @Option(names = "--reader", paramLabel = "ID",
        description = "A member that may read the secret besides you; repeatable.")
    private List<Long> readers = List.of();

    @Override
    public Integer call() {
      return target.run("put", (vault, out, err) -> {
        byte[] secret;
        try {
          secret = Files.readAllBytes(in);
        } catch (IOException e) {
          err.println("phalanx vault put: cannot read " + in + ": " + e.getMessage());
          return ClientCalls.CONFIG;
        }
        try {
          VaultChange change = ClientCalls.await(vault.put(target.name, secret, readers));
          out.println("put " + change.name() + " version " + change.version());
          return 0;
        } finally {
          Arrays.fill(secret, (byte) 0);
        }
      });
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true,
      description = "Read a secret into a file (mode 0600); suspect replicas go to stderr.")
  static final class Get implements Callable<Integer> {
    @Mixin
    private Target target;

    @Option(names = "--out", required = true, paramLabel = "FILE",
        description = "Where the secret is written, readable by its owner only.")
    private Path outFile;

    @Override
    public Integer call() {
      return target.run("get", (vault, out, err) -> {
        try (RecoveredSecret secret = ClientCalls.await(vault.get(target.name))) {
          byte[] bytes = secret.secret();
          try {
            writeOwnerOnly(outFile, bytes);
          } catch (IOException e) {
            err.println("phalanx vault get: cannot write " + outFile + ": " + e.getMessage());
            return ClientCalls.FAILED;
          } finally {
            Arrays.fill(bytes, (byte) 0);
          }
          secret.suspects().forEach((replica, fault) ->
              err.println("phalanx vault get: suspect replica " + replica + ": " + fault));
          out.println("got " + target.name + " version " + secret.version() + " into " + outFile);
          return 0;
        }
      });
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Show a secret's version, threshold and access log.")
  static final class Status implements Callable<Integer> {
    @Mixin
    private Target target;

    @Override
    public Integer call() {
      return target.run("status", (vault, out, err) -> {
        VaultStatus status = ClientCalls.await(vault.status(target.name));
        out.println(status.name() + " version " + status.version() + " threshold "
            + status.threshold() + (status.deleted() ? " deleted" : "") + " acks "
            + status.acks());
        for (VaultAccess access : status.accesses()) {
          String kind = access.getKind().name().substring("VAULT_ACCESS_".length())
              .toLowerCase(Locale.ROOT);
          out.println("  " + access.getTimestamp() + " member " + access.getMember() + " "
              + kind + " " + ResultCodes.name(access.getCode()) + " version "
              + access.getVersion());
        }
        return 0;
      });
    }
  }

  @Command(name = "refresh", mixinStandardHelpOptions = true,
      description = "Re-randomise every share of a secret (owner only); the secret stays.")
  static final class Refresh implements Callable<Integer> {
    @Mixin
    private Target target;

    @Override
    public Integer call() {
      return target.run("refresh", (vault, out, err) -> {
        VaultChange change = ClientCalls.await(vault.refresh(target.name));
        out.println("refreshed " + change.name() + " version " + change.version());
        return 0;
      });
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true,
      description = "Delete a secret's shares (owner only); its access log stays.")
  static final class Delete implements Callable<Integer> {
    @Mixin
    private Target target;

    @Override
    public Integer call() {
      return target.run("delete", (vault, out, err) -> {
        VaultChange change = ClientCalls.await(vault.delete(target.name));
        out.println("deleted " + change.name() + " version " + change.version());
        return 0;
      });
    }
  }

  /**
   * Offline check of one Feldman share against commitments. Both files are hexadecimal text
   * (whitespace and line breaks ignored). Commitments: the 33-byte compressed points in
   * coefficient order, concatenated (as {@code VaultResult.commitments}), or the crypto
   * module's encoding (one threshold byte, then the points). Share: the crypto module's
   * encoding, one index byte (1..255) then the 32-byte big-endian value.
   */
  @Command(name = "verify-share", mixinStandardHelpOptions = true,
      description = "Check a share against Feldman commitments offline: exit 0 valid, "
          + "1 invalid, 2 unreadable input. Files are hex text (see README-vault.md).")
  static final class VerifyShare implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--commitments", required = true, paramLabel = "FILE",
        description = "Hex: the 33-byte points concatenated, or threshold byte + points.")
    private Path commitmentsFile;

    @Option(names = "--share", required = true, paramLabel = "FILE",
        description = "Hex: index byte + 32-byte value.")
    private Path shareFile;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      FeldmanCommitments commitments;
      FeldmanShare share;
      try {
        commitments = commitments(hex(commitmentsFile));
      } catch (IOException | IllegalArgumentException | CryptoException e) {
        err.println("phalanx vault verify-share: unreadable commitments " + commitmentsFile
            + ": " + e.getMessage());
        return UNREADABLE;
      }
      try {
        share = FeldmanShare.fromBytes(hex(shareFile));
      } catch (IOException | IllegalArgumentException | CryptoException e) {
        err.println("phalanx vault verify-share: unreadable share " + shareFile + ": "
            + e.getClass().getSimpleName());
        return UNREADABLE;
      }
      if (FeldmanVss.isValid(share, commitments)) {
        spec.commandLine().getOut().println("valid: share " + share.index()
            + " matches the commitments (threshold " + commitments.threshold() + ")");
        return 0;
      }
      err.println("invalid: share " + share.index() + " does not match the commitments");
      return INVALID;
    }

    static FeldmanCommitments commitments(Bytes raw) {
      byte[] bytes = raw.toByteArray();
      if (bytes.length % 33 == 0 && bytes.length > 0) {
        byte[] encoded = new byte[bytes.length + 1];
        encoded[0] = (byte) (bytes.length / 33);
        System.arraycopy(bytes, 0, encoded, 1, bytes.length);
        bytes = encoded;
      }
      return FeldmanCommitments.fromBytes(Bytes.of(bytes));
    }

    private static Bytes hex(Path file) throws IOException {
      String text = Files.readString(file, StandardCharsets.US_ASCII).replaceAll("\\s+", "");
      if (text.startsWith("0x") || text.startsWith("0X")) {
        text = text.substring(2);
      }
      return Bytes.fromHex(text);
    }
  }

  /** Writes {@code bytes} to {@code file} readable and writable by its owner only. */
  static void writeOwnerOnly(Path file, byte[] bytes) throws IOException {
    boolean posix = file.toAbsolutePath().getParent().getFileSystem()
        .supportedFileAttributeViews().contains("posix");
    if (posix && !Files.exists(file)) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } else if (posix) {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    }
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      out.write(bytes);
    }
  }
}
