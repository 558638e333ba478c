package io.phalanx.cli;

import io.phalanx.cli.load.TransferWorkload;
import io.phalanx.cli.load.WorkloadException;
import io.phalanx.cli.load.WorkloadResult;
import io.phalanx.cli.load.WorkloadSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code phalanx load}: a transfer workload against a running consortium, then a read-back of
 * everything it was told (see {@link TransferWorkload}). Progress goes to stderr every second.
 * The last line on stdout is exactly {@code acknowledged=<n> missing=<m> conserved=<true|false>};
 * the exit code is 0 only if nothing acknowledged is missing and balances are conserved.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = "Run a transfer workload against a running consortium and check the result.")
final class LoadCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--config", required = true, paramLabel = "FILE",
      description = "DIR/client-I.yaml; worker w runs as client I+w from the same directory.")
  private Path config;

  @Option(names = "--seconds", required = true, paramLabel = "S",
      description = "How long to send transfers, 1..86400.")
  private int seconds;

  @Option(names = "--clients", defaultValue = "1", paramLabel = "K",
      description = "Closed-loop workers, one client identity each (default: ${DEFAULT-VALUE}).")
  private int clients;

  @Option(names = "--accounts-per-client", defaultValue = "4", paramLabel = "A",
      description = "Accounts each worker owns (default: ${DEFAULT-VALUE}).")
  private int accountsPerClient;

  @Option(names = "--seed", defaultValue = "1",
      description = "Seed of the workers' choices (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Override
  public Integer call() throws InterruptedException {
    WorkloadSettings settings = settings();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    WorkloadResult result;
    try {
      result = new TransferWorkload(settings, err::println).run();
    } catch (WorkloadException e) {
      err.println("phalanx load: " + e.getMessage());
      out.println(new WorkloadResult(0, 0, 0, 0, 0, false, 0, java.util.List.of()).summaryLine());
      return 1;
    }
    result.problems().forEach(problem -> err.println("phalanx load: " + problem));
    out.printf("rejected=%d indeterminate=%d (found executed: %d) tx/s=%.1f%n", result.rejected(),
        result.indeterminate(), result.indeterminateFound(), result.transfersPerSecond());
    out.println(result.summaryLine());
    out.flush();
    return result.passed() ? 0 : 1;
  }

  private WorkloadSettings settings() {
    if (seconds < 1 || seconds > 86_400) {
      throw usage("--seconds must be in 1..86400, got " + seconds);
    }
    try {
      return WorkloadSettings.of(config, seconds, clients, accountsPerClient, seed);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
