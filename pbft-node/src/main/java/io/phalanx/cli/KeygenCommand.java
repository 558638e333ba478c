package io.phalanx.cli;

import io.phalanx.crypto.KeyFiles;
import io.phalanx.crypto.SealingKeyPair;
import io.phalanx.crypto.SigningKeyPair;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code phalanx keygen --out DIR}: a fresh identity — an Ed25519 signing key pair
 * ({@code signing.key}, {@code signing.pub}) and an X25519 sealing key pair ({@code sealing.key},
 * {@code sealing.pub}) for vault shares. Private keys are PKCS#8 PEM with mode 0600. Refuses to
 * overwrite: if any of the four files exists, nothing is written.
 */
@Command(name = "keygen", mixinStandardHelpOptions = true,
    description = "Write a fresh signing (Ed25519) and sealing (X25519) key pair to a directory.")
final class KeygenCommand implements Callable<Integer> {
  static final String SIGNING = "signing";
  static final String SEALING = "sealing";

  @Spec
  private CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Directory for the key files (created if missing).")
  private Path out;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    for (String name : List.of(SIGNING, SEALING)) {
      for (String suffix : List.of(KeyFiles.PRIVATE_KEY_SUFFIX, KeyFiles.PUBLIC_KEY_SUFFIX)) {
        Path file = out.resolve(name + suffix);
        if (Files.exists(file)) {
          err.println("phalanx keygen: " + file + " exists; refusing to overwrite any key");
          return 1;
        }
      }
    }
    Files.createDirectories(out);
    SecureRandom random = new SecureRandom();
    SigningKeyPair signing = SigningKeyPair.generate(random);
    KeyFiles.writeKeyPair(out, SIGNING, signing);
    try (SealingKeyPair sealing = SealingKeyPair.generate(random)) {
      KeyFiles.writeSealingKeyPair(out, SEALING, sealing);
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.println("signing public key " + signing.publicKey().toHex());
      stdout.println("sealing public key " + sealing.publicKey().toHex());
      stdout.println("written to " + out.toAbsolutePath());
    } finally {
      signing.privateKey().destroy();
    }
    return 0;
  }
}
