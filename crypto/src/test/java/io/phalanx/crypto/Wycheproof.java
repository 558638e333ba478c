package io.phalanx.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Loads Project Wycheproof test vector files (C2SP/wycheproof, testvectors_v1, Apache License
 * 2.0) from {@code ${phalanx.shared.dir}/testvectors/wycheproof/}, and turns each vector into a
 * JUnit dynamic test.
 *
 * <p>Guards against a parsing bug silently skipping vectors: loading asserts that the groups hold
 * exactly the file's {@code numberOfTests} vectors with distinct {@code tcId}s, and the stream of
 * dynamic tests ends with one that asserts every vector's test actually ran.
 */
public final class Wycheproof {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Wycheproof() {}

  /** One test vector with the group it belongs to (groups carry shared parameters). */
  public record Vector(JsonNode group, JsonNode test) {
    public int tcId() {
      return test.get("tcId").asInt();
    }

    /** {@code valid}, {@code invalid} or {@code acceptable}. */
    public String result() {
      return text("result");
    }

    public String text(String field) {
      JsonNode node = test.get(field);
      assertNotNull(node, () -> "tcId " + tcId() + " has no field " + field);
      return node.asText();
    }

    public byte[] hex(String field) {
      return HexFormat.of().parseHex(text(field));
    }

    public int groupInt(String field) {
      JsonNode node = group.get(field);
      assertNotNull(node, () -> "tcId " + tcId() + "'s group has no field " + field);
      return node.asInt();
    }

    public String name() {
      String comment = test.path("comment").asText();
      return "tcId " + tcId() + " [" + result() + "]" + (comment.isEmpty() ? "" : " " + comment);
    }
  }

  public static Path file(String fileName) {
    String shared = System.getProperty("phalanx.shared.dir");
    assertNotNull(shared, "system property phalanx.shared.dir is not set (surefire sets it)");
    return Path.of(shared, "testvectors", "wycheproof", fileName);
  }

  public static JsonNode root(String fileName) {
    Path path = file(fileName);
    assertTrue(Files.isRegularFile(path), () -> "missing test vector file " + path);
    try {
      return MAPPER.readTree(path.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every vector in the file, checked against its {@code numberOfTests}. */
  public static List<Vector> load(String fileName) {
    JsonNode root = root(fileName);
    int declared = root.get("numberOfTests").asInt();
    List<Vector> vectors = new ArrayList<>();
    Set<Integer> ids = new HashSet<>();
    for (JsonNode group : root.get("testGroups")) {
      for (JsonNode test : group.get("tests")) {
        Vector vector = new Vector(group, test);
        assertTrue(ids.add(vector.tcId()), () -> "duplicate tcId " + vector.tcId());
        vectors.add(vector);
      }
    }
    assertTrue(declared > 0, fileName + " declares no tests");
    assertEquals(declared, vectors.size(), fileName + ": vectors parsed vs numberOfTests");
    return vectors;
  }

  /**
   * One dynamic test per vector running {@code check}, then one asserting that all
   * {@code numberOfTests} of them ran.
   */
  public static Stream<DynamicTest> dynamicTests(String fileName, Consumer<Vector> check) {
    List<Vector> vectors = load(fileName);
    AtomicInteger ran = new AtomicInteger();
    Stream<DynamicTest> each = vectors.stream().map(vector -> DynamicTest.dynamicTest(
        vector.name(), () -> {
          ran.incrementAndGet();
          check.accept(vector);
        }));
    DynamicTest count = DynamicTest.dynamicTest("all " + vectors.size() + " vectors of "
        + fileName + " ran", () -> assertEquals(vectors.size(), ran.get()));
    return Stream.concat(each, Stream.of(count));
  }
}
