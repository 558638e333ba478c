package io.phalanx.node.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replica's admin HTTP port: {@code GET /status} (JSON from a status supplier) and
 * {@code GET /metrics} (Prometheus text from a Micrometer registry). Read-only; any other method
 * gets 405 and any other path 404. One small thread serves it, so a slow scraper cannot take
 * threads from the replica.
 */
public final class AdminServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final HttpServer server;
  private final ExecutorService executor;

  private AdminServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Binds {@code address} (port 0 picks a free port) and starts serving.
   *
   * @param status called on every {@code /status} request; must be thread-safe and return values
   *     Jackson can write (maps, lists, strings, numbers, booleans, records)
   */
  public static AdminServer start(
      InetSocketAddress address, Supplier<Map<String, Object>> status,
      PrometheusMeterRegistry registry) throws IOException {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(registry, "registry");
    HttpServer server = HttpServer.create(address, 16);
    ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "phalanx-admin");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", exchange -> handle(exchange, status, registry));
    server.start();
    return new AdminServer(server, executor);
  }

  /** The bound address (with the real port when started on port 0). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  private static void handle(HttpExchange exchange, Supplier<Map<String, Object>> status,
      PrometheusMeterRegistry registry) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        respond(exchange, 405, "text/plain", "only GET is served\n");
        return;
      }
      switch (exchange.getRequestURI().getPath()) {
        case "/status" -> respond(exchange, 200, "application/json",
            JSON.writeValueAsString(status.get()) + "\n");
        case "/metrics" -> respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8",
            registry.scrape());
        default -> respond(exchange, 404, "text/plain", "try /status or /metrics\n");
      }
    } catch (RuntimeException e) {
      LOG.warn("admin request {} failed", exchange.getRequestURI(), e);
    }
  }

  private static void respond(HttpExchange exchange, int code, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
