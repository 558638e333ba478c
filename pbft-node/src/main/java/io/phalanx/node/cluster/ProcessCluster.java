package io.phalanx.node.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phalanx.node.config.ConsortiumLayout;
import io.phalanx.node.config.ConsortiumWriter;
import io.phalanx.protocol.Genesis;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A local consortium of real replica processes on loopback, for the demo and process tests:
 * writes the consortium with the same code as {@code phalanx init}, starts each replica as
 * {@code phalanx node}, kills (SIGKILL) and restarts them, and reads their {@code /status}.
 */
public final class ProcessCluster implements AutoCloseable {
  private final ConsortiumLayout layout;
  private final Genesis genesis;
  private final List<NodeProcess> nodes = new ArrayList<>();
  private final int basePort;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofMillis(500)).build();
  private final ObjectMapper json = new ObjectMapper();

  private ProcessCluster(ConsortiumLayout layout, Genesis genesis, int basePort) {
    this.layout = layout;
    this.genesis = genesis;
    this.basePort = basePort;
  }

  /**
   * Writes a consortium into {@code directory} and appends {@code protocolYaml} (a YAML
   * {@code protocol:} section, may be empty) to every replica's configuration. Starts nothing.
   */
  public static ProcessCluster create(Path directory, int replicas, int clients,
      String protocolYaml, List<String> jvmOptions) throws IOException {
    int base = Ports.freeBlock(replicas);
    Genesis genesis = new ConsortiumWriter(directory, new SecureRandom()).write(
        ConsortiumWriter.Plan.onOneHost(replicas, clients, "127.0.0.1", base,
            System.currentTimeMillis()));
    ConsortiumLayout layout = new ConsortiumLayout(directory);
    ProcessCluster cluster = new ProcessCluster(layout, genesis, base);
    for (int i = 0; i < replicas; i++) {
      if (!protocolYaml.isEmpty()) {
        Files.writeString(layout.replicaConfig(i), protocolYaml, StandardOpenOption.APPEND);
      }
      cluster.nodes.add(new NodeProcess(i, layout.replicaConfig(i),
          directory.resolve("logs").resolve("replica-" + i + ".log"), jvmOptions));
    }
    return cluster;
  }

  public ConsortiumLayout layout() {
    return layout;
  }

  public Genesis genesis() {
    return genesis;
  }

  public int replicas() {
    return nodes.size();
  }

  public NodeProcess node(int replica) {
    return nodes.get(replica);
  }

  public void startAll() throws IOException {
    for (NodeProcess node : nodes) {
      node.start();
    }
  }

  /** The replica's {@code /status}, or empty when it does not answer (down, starting). */
  public Optional<JsonNode> status(int replica) {
    URI uri = URI.create("http://127.0.0.1:" + (basePort + replica
        + ConsortiumWriter.ADMIN_PORT_OFFSET) + "/status");
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
          .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? Optional.of(json.readTree(response.body()))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Override
  public void close() throws InterruptedException {
    for (NodeProcess node : nodes) {
      node.terminate();
    }
  }
}
