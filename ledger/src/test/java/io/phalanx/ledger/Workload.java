package io.phalanx.ledger;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.ledger.state.Account;
import io.phalanx.ledger.state.AccountFlags;
import io.phalanx.ledger.state.Transfer;
import io.phalanx.ledger.state.TransferFlags;
import io.phalanx.ledger.state.Uint128;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded random workload over a small id space (so that ids collide, accounts run dry, pending
 * transfers get posted, voided and expire, chains break). The batch for a sequence depends only
 * on (seed, sequence), so separate processes generate identical blocks.
 */
public final class Workload {
  /** One generated request: account creations or transfers, by one member. */
  public record Request(long caller, long timestamp, List<Account> accounts,
      List<Transfer> transfers) {
    public Bytes operation() {
      return accounts.isEmpty() ? Operations.createTransfers(transfers)
          : Operations.createAccounts(accounts);
    }

    public LedgerRequest toLedgerRequest() {
      return new LedgerRequest(caller, timestamp, operation());
    }
  }

  public static final int ACCOUNTS = 24;
  private static final long[] MEMBERS = {TestConsortium.ISSUER, TestConsortium.ALICE,
      TestConsortium.BOB};

  private final long seed;
  private final int requestsPerBlock;
  private final int eventsPerRequest;

  public Workload(long seed, int requestsPerBlock, int eventsPerRequest) {
    this.seed = seed;
    this.requestsPerBlock = requestsPerBlock;
    this.eventsPerRequest = eventsPerRequest;
  }

  public static long ownerOf(int account) {
    return MEMBERS[account % 3];
  }

  /** The account with index {@code i} as its owner creates it. */
  public static Account account(int i) {
    long owner = ownerOf(i);
    int flags = (owner == TestConsortium.ISSUER ? AccountFlags.ISSUER : 0)
        | (i % 5 == 0 ? AccountFlags.HISTORY : 0)
        | (i % 7 == 3 ? AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS : 0);
    return Account.create(Uint128.of(1 + i), owner, i >= ACCOUNTS - 4 ? 2 : 1, 1, flags);
  }

  public static long timeMillis(long sequence) {
    return TestConsortium.GENESIS_TIME_MILLIS + sequence * 700;
  }

  public List<Request> requests(long sequence) {
    Random random = new Random(seed * 1_000_003L + sequence);
    List<Request> requests = new ArrayList<>();
    if (sequence % 11 == 0) {
      return requests;
    }
    if (sequence > 2) {
      requests.add(pendingRequest(sequence));
    }
    int count = 1 + random.nextInt(requestsPerBlock);
    for (int r = 0; r < count; r++) {
      long caller = MEMBERS[random.nextInt(MEMBERS.length)];
      long timestamp = sequence * 1000 + 1 + r;
      if (sequence <= 2 || random.nextInt(12) == 0) {
        requests.add(new Request(caller, timestamp, accounts(random, caller), List.of()));
      } else {
        requests.add(new Request(caller, timestamp, List.of(),
            transfers(random, caller, sequence, r)));
      }
    }
    return requests;
  }

  private List<Account> accounts(Random random, long caller) {
    List<Account> accounts = new ArrayList<>();
    for (int i = 0; i < ACCOUNTS; i++) {
      if (ownerOf(i) == caller || random.nextInt(8) == 0) {
        accounts.add(account(i));
      }
    }
    return accounts;
  }

  private List<Transfer> transfers(Random random, long caller, long sequence, int request) {
    int events = 1 + random.nextInt(eventsPerRequest);
    List<Transfer> transfers = new ArrayList<>();
    for (int e = 0; e < events; e++) {
      long id = random.nextInt(10) == 0 ? 1 + random.nextInt((int) (sequence * 100 + 1))
          : sequence * 100 + request * 10L + e + 1;
      transfers.add(transfer(random, caller, sequence, id));
    }
    return transfers;
  }

  private Transfer transfer(Random random, long caller, long sequence, long id) {
    int debit = randomAccount(random, caller);
    int credit = random.nextInt(ACCOUNTS);
    long amount = random.nextInt(20) == 0 ? -1L - random.nextInt(3) : 1 + random.nextInt(400);
    Transfer transfer = Transfer.of(Uint128.of(id), Uint128.of(1 + debit), Uint128.of(1 + credit),
        amount, account(debit).asset(), 1);
    int kind = random.nextInt(10);
    int linked = random.nextInt(6) == 0 ? TransferFlags.LINKED : 0;
    if (kind < 3) {
      transfer = transfer.withFlags(TransferFlags.PENDING | linked)
          .withPending(Uint128.ZERO, random.nextInt(4));
    } else if (kind < 5) {
      long pendingId = recentPendingId(random, caller, sequence);
      int flag = kind == 3 ? TransferFlags.POST_PENDING : TransferFlags.VOID_PENDING;
      long postAmount = random.nextBoolean() ? 0 : 1 + random.nextInt(300);
      transfer = new Transfer(Uint128.of(id), Uint128.ZERO, Uint128.ZERO,
          flag == TransferFlags.VOID_PENDING ? 0 : postAmount, Uint128.of(pendingId),
          Uint128.ZERO, 0, 0, 0, 0, 0, flag | linked, 0);
    } else {
      transfer = transfer.withFlags(linked);
    }
    return transfer;
  }

  /**
   * Every block from 3 on carries a request of pending transfers, ids {@code sequence * 100 + 90
   * + k}, by member {@code sequence % 3}: post and void events aim at these.
   */
  private Request pendingRequest(long sequence) {
    Random random = new Random(seed * 7_919L + sequence);
    long caller = MEMBERS[(int) (sequence % 3)];
    List<Transfer> transfers = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      int debit = randomAccount(random, caller);
      int credit = (debit + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
      if (account(credit).asset() != account(debit).asset()) {
        credit = (debit + 1 + random.nextInt(3)) % (ACCOUNTS - 4);
      }
      int timeout = random.nextInt(6) < 3 ? 0 : 1 + random.nextInt(3);
      int closing = timeout > 0 && random.nextInt(8) == 0
          ? (random.nextBoolean() ? TransferFlags.CLOSING_DEBIT : TransferFlags.CLOSING_CREDIT)
          : 0;
      transfers.add(Transfer.of(Uint128.of(sequence * 100 + 90 + k), Uint128.of(1 + debit),
          Uint128.of(1 + credit), 1 + random.nextInt(50), account(debit).asset(), 1)
          .withFlags(TransferFlags.PENDING | closing).withPending(Uint128.ZERO, timeout));
    }
    return new Request(caller, sequence * 1000, List.of(), transfers);
  }

  private static long recentPendingId(Random random, long caller, long sequence) {
    for (int attempt = 0; attempt < 6; attempt++) {
      long recent = sequence - 1 - random.nextInt(4);
      if (recent > 2 && MEMBERS[(int) (recent % 3)] == caller) {
        return recent * 100 + 90 + random.nextInt(5);
      }
    }
    return Math.max(1, sequence - 1) * 100 + 90 + random.nextInt(5);
  }

  private static int randomAccount(Random random, long caller) {
    for (int attempt = 0; attempt < 8; attempt++) {
      int candidate = random.nextInt(ACCOUNTS);
      if (ownerOf(candidate) == caller) {
        return candidate;
      }
    }
    return random.nextInt(ACCOUNTS);
  }

  /** The whole batch for {@code sequence}, certified by replicas 0, 1 and 2. */
  public BatchInput batch(long sequence) {
    List<LedgerRequest> requests = requests(sequence).stream().map(Request::toLedgerRequest)
        .toList();
    Digest digest = LedgerDriver.batchDigest(sequence, requests);
    return new BatchInput(sequence, 0, requests.isEmpty() ? 0 : timeMillis(sequence), digest,
        requests, TestConsortium.certificate(0, sequence, digest, 0, 1, 2));
  }
}
