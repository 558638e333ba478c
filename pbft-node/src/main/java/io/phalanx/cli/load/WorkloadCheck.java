package io.phalanx.cli.load;

import io.phalanx.client.Ids;
import io.phalanx.client.PhalanxClient;
import io.phalanx.protocol.Account;
import io.phalanx.protocol.Transfer;
import io.phalanx.protocol.Uint128;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

/**
 * After the run: reads every transfer and account back through the consortium and checks them
 * against the {@link Ledgerbook}. An acknowledged transfer must be found with the fields it was
 * sent with; an indeterminate one may be absent, and counts towards balances only if found.
 * Balances: per asset, Σ debits posted = Σ credits posted; nothing pending; each account's
 * credits − debits is what funding and the executed transfers make it.
 */
final class WorkloadCheck {
  private static final int CHUNK = 1000;

  private final PhalanxClient reader;
  private final List<String> problems = new ArrayList<>();

  WorkloadCheck(PhalanxClient reader) {
    this.reader = reader;
  }

  List<String> problems() {
    return problems;
  }

  /** Acknowledged transfers not found with identical fields. */
  long missing(List<Transfer> acknowledged) throws WorkloadException, InterruptedException {
    Map<Uint128, Transfer> found = lookupTransfers(acknowledged);
    long missing = 0;
    for (Transfer sent : acknowledged) {
      Transfer stored = found.get(sent.getId());
      if (stored == null || !sameFields(sent, stored)) {
        missing++;
        if (missing <= 10) {
          problems.add("acknowledged transfer " + Ids.toString(sent.getId())
              + (stored == null ? " not found" : " stored with other fields: " + stored));
        }
      }
    }
    return missing;
  }

  /** The indeterminate transfers that executed (found with identical fields). */
  List<Transfer> executed(List<Transfer> indeterminate)
      throws WorkloadException, InterruptedException {
    Map<Uint128, Transfer> found = lookupTransfers(indeterminate);
    List<Transfer> executed = new ArrayList<>();
    for (Transfer sent : indeterminate) {
      Transfer stored = found.get(sent.getId());
      if (stored != null && sameFields(sent, stored)) {
        executed.add(sent);
      } else if (stored != null) {
        problems.add("transfer " + Ids.toString(sent.getId()) + " stored with other fields");
      }
    }
    return executed;
  }

  /** True when balances are conserved and match {@code executed} (funding included). */
  boolean conserved(List<Uint128> accounts, List<Transfer> executed)
      throws WorkloadException, InterruptedException {
    Map<Uint128, Long> expected = new HashMap<>();
    for (Transfer transfer : executed) {
      expected.merge(transfer.getCreditAccountId(), transfer.getAmount(), Long::sum);
      expected.merge(transfer.getDebitAccountId(), -transfer.getAmount(), Long::sum);
    }
    List<Account> found = new ArrayList<>();
    for (List<Uint128> chunk : chunks(accounts)) {
      found.addAll(call(reader.lookupAccounts(chunk)));
    }
    boolean conserved = found.size() == accounts.size();
    if (!conserved) {
      problems.add((accounts.size() - found.size()) + " account(s) not found");
    }
    Map<Integer, long[]> sums = new TreeMap<>();
    for (Account account : found) {
      long[] sum = sums.computeIfAbsent(account.getAsset(), asset -> new long[2]);
      sum[0] += account.getDebitsPosted();
      sum[1] += account.getCreditsPosted();
      long net = account.getCreditsPosted() - account.getDebitsPosted();
      long want = expected.getOrDefault(account.getId(), 0L);
      if (net != want || account.getDebitsPending() != 0 || account.getCreditsPending() != 0) {
        conserved = false;
        problems.add("account " + Ids.toString(account.getId()) + ": credits − debits = " + net
            + ", expected " + want);
      }
    }
    for (Map.Entry<Integer, long[]> sum : sums.entrySet()) {
      if (sum.getValue()[0] != sum.getValue()[1]) {
        conserved = false;
        problems.add("asset " + sum.getKey() + ": debits posted " + sum.getValue()[0]
            + " != credits posted " + sum.getValue()[1]);
      }
    }
    return conserved;
  }

  private Map<Uint128, Transfer> lookupTransfers(List<Transfer> transfers)
      throws WorkloadException, InterruptedException {
    Map<Uint128, Transfer> found = new HashMap<>();
    List<Uint128> ids = transfers.stream().map(Transfer::getId).toList();
    for (List<Uint128> chunk : chunks(ids)) {
      call(reader.lookupTransfers(chunk)).forEach(t -> found.put(t.getId(), t));
    }
    return found;
  }

  /**
   * Every field the client chose, compared by value (an absent id and a zero one are the same);
   * the ledger sets the timestamp.
   */
  static boolean sameFields(Transfer sent, Transfer stored) {
    return sent.getId().equals(stored.getId())
        && sent.getDebitAccountId().equals(stored.getDebitAccountId())
        && sent.getCreditAccountId().equals(stored.getCreditAccountId())
        && sent.getAmount() == stored.getAmount()
        && sent.getPendingId().equals(stored.getPendingId())
        && sent.getUserData128().equals(stored.getUserData128())
        && sent.getUserData64() == stored.getUserData64()
        && sent.getUserData32() == stored.getUserData32()
        && sent.getTimeoutSeconds() == stored.getTimeoutSeconds()
        && sent.getAsset() == stored.getAsset()
        && sent.getCode() == stored.getCode()
        && sent.getFlags() == stored.getFlags();
  }

  private static <T> List<List<T>> chunks(List<T> items) {
    List<List<T>> chunks = new ArrayList<>();
    for (int start = 0; start < items.size(); start += CHUNK) {
      chunks.add(items.subList(start, Math.min(items.size(), start + CHUNK)));
    }
    return chunks;
  }

  private static <T> T call(java.util.concurrent.CompletableFuture<T> future)
      throws WorkloadException, InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new WorkloadException("read-back failed: " + e.getCause().getMessage(), e.getCause());
    }
  }
}
