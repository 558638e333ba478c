package io.phalanx.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped binary as real processes: four {@code phalanx node} JVMs on loopback with LevelDB
 * on disk, a transfer workload through the SDK, SIGKILL of one replica under load, its restart,
 * and the checks — no acknowledged transfer missing, balances conserved, equal state digests.
 */
class DemoProcessTest {
  @TempDir
  Path directory;

  @Test
  void killingThePrimaryUnderLoadLosesNothingAndTheRestartedReplicaCatchesUp() throws Exception {
    assertScenarioPasses(new Demo.Plan(5, 5, 5, true), directory.resolve("primary"));
  }

  @Test
  void killingABackupUnderLoadLosesNothingAndTheRestartedReplicaCatchesUp() throws Exception {
    assertScenarioPasses(new Demo.Plan(4, 4, 4, false), directory.resolve("backup"));
  }

  private static void assertScenarioPasses(Demo.Plan plan, Path where) throws Exception {
    StringWriter transcript = new StringWriter();
    Demo demo = new Demo(new PrintWriter(transcript, true), plan);
    int seconds = plan.warmUpSeconds() + plan.afterKillSeconds() + plan.afterRestartSeconds() + 2;
    boolean passed = demo.run(where, Demo.transferWorkload(seconds));
    assertTrue(passed, transcript.toString());
    assertTrue(transcript.toString().contains("acknowledged transfers missing               0"),
        transcript.toString());
  }
}
