package io.phalanx.ledger;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code verify-chain}: checks a replica's LevelDB ledger offline against a genesis file and
 * prints the verdict. Usage: {@code VerifyChain <ledger-directory> <genesis-file>}; exit status 0
 * for a valid chain, 1 for a bad one, 2 for a usage or storage error.
 */
public final class VerifyChain {
  private VerifyChain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out));
  }

  /** Runs the command, printing to {@code out}; the exit status. */
  public static int run(String[] args, PrintStream out) {
    if (args.length != 2) {
      out.println("usage: VerifyChain <ledger-directory> <genesis-file>");
      return 2;
    }
    try {
      GenesisConfig genesis = GenesisFile.read(Path.of(args[1]));
      ChainReport report = ChainVerifier.verify(Path.of(args[0]), genesis);
      if (report.isValid()) {
        out.println("chain valid: " + report.blocksChecked() + " blocks checked");
        return 0;
      }
      out.println("chain invalid at height " + report.firstBadHeight().orElseThrow() + ": "
          + report.reason() + " (" + report.blocksChecked() + " blocks valid before it)");
      return 1;
    } catch (RuntimeException e) {
      out.println("cannot verify: " + e.getMessage());
      return 2;
    }
  }
}
