package io.phalanx.demo;

import io.phalanx.cli.load.TransferWorkload;
import io.phalanx.cli.load.WorkloadResult;
import io.phalanx.cli.load.WorkloadSettings;
import io.phalanx.client.PhalanxClient;
import io.phalanx.protocol.Account;
import io.phalanx.protocol.Uint128;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's workload: {@code phalanx load}'s {@link TransferWorkload} run in the background for
 * the whole scenario through the client SDK, and a separate client for the nudges.
 */
final class TransferDemoWorkload implements DemoWorkload {
  private static final Pattern PROGRESS = Pattern.compile(
      "acknowledged=(\\d+) rejected=(\\d+) in_flight=(\\d+)");

  private final TransferWorkload workload;
  private final Path nudgeConfig;
  private final Thread thread;
  private volatile Progress progress = new Progress(0, 0, 0);
  private volatile WorkloadResult result;
  private volatile Exception failure;
  private PhalanxClient nudger;
  private final long nudgeBase = new SecureRandom().nextLong() & 0x7fff_ffff_0000_0000L;
  private long nudges;

  TransferDemoWorkload(Path firstConfig, Path nudgeConfig, int seconds, int clients) {
    this.workload = new TransferWorkload(WorkloadSettings.of(firstConfig, seconds, clients, 4, 1),
        this::onProgress);
    this.nudgeConfig = nudgeConfig;
    this.thread = new Thread(this::runWorkload, "phalanx-demo-workload");
    thread.setDaemon(true);
  }

  private void onProgress(String line) {
    Matcher matcher = PROGRESS.matcher(line);
    if (matcher.find()) {
      progress = new Progress(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
          Long.parseLong(matcher.group(3)));
    }
  }

  private void runWorkload() {
    try {
      result = workload.run();
    } catch (Exception e) {
      failure = e;
    }
  }

  @Override
  public void start() {
    thread.start();
  }

  @Override
  public Progress progress() {
    return progress;
  }

  @Override
  public Verdict stopAndCheck() throws Exception {
    thread.join(TimeUnit.MINUTES.toMillis(10));
    if (failure != null) {
      throw failure;
    }
    if (result == null) {
      throw new IllegalStateException("the workload did not finish");
    }
    return new Verdict(result.acknowledged(), result.missing(), result.conserved());
  }

  /** Creates one fresh account: one more ordered request, one more block. */
  @Override
  public void nudge() throws ExecutionException, InterruptedException {
    if (nudger == null) {
      nudger = PhalanxClient.builder().config(nudgeConfig).build();
    }
    Uint128 id = Uint128.newBuilder().setHigh(nudgeBase).setLow(++nudges).build();
    nudger.createAccounts(List.of(Account.newBuilder().setId(id).setOwner(nudger.clientId())
        .setAsset(1).setCode(1).build())).get();
  }

  @Override
  public void close() {
    thread.interrupt();
    if (nudger != null) {
      nudger.close();
    }
  }
}
