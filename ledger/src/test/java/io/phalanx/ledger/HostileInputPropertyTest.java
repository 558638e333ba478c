package io.phalanx.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.ledger.state.Account;
import io.phalanx.ledger.state.Transfer;
import io.phalanx.ledger.state.Uint128;
import io.phalanx.ledger.store.MemoryLedgerStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * No request, however malformed or hostile, makes the ledger throw: random bytes and random
 * field values (ids, flags, amounts near the limits) only ever produce result codes, and two
 * ledgers still agree afterwards.
 */
class HostileInputPropertyTest {
  static final long[] EDGES = {0, 1, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 2, 100};

  static long edgy(Random random) {
    return random.nextBoolean() ? EDGES[random.nextInt(EDGES.length)] : random.nextLong();
  }

  static Uint128 id(Random random) {
    return random.nextInt(3) == 0 ? new Uint128(edgy(random), edgy(random))
        : Uint128.of(1 + random.nextInt(6));
  }

  static Bytes operation(Random random) {
    switch (random.nextInt(3)) {
      case 0 -> {
        byte[] garbage = new byte[random.nextInt(40)];
        random.nextBytes(garbage);
        return Bytes.wrapOwned(garbage);
      }
      case 1 -> {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(4); i++) {
          accounts.add(new Account(id(random), 1 + random.nextInt(3), random.nextInt(3),
              (int) edgy(random) & 63, 0, 0, 0, 0, Uint128.ZERO, 0, 0, random.nextInt(2), 0));
        }
        return Operations.createAccounts(accounts);
      }
      default -> {
        List<Transfer> transfers = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(6); i++) {
          transfers.add(new Transfer(id(random), id(random), id(random), edgy(random),
              random.nextBoolean() ? Uint128.ZERO : id(random), Uint128.ZERO, 0, 0,
              random.nextInt(3) == 0 ? (int) edgy(random) : 0, random.nextInt(3),
              random.nextInt(2), random.nextInt(32), 0));
        }
        return Operations.createTransfers(transfers);
      }
    }
  }

  @Property(tries = 40)
  void hostileRequestsOnlyEverProduceResultCodes(@ForAll long seed) {
    Random random = new Random(seed);
    Ledger first = Ledger.open(new MemoryLedgerStore(), TestConsortium.config());
    Ledger second = Ledger.open(new MemoryLedgerStore(), TestConsortium.config());
    long time = TestConsortium.GENESIS_TIME_MILLIS;
    for (long sequence = 1; sequence <= 15; sequence++) {
      List<LedgerRequest> requests = new ArrayList<>();
      for (int r = 0; r < 1 + random.nextInt(4); r++) {
        requests.add(new LedgerRequest(1 + random.nextInt(4), random.nextInt(40),
            operation(random)));
      }
      time += random.nextInt(3000);
      BatchInput batch = new BatchInput(sequence, 0, random.nextInt(5) == 0 ? 0 : time,
          Digest.zero(), requests, Bytes.empty());
      BlockOutcome outcome = first.applyBatch(batch);
      assertEquals(outcome, second.applyBatch(batch), "seed " + seed);
      assertEquals(requests.size(), outcome.results().size());
      for (Bytes result : outcome.results()) {
        LedgerDriver.codes(LedgerDriver.parse(result));
      }
      assertEquals(first.exportSnapshot(), second.exportSnapshot());
    }
  }
}
