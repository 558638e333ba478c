package io.phalanx.cli;

import io.phalanx.config.ConfigException;
import io.phalanx.node.FatalError;
import io.phalanx.node.ReplicaNode;
import io.phalanx.node.config.ReplicaConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code phalanx node --config replica-I.yaml}: runs one replica until SIGTERM or SIGINT, then
 * shuts down cleanly (network first, LevelDB last). On restart it recovers from its data
 * directory. A configuration error names the file and the field and exits with code 2.
 */
@Command(name = "node", mixinStandardHelpOptions = true,
    description = "Run one replica from its YAML configuration.")
final class NodeCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--config", required = true, paramLabel = "FILE",
      description = "The replica's configuration (replica-I.yaml from phalanx init).")
  private Path config;

  @Override
  public Integer call() throws Exception {
    ReplicaNode node;
    try {
      node = ReplicaNode.start(ReplicaConfig.load(config), FatalError.haltProcess());
    } catch (ConfigException e) {
      spec.commandLine().getErr().println("phalanx node: " + e.getMessage());
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      node.close();
      stopped.countDown();
    }, "phalanx-shutdown"));
    stopped.await();
    return 0;
  }
}
