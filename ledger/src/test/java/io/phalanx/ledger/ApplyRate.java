package io.phalanx.ledger;

import io.phalanx.crypto.Digest;
import io.phalanx.ledger.state.Account;
import io.phalanx.ledger.state.AccountFlags;
import io.phalanx.ledger.state.Transfer;
import io.phalanx.ledger.state.Uint128;
import io.phalanx.ledger.store.LedgerStore;
import io.phalanx.ledger.store.LevelDbLedgerStore;
import io.phalanx.ledger.store.MemoryLedgerStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Measures the ledger's apply rate once, in memory and on LevelDB (not a test: run by hand, see
 * ledger/README.md). Blocks of 10 requests x 100 single-phase transfers between 1,000 funded
 * accounts, through the whole facade (protobuf decode, state machine, digest, block, one synced
 * write batch per block).
 *
 * <p>Arguments: [blocks, default 300].
 */
public final class ApplyRate {
  static final int ACCOUNTS = 1_000;
  static final int REQUESTS_PER_BLOCK = 10;
  static final int TRANSFERS_PER_REQUEST = 100;

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private ApplyRate() {}

  public static void main(String[] args) throws Exception {
    int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    measure("memory ", new MemoryLedgerStore(), blocks);
    Path directory = Files.createTempDirectory("phalanx-apply-rate");
    measure("LevelDB", LevelDbLedgerStore.open(directory), blocks);
  }

  private static void measure(String name, LedgerStore store, int blocks) {
    try (Ledger ledger = Ledger.open(store, TestConsortium.config())) {
      LedgerDriver driver = new LedgerDriver(ledger);
      setUp(driver);
      Random random = new Random(1);
      long transferId = 1_000_000;
      for (int warmup = 0; warmup < 2; warmup++) {
        long started = System.nanoTime();
        long cpuStarted = THREADS.getCurrentThreadCpuTime();
        for (int block = 0; block < blocks; block++) {
          List<LedgerRequest> requests = new ArrayList<>();
          for (int r = 0; r < REQUESTS_PER_BLOCK; r++) {
            List<Transfer> transfers = new ArrayList<>();
            for (int t = 0; t < TRANSFERS_PER_REQUEST; t++) {
              int debit = random.nextInt(ACCOUNTS);
              int credit = (debit + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
              transfers.add(Transfer.of(Uint128.of(transferId++), Uint128.of(10 + debit),
                  Uint128.of(10 + credit), 1 + random.nextInt(100), 1, 1));
            }
            requests.add(new LedgerRequest(TestConsortium.ALICE,
                driver.nextTimestamp(TestConsortium.ALICE), Operations.createTransfers(transfers)));
          }
          driver.block(requests);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
        long transfers = (long) blocks * REQUESTS_PER_BLOCK * TRANSFERS_PER_REQUEST;
        System.out.printf("%s %s: %d transfers in %d blocks, %.2f s wall (%.0f transfers/s),"
            + " %.2f s CPU of the applying thread (%.0f transfers/CPU-s)%n", name,
            warmup == 0 ? "warm-up" : "measured", transfers, blocks, seconds,
            transfers / seconds, cpuSeconds, transfers / cpuSeconds);
      }
      Digest digest = ledger.stateDigest();
      System.out.println(name + " state digest " + digest);
    }
  }

  private static void setUp(LedgerDriver driver) {
    driver.submit(TestConsortium.ISSUER, Operations.createAccounts(
        Account.create(Uint128.of(1), TestConsortium.ISSUER, 1, 1, AccountFlags.ISSUER)));
    List<Account> accounts = new ArrayList<>();
    List<Transfer> funding = new ArrayList<>();
    for (int i = 0; i < ACCOUNTS; i++) {
      accounts.add(Account.create(Uint128.of(10 + i), TestConsortium.ALICE, 1, 1, 0));
      funding.add(Transfer.of(Uint128.of(100 + i), Uint128.of(1), Uint128.of(10 + i),
          1_000_000_000L, 1, 1));
    }
    driver.submit(TestConsortium.ALICE, Operations.createAccounts(accounts));
    driver.submit(TestConsortium.ISSUER, Operations.createTransfers(funding));
  }
}
