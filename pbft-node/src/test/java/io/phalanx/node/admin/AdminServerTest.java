package io.phalanx.node.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminServerTest {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private AdminServer server;

  @BeforeEach
  void start() throws Exception {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("view", 3);
    status.put("rejections", Map.of("bad_signature", 2));
    server = AdminServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        () -> status, registry);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void statusIsJsonFromTheSupplier() throws Exception {
    HttpResponse<String> response = get("/status");

    assertEquals(200, response.statusCode());
    JsonNode json = new ObjectMapper().readTree(response.body());
    assertEquals(3, json.get("view").asInt());
    assertEquals(2, json.get("rejections").get("bad_signature").asInt());
  }

  @Test
  void metricsArePrometheusTextFromTheRegistry() throws Exception {
    registry.counter("phalanx.commits").increment(5);

    HttpResponse<String> response = get("/metrics");

    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("phalanx_commits_total 5.0"), response.body());
  }

  @Test
  void otherPathsAndMethodsAreRefused() throws Exception {
    assertEquals(404, get("/admin").statusCode());
    HttpRequest post = HttpRequest.newBuilder(uri("/status"))
        .POST(HttpRequest.BodyPublishers.ofString("x")).build();
    assertEquals(405, http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    InetSocketAddress address = server.address();
    return URI.create("http://" + address.getHostString() + ":" + address.getPort() + path);
  }
}
