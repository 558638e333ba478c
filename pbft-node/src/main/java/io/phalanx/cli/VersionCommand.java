package io.phalanx.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code phalanx version}: prints the build's version and the Java runtime. */
@Command(name = "version", description = "Print the Phalanx version and the Java runtime.")
final class VersionCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    for (String line : new PhalanxVersion().getVersion()) {
      spec.commandLine().getOut().println(line);
    }
    return 0;
  }
}
