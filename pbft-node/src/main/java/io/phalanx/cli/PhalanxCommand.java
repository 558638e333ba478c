package io.phalanx.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code phalanx} command line: one binary for operators (keys, nodes), developers
 * (simulator) and smoke tests. Each subcommand is a class of its own in this package.
 */
@Command(
    name = "phalanx",
    mixinStandardHelpOptions = true,
    versionProvider = PhalanxVersion.class,
    description = "Phalanx: a Byzantine-fault-tolerant permissioned ledger (PBFT, 3f+1 replicas).",
    subcommands = {
        VersionCommand.class,
        KeygenCommand.class,
        InitCommand.class,
        NodeCommand.class,
        ClientCommand.class,
        VaultCommand.class,
        LoadCommand.class,
        SimulateCommand.class,
        DemoCommand.class,
        CommandLine.HelpCommand.class,
    })
public final class PhalanxCommand implements Runnable {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, also used by tests to run subcommands in-process. */
  public static CommandLine commandLine() {
    return new CommandLine(new PhalanxCommand()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
