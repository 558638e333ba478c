package io.phalanx.cli;

import io.phalanx.demo.Demo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code phalanx demo}: the README's run command. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run a local 4-replica consortium as real processes, a workload, a fault "
        + "(SIGKILL of the primary) and a restart, and check what happened.")
final class DemoCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--dir", paramLabel = "DIR",
      description = "Where to create the consortium (default: a fresh temporary directory).")
  private Path directory;

  @Option(names = "--seconds", defaultValue = "8", paramLabel = "S",
      description = "Length of each phase: before the kill, after it, after the restart "
          + "(default: ${DEFAULT-VALUE}).")
  private int seconds;

  @Override
  public Integer call() throws Exception {
    Path where = directory != null ? directory : Files.createTempDirectory("phalanx-demo-");
    Demo demo = new Demo(spec.commandLine().getOut(), new Demo.Plan(seconds, seconds, seconds, true));
    boolean passed = demo.run(where, Demo.transferWorkload(3 * seconds + 2));
    return passed ? 0 : 1;
  }
}
