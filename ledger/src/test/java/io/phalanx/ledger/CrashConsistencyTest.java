package io.phalanx.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.crypto.Digest;
import io.phalanx.ledger.store.LevelDbLedgerStore;
import io.phalanx.ledger.store.MemoryLedgerStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that applies blocks to a real LevelDB directory with SIGKILL
 * ({@link Process#destroyForcibly()} on Linux) at seeded random points, 50 times, and checks
 * that every reopen holds the state after some whole block, with the reference digest of that
 * height, never before a block the child had reported as applied.
 */
class CrashConsistencyTest {
  static final long SEED = 20_261_123L;
  static final int KILLS = 50;
  static final long LAST_SEQUENCE = 5_000;

  static Workload workload(long seed) {
    return new Workload(seed, 3, 6);
  }

  @Test
  @Timeout(value = 150, unit = TimeUnit.SECONDS)
  void everyReopenAfterASigkillIsAWholeBlock(@TempDir Path directory) throws Exception {
    Random random = new Random(SEED);
    List<Digest> reference = new ArrayList<>();
    Ledger model = Ledger.open(new MemoryLedgerStore(), TestConsortium.config());
    reference.add(model.stateDigest());
    long reported = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      // -1: kill at once, while the JVM starts or opens (or creates) the database.
      int blocksToWait = random.nextInt(8) - 1;
      long applied = runAndKill(directory, blocksToWait);
      reported = Math.max(reported, applied);
      try (Ledger reopened = Ledger.open(LevelDbLedgerStore.open(directory),
          TestConsortium.config())) {
        long height = reopened.lastExecutedSequence();
        assertTrue(height >= reported, "block " + reported + " was reported durable, reopened at "
            + height + " (kill " + kill + ", seed " + SEED + ")");
        while (reference.size() <= height) {
          reference.add(model.applyBatch(workload(SEED).batch(reference.size())).stateDigest());
        }
        assertEquals(reference.get((int) height), reopened.stateDigest(),
            "digest at height " + height + " (kill " + kill + ", seed " + SEED + ")");
        reported = height;
      }
    }
    ChainReport report = ChainVerifier.verify(directory, TestConsortium.config());
    assertTrue(report.isValid(), report.reason());
    assertTrue(reported > KILLS, "the children made progress: " + reported);
  }

  /**
   * Starts a child, waits for {@code blocks} "applied" lines (none at all when negative), kills
   * it; the last height the child reported.
   */
  private static long runAndKill(Path directory, int blocks) throws IOException,
      InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), CrashWorker.class.getName(),
        directory.toString(), Long.toString(SEED), Long.toString(LAST_SEQUENCE))
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    long lastApplied = 0;
    if (blocks < 0) {
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");
      return 0;
    }
    try (BufferedReader output = new BufferedReader(new InputStreamReader(
        child.getInputStream(), StandardCharsets.UTF_8))) {
      String opened = output.readLine();
      assertNotNull(opened, "the child died before opening the ledger");
      for (int seen = 0; seen < blocks; seen++) {
        String line = output.readLine();
        if (line == null || !line.startsWith("applied ")) {
          break;
        }
        lastApplied = Long.parseLong(line.substring("applied ".length()));
      }
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");
    }
    return lastApplied;
  }
}
