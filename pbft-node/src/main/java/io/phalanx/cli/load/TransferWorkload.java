package io.phalanx.cli.load;

import io.phalanx.client.CreateResult;
import io.phalanx.client.Events;
import io.phalanx.client.PhalanxClient;
import io.phalanx.client.PhalanxClientException;
import io.phalanx.client.RejectedException;
import io.phalanx.protocol.Transfer;
import io.phalanx.protocol.Uint128;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A transfer workload against a running consortium, with a check of everything it was told:
 * set-up ({@link WorkloadSetup}), K closed-loop workers that each send one transfer at a time from
 * their own accounts to random accounts for the whole duration, a progress line every second, and
 * a read-back ({@link WorkloadCheck}). Used by {@code phalanx load} and, in-process, by the demo:
 *
 * <pre>{@code
 * WorkloadResult result = new TransferWorkload(
 *     WorkloadSettings.of(dir.resolve("client-2.yaml"), 30, 3, 4, 1), System.err::println).run();
 * System.out.println(result.summaryLine());   // acknowledged=… missing=0 conserved=true
 * }</pre>
 *
 * Account and transfer ids carry a fresh random run id, so runs against one ledger never collide;
 * the seed drives only the workers' choices.
 */
public final class TransferWorkload {
  private final WorkloadSettings settings;
  private final Consumer<String> progress;
  private final long runId = new SecureRandom().nextLong() & Long.MAX_VALUE | 1L << 32;

  /** @param progress receives a progress line every second and the set-up steps */
  public TransferWorkload(WorkloadSettings settings, Consumer<String> progress) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /**
   * Runs set-up, the workload and the check.
   *
   * @throws WorkloadException if a configuration is missing or set-up or the read-back fails
   */
  public WorkloadResult run() throws WorkloadException, InterruptedException {
    if ((long) settings.clients() * settings.accountsPerClient() < 2) {
      throw new WorkloadException("a transfer needs two accounts: use more clients or accounts");
    }
    Ledgerbook book = new Ledgerbook(runId);
    try (WorkloadClients clients = WorkloadClients.open(settings)) {
      progress.accept("load: setting up " + settings.clients() + " client(s) with "
          + settings.accountsPerClient() + " account(s) each");
      WorkloadSetup.Accounts accounts = WorkloadSetup.run(clients, settings, runId, book);
      long started = System.nanoTime();
      drive(clients, accounts, book);
      double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
      progress.accept("load: reading everything back");
      return check(clients.issuer(), accounts, book, book.acknowledgedCount() / seconds);
    }
  }

  private void drive(WorkloadClients clients, WorkloadSetup.Accounts accounts, Ledgerbook book)
      throws InterruptedException {
    long end = System.nanoTime() + settings.duration().toNanos();
    ExecutorService workers = Executors.newFixedThreadPool(settings.clients());
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    ProgressLine line = new ProgressLine(book, progress);
    ticker.scheduleAtFixedRate(line::print, 1, 1, TimeUnit.SECONDS);
    try {
      for (int w = 0; w < settings.clients(); w++) {
        PhalanxClient client = clients.worker(w);
        List<Uint128> own = accounts.perWorker().get(w);
        SplittableRandom random = new SplittableRandom(settings.seed() * 1_000_003L + w);
        workers.execute(() -> work(client, own, accounts.all(), random, end, book));
      }
      workers.shutdown();
      // Each worker stops after its call in flight ends, which the client bounds by its deadline.
      if (!workers.awaitTermination(settings.duration().toSeconds() + 600, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } finally {
      ticker.shutdownNow();
      line.print();
    }
  }

  private void work(PhalanxClient client, List<Uint128> own, List<Uint128> all,
      SplittableRandom random, long end, Ledgerbook book) {
    while (System.nanoTime() - end < 0 && !Thread.currentThread().isInterrupted()) {
      Uint128 from = own.get(random.nextInt(own.size()));
      Uint128 to = all.get(random.nextInt(all.size()));
      if (to.equals(from)) {
        continue;
      }
      long amount = 1 + random.nextLong(settings.amountMax());
      Transfer transfer = Events.transfer(book.nextTransferId(), from, to, amount,
          WorkloadSetup.ASSET);
      send(client, transfer, book);
    }
  }

  private static void send(PhalanxClient client, Transfer transfer, Ledgerbook book) {
    book.onSent();
    try {
      CreateResult result = client.createTransfers(List.of(transfer)).get().get(0);
      if (result.isOk()) {
        book.onAcknowledged(transfer);
      } else {
        book.onRejected();
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RejectedException) {
        book.onRejected();
      } else {
        book.onIndeterminate(transfer);   // OutcomeUnknownException and anything unforeseen
      }
    } catch (InterruptedException e) {
      book.onIndeterminate(transfer);
      Thread.currentThread().interrupt();
    } catch (PhalanxClientException e) {
      book.onIndeterminate(transfer);
    }
  }

  private WorkloadResult check(PhalanxClient reader, WorkloadSetup.Accounts accounts,
      Ledgerbook book, double transfersPerSecond) throws WorkloadException, InterruptedException {
    WorkloadCheck check = new WorkloadCheck(reader);
    List<Transfer> acknowledged = book.acknowledged();
    List<Transfer> indeterminate = book.indeterminate();
    long missing = check.missing(acknowledged);
    List<Transfer> found = check.executed(indeterminate);
    List<Transfer> executed = new ArrayList<>(accounts.funding());
    executed.addAll(acknowledged);
    executed.addAll(found);
    List<Uint128> all = new ArrayList<>(accounts.all());
    all.add(accounts.issuer());
    boolean conserved = check.conserved(all, executed);
    return new WorkloadResult(acknowledged.size(), book.rejectedCount(), indeterminate.size(),
        found.size(), missing, conserved, transfersPerSecond, check.problems());
  }

  /** The live progress line: totals and the rate over the last second. */
  private static final class ProgressLine {
    private final Ledgerbook book;
    private final Consumer<String> sink;
    private final long started = System.nanoTime();
    private long lastAcknowledged;

    ProgressLine(Ledgerbook book, Consumer<String> sink) {
      this.book = book;
      this.sink = sink;
    }

    synchronized void print() {
      long acknowledged = book.acknowledgedCount();
      long seconds = (System.nanoTime() - started) / 1_000_000_000L;
      sink.accept(String.format("load: %3ds acknowledged=%d rejected=%d in_flight=%d tx/s=%d",
          seconds, acknowledged, book.rejectedCount(), book.inFlight(),
          acknowledged - lastAcknowledged));
      lastAcknowledged = acknowledged;
    }
  }
}
