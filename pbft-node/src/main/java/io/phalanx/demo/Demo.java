package io.phalanx.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.phalanx.node.cluster.ProcessCluster;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@code phalanx demo}: a fresh 4-replica consortium as real processes on loopback, a transfer
 * workload from several clients, the primary killed with SIGKILL mid-run, the view change, the
 * restart and catch-up, and checks at the end: nothing acknowledged is missing, balances are
 * conserved, every replica has the same state digest.
 */
public final class Demo {
  /**
   * The scenario.
   *
   * @param warmUpSeconds workload before the fault
   * @param afterKillSeconds workload while the victim is down
   * @param afterRestartSeconds workload after the victim restarted
   * @param killPrimary SIGKILL the primary (a view change follows) or else a backup
   */
  public record Plan(int warmUpSeconds, int afterKillSeconds, int afterRestartSeconds,
      boolean killPrimary) {}

  private static final int CHECKPOINT_INTERVAL = 32;
  private static final String PROTOCOL = """
      protocol:
        checkpointInterval: %d
        watermarkWindow: %d
        requestTimeoutMillis: 1500
      """.formatted(CHECKPOINT_INTERVAL, 2 * CHECKPOINT_INTERVAL);

  private final PrintWriter out;
  private final Plan plan;
  private final long started = System.nanoTime();
  private final List<String[]> summary = new ArrayList<>();

  /**
   * The standard workload: {@code phalanx load}'s transfer workload for {@code seconds}, with
   * three closed-loop clients (client-2 … client-4; client-1 is the issuer that funds them).
   */
  public static Function<ProcessCluster, DemoWorkload> transferWorkload(int seconds) {
    return cluster -> new TransferDemoWorkload(cluster.layout().clientConfig(2),
        cluster.layout().clientConfig(1), seconds, 3);
  }

  public Demo(PrintWriter out, Plan plan) {
    this.out = out;
    this.plan = plan;
  }

  /**
   * Runs the whole scenario in {@code directory}; {@code workloads} makes the workload for the
   * consortium once it is up. Returns true only if every check passed.
   */
  public boolean run(Path directory, Function<ProcessCluster, DemoWorkload> workloads)
      throws Exception {
    say("Phalanx demo: 4 replicas (f = 1) as real processes on this machine");
    say("consortium in " + directory);
    try (ProcessCluster cluster = ProcessCluster.create(directory, 4, 4, PROTOCOL,
        List.of("-Xmx384m", "-XX:+UseSerialGC"))) {
      cluster.startAll();
      awaitAll(cluster, status -> status.get("connectedPeers").size() == 3, 60, "replicas up");
      say("all 4 replicas up and linked; view 0, primary replica 0; logs in " + directory.resolve("logs"));
      try (DemoWorkload workload = workloads.apply(cluster)) {
        workload.start();
        say("workload: client 1 (the issuer) funds accounts for clients 2-4, which then send "
            + "signed transfers through the SDK");
        awaitFirstTransfers(workload);
        long before = progressFor(workload, plan.warmUpSeconds(), cluster);
        int primary = primaryOf(cluster);
        int victim = plan.killPrimary() ? primary : (primary + 1) % cluster.replicas();
        long killedAt = System.nanoTime();
        say("SIGKILL replica " + victim + (plan.killPrimary() ? " (the primary" : " (a backup")
            + ", pid " + cluster.node(victim).pid().orElse(-1L) + ")");
        cluster.node(victim).kill();
        if (plan.killPrimary()) {
          long viewChangeMillis = awaitViewChange(cluster, victim, workload, killedAt);
          record("view change after SIGKILL of the primary", viewChangeMillis + " ms", true);
        }
        progressFor(workload, plan.afterKillSeconds(), cluster);
        say("restarting replica " + victim);
        cluster.node(victim).start();
        progressFor(workload, plan.afterRestartSeconds(), cluster);
        DemoWorkload.Verdict verdict = workload.stopAndCheck();
        double seconds = (System.nanoTime() - started) / 1e9;
        Optional<String> digest = awaitEqualDigests(cluster, workload);
        record("transfers acknowledged", Long.toString(verdict.acknowledged()), verdict.acknowledged() > before);
        record("acknowledged transfers missing", Long.toString(verdict.missing()), verdict.missing() == 0);
        record("balances conserved", Boolean.toString(verdict.conserved()), verdict.conserved());
        record("state digests equal on all 4 replicas", digest.orElse("no"), digest.isPresent());
        record("throughput over the whole run", String.format("%.0f tx/s", verdict.acknowledged() / seconds), true);
      }
    }
    return printSummary();
  }

  /** The warm-up counts from the first acknowledged transfer, not from the set-up. */
  private void awaitFirstTransfers(DemoWorkload workload) throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (workload.progress().acknowledged() == 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no transfer acknowledged within 120 s of the start");
      }
      Thread.sleep(100);
    }
    say("transfers flowing");
  }

  private long progressFor(DemoWorkload workload, int seconds, ProcessCluster cluster)
      throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long last = 0;
    while (System.nanoTime() < end) {
      Thread.sleep(1_000);
      DemoWorkload.Progress progress = workload.progress();
      say(String.format("acknowledged %,d  rejected %,d  in flight %d  (%,d tx/s)  %s",
          progress.acknowledged(), progress.rejected(), progress.inFlight(),
          progress.acknowledged() - last, views(cluster)));
      last = progress.acknowledged();
    }
    return workload.progress().acknowledged();
  }

  private long awaitViewChange(ProcessCluster cluster, int killed, DemoWorkload workload,
      long killedAt) throws InterruptedException {
    long acknowledged = workload.progress().acknowledged();
    while (System.nanoTime() - killedAt < 60_000_000_000L) {
      boolean changed = true;
      for (int i = 0; i < cluster.replicas(); i++) {
        if (i == killed) {
          continue;
        }
        Optional<JsonNode> status = cluster.status(i);
        changed &= status.isPresent() && status.get().get("view").asLong() > 0
            && status.get().get("viewActive").asBoolean();
      }
      if (changed && workload.progress().acknowledged() > acknowledged) {
        long millis = (System.nanoTime() - killedAt) / 1_000_000;
        say("view change done in " + millis + " ms: " + views(cluster) + "; transfers flowing again");
        return millis;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("no view change within 60 s of the primary's SIGKILL");
  }

  /**
   * Waits until every replica has executed the same blocks with the same state digest. A replica
   * that is behind catches up at the next stable checkpoint, which needs more requests: when the
   * replicas differ, this sends enough single transfers to reach the next checkpoint, then gives
   * the laggard a few seconds to fetch the certified blocks.
   */
  private Optional<String> awaitEqualDigests(ProcessCluster cluster, DemoWorkload workload)
      throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      long settle = System.nanoTime() + 5_000_000_000L;
      while (System.nanoTime() < settle) {
        Optional<String> agreed = agreedState(cluster);
        if (agreed.isPresent()) {
          return agreed;
        }
        Thread.sleep(200);
      }
      long highest = highestExecuted(cluster);
      long nudges = CHECKPOINT_INTERVAL - highest % CHECKPOINT_INTERVAL;
      say("replicas differ (" + views(cluster) + "); " + nudges
          + " more transfers to reach the next checkpoint");
      for (long i = 0; i < nudges; i++) {
        workload.nudge();
      }
    }
    return Optional.empty();
  }

  private Optional<String> agreedState(ProcessCluster cluster) {
    TreeSet<String> states = new TreeSet<>();
    for (int i = 0; i < cluster.replicas(); i++) {
      Optional<JsonNode> status = cluster.status(i);
      if (status.isEmpty()) {
        return Optional.empty();
      }
      states.add(status.get().get("ledgerExecuted").asLong() + "/"
          + status.get().get("stateDigest").asText());
    }
    if (states.size() != 1) {
      return Optional.empty();
    }
    String state = states.first();
    String digest = state.substring(state.indexOf('/') + 1, state.indexOf('/') + 17);
    say("all replicas at block " + state.substring(0, state.indexOf('/'))
        + " with state digest " + digest + "…");
    return Optional.of(digest);
  }

  private static long highestExecuted(ProcessCluster cluster) {
    long highest = 0;
    for (int i = 0; i < cluster.replicas(); i++) {
      Optional<JsonNode> status = cluster.status(i);
      if (status.isPresent()) {
        highest = Math.max(highest, status.get().get("ledgerExecuted").asLong());
      }
    }
    return highest;
  }

  private static int primaryOf(ProcessCluster cluster) {
    for (int i = 0; i < cluster.replicas(); i++) {
      Optional<JsonNode> status = cluster.status(i);
      if (status.isPresent()) {
        return status.get().get("primary").asInt();
      }
    }
    throw new IllegalStateException("no replica answers /status");
  }

  private static String views(ProcessCluster cluster) {
    StringBuilder text = new StringBuilder("views");
    for (int i = 0; i < cluster.replicas(); i++) {
      Optional<JsonNode> status = cluster.status(i);
      text.append(' ').append(i).append(':').append(status.map(s -> s.get("view").asText()
          + (s.get("viewActive").asBoolean() ? "" : "*") + "@" + s.get("ledgerExecuted").asText())
          .orElse("down"));
    }
    return text.toString();
  }

  private static void awaitAll(ProcessCluster cluster,
      java.util.function.Predicate<JsonNode> condition, int seconds, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      boolean all = true;
      for (int i = 0; i < cluster.replicas(); i++) {
        Optional<JsonNode> status = cluster.status(i);
        all &= status.isPresent() && condition.test(status.get());
      }
      if (all) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("timed out after " + seconds + " s waiting for " + what);
  }

  private void record(String check, String value, boolean ok) {
    summary.add(new String[] {check, value, ok ? "ok" : "FAILED"});
  }

  private boolean printSummary() {
    out.println();
    out.printf("%-44s %-20s %s%n", "check", "value", "result");
    boolean all = true;
    for (String[] row : summary) {
      out.printf("%-44s %-20s %s%n", row[0], row[1], row[2]);
      all &= row[2].equals("ok");
    }
    out.println(all ? "demo passed" : "demo FAILED");
    out.flush();
    return all;
  }

  private void say(String line) {
    out.printf("[%6.1fs] %s%n", (System.nanoTime() - started) / 1e9, line);
    out.flush();
  }
}
