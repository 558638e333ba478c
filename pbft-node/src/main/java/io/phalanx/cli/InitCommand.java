package io.phalanx.cli;

import io.phalanx.config.HostPort;
import io.phalanx.node.config.ConsortiumLayout;
import io.phalanx.node.config.ConsortiumWriter;
import io.phalanx.protocol.Genesis;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code phalanx init}: a fresh consortium directory (keys, genesis, one config per party). */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = "Write keys, the genesis and one YAML config per replica and per client.")
final class InitCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--replicas", defaultValue = "4",
      description = "Number of replicas, 3f+1 (default: ${DEFAULT-VALUE}).")
  private int replicas;

  @Option(names = "--dir", required = true, paramLabel = "DIR",
      description = "Directory to create the consortium in; must not hold one already.")
  private Path directory;

  @Option(names = "--clients", defaultValue = "4",
      description = "Number of client identities (default: ${DEFAULT-VALUE}); client 1 is an issuer.")
  private int clients;

  @Option(names = "--base-port", defaultValue = "7000", paramLabel = "P",
      description = "Replica i listens for peers on P+i, clients on P+100+i, admin on P+200+i "
          + "(default: ${DEFAULT-VALUE}).")
  private int basePort;

  @Option(names = "--hosts", split = ",", paramLabel = "HOST:PORT",
      description = "Peer address of each replica, in order (default: 127.0.0.1 and --base-port). "
          + "Client and admin ports are the peer port plus 100 and 200.")
  private List<String> hosts;

  @Option(names = "--tls",
      description = "Mutual TLS on replica links: a consortium CA and one certificate per replica.")
  private boolean tls;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    ConsortiumWriter.Plan plan;
    try {
      plan = hosts == null
          ? ConsortiumWriter.Plan.onOneHost(replicas, clients, "127.0.0.1", basePort,
              System.currentTimeMillis())
          : new ConsortiumWriter.Plan(replicas, clients, parse(hosts), System.currentTimeMillis());
    } catch (IllegalArgumentException e) {
      err.println("phalanx init: " + e.getMessage());
      return 2;
    }
    if (tls) {
      plan = plan.withTls();
    }
    Genesis genesis;
    try {
      genesis = new ConsortiumWriter(directory, new SecureRandom()).write(plan);
    } catch (FileAlreadyExistsException e) {
      err.println("phalanx init: " + e.getFile() + ": " + e.getReason() + "; refusing to overwrite");
      return 1;
    }
    ConsortiumLayout layout = new ConsortiumLayout(directory);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("consortium %s: %d replicas (f = %d), %d clients%n", genesis.getConsortiumId(),
        replicas, (replicas - 1) / 3, clients);
    out.println("genesis  " + layout.genesis());
    for (int i = 0; i < replicas; i++) {
      out.println("replica  " + layout.replicaConfig(i));
    }
    out.println("clients  " + layout.clientConfig(1) + (clients > 1 ? " … client-" + clients + ".yaml" : ""));
    return 0;
  }

  private static List<HostPort> parse(List<String> hosts) {
    List<HostPort> addresses = new ArrayList<>();
    for (String host : hosts) {
      addresses.add(HostPort.parse(host.strip()));
    }
    return addresses;
  }
}
