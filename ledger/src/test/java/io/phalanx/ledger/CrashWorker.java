package io.phalanx.ledger;

import io.phalanx.ledger.store.LevelDbLedgerStore;
import java.nio.file.Path;

/**
 * The child process of {@link CrashConsistencyTest}: applies the seeded workload's blocks to a
 * LevelDB ledger, printing each height once its write batch is synced, until killed.
 *
 * <p>Arguments: directory, seed, last sequence.
 */
public final class CrashWorker {
  private CrashWorker() {}

  public static void main(String[] args) {
    Path directory = Path.of(args[0]);
    Workload workload = CrashConsistencyTest.workload(Long.parseLong(args[1]));
    long last = Long.parseLong(args[2]);
    Ledger ledger = Ledger.open(LevelDbLedgerStore.open(directory), TestConsortium.config());
    System.out.println("open " + ledger.lastExecutedSequence());
    System.out.flush();
    for (long sequence = ledger.lastExecutedSequence() + 1; sequence <= last; sequence++) {
      ledger.applyBatch(workload.batch(sequence));
      System.out.println("applied " + sequence);
      System.out.flush();
    }
    ledger.close();
    System.out.println("done");
  }
}
