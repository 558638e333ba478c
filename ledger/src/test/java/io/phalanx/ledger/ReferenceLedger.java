package io.phalanx.ledger;

import io.phalanx.ledger.state.Account;
import io.phalanx.ledger.state.AccountFlags;
import io.phalanx.ledger.state.Transfer;
import io.phalanx.ledger.state.TransferFlags;
import io.phalanx.ledger.state.Uint128;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately naive model of the ledger's transfer semantics, written separately from it:
 * BigInteger balances, whole-model copies for linked chains, a scan of every pending transfer
 * for expiry. It answers only "did this event succeed", and balances.
 */
final class ReferenceLedger {
  static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  record Balances(BigInteger debitsPending, BigInteger debitsPosted, BigInteger creditsPending,
      BigInteger creditsPosted) {
    static final Balances ZERO = new Balances(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO,
        BigInteger.ZERO);
  }

  record Pending(Transfer transfer, long createdMillis, String status) {}

  private Map<Uint128, Account> accounts = new HashMap<>();
  private Map<Uint128, Balances> balances = new HashMap<>();
  private Map<Uint128, Transfer> transfers = new HashMap<>();
  private Map<Uint128, Pending> pendings = new HashMap<>();
  private java.util.Set<Uint128> closed = new java.util.HashSet<>();
  private long timeMillis = TestConsortium.GENESIS_TIME_MILLIS;

  Map<Uint128, Balances> balances() {
    return balances;
  }

  static BigInteger unsigned(long value) {
    return new BigInteger(Long.toUnsignedString(value));
  }

  void beginBlock(long proposedMillis) {
    if (proposedMillis <= timeMillis) {
      return;
    }
    timeMillis = proposedMillis;
    for (Pending pending : new ArrayList<>(pendings.values())) {
      if (pending.status().equals("pending") && isPastDeadline(pending)) {
        release(pending.transfer(), BigInteger.ZERO);
        reopen(pending.transfer());
        pendings.put(pending.transfer().id(), new Pending(pending.transfer(),
            pending.createdMillis(), "expired"));
      }
    }
  }

  private boolean isPastDeadline(Pending pending) {
    int timeout = pending.transfer().timeoutSeconds();
    return timeout != 0 && pending.createdMillis() + timeout * 1000L <= timeMillis;
  }

  List<Boolean> createAccounts(long caller, List<Account> events) {
    return chains(events.size(), i -> events.get(i).hasFlag(AccountFlags.LINKED),
        i -> createAccount(caller, events.get(i)));
  }

  List<Boolean> createTransfers(long caller, List<Transfer> events) {
    return chains(events.size(), i -> events.get(i).hasFlag(TransferFlags.LINKED),
        i -> createTransfer(caller, events.get(i)));
  }

  private List<Boolean> chains(int size, java.util.function.IntPredicate linked,
      java.util.function.IntPredicate apply) {
    List<Boolean> results = new ArrayList<>();
    int start = 0;
    while (start < size) {
      int end = start;
      while (end < size - 1 && linked.test(end)) {
        end++;
      }
      ReferenceLedger saved = copy();
      boolean ok = true;
      for (int i = start; i <= end && ok; i++) {
        ok = apply.test(i);
      }
      ok &= !linked.test(end);
      if (!ok) {
        restore(saved);
      }
      for (int i = start; i <= end; i++) {
        results.add(ok);
      }
      start = end + 1;
    }
    return results;
  }

  private boolean createAccount(long caller, Account account) {
    boolean valid = account.owner() == caller && !account.id().isZero() && !account.id().isMax()
        && account.asset() != 0 && account.code() != 0 && account.timestamp() == 0
        && (account.flags() & ~(1 | 2 | 8 | 16 | 32)) == 0 && (account.flags() & 3) != 3
        && (!account.hasFlag(AccountFlags.ISSUER) || caller == TestConsortium.ISSUER)
        && !accounts.containsKey(account.id());
    if (valid) {
      accounts.put(account.id(), account);
      balances.put(account.id(), Balances.ZERO);
    }
    return valid;
  }

  private boolean createTransfer(long caller, Transfer t) {
    if (transfers.containsKey(t.id()) || t.id().isZero() || t.id().isMax()) {
      return false;
    }
    boolean post = t.hasFlag(TransferFlags.POST_PENDING);
    boolean voiding = t.hasFlag(TransferFlags.VOID_PENDING);
    boolean ok = post || voiding ? resolve(caller, t, post) : single(caller, t);
    if (ok) {
      transfers.put(t.id(), t);
    }
    return ok;
  }

  private boolean single(long caller, Transfer t) {
    Account debit = accounts.get(t.debitAccountId());
    Account credit = accounts.get(t.creditAccountId());
    boolean pending = t.hasFlag(TransferFlags.PENDING);
    if (debit == null || credit == null || debit == credit || t.amount() == 0
        || debit.asset() != credit.asset() || t.asset() != debit.asset() || t.code() == 0
        || !t.pendingId().isZero() || (!pending && t.timeoutSeconds() != 0)
        || debit.owner() != caller || closed.contains(debit.id()) || closed.contains(credit.id())
        || (t.flags() & (16 | 32)) != 0 && !pending) {
      return false;
    }
    BigInteger amount = unsigned(t.amount());
    Balances d = balances.get(debit.id());
    Balances c = balances.get(credit.id());
    Balances newDebit = pending ? new Balances(d.debitsPending().add(amount), d.debitsPosted(),
        d.creditsPending(), d.creditsPosted()) : new Balances(d.debitsPending(),
        d.debitsPosted().add(amount), d.creditsPending(), d.creditsPosted());
    Balances newCredit = pending ? new Balances(c.debitsPending(), c.debitsPosted(),
        c.creditsPending().add(amount), c.creditsPosted()) : new Balances(c.debitsPending(),
        c.debitsPosted(), c.creditsPending(), c.creditsPosted().add(amount));
    if (!fits(newDebit) || !fits(newCredit) || !withinLimits(debit, newDebit)
        || !withinLimits(credit, newCredit)) {
      return false;
    }
    balances.put(debit.id(), newDebit);
    balances.put(credit.id(), newCredit);
    if (pending) {
      pendings.put(t.id(), new Pending(t, timeMillis, "pending"));
    }
    if (t.hasFlag(TransferFlags.CLOSING_DEBIT)) {
      closed.add(debit.id());
    }
    if (t.hasFlag(TransferFlags.CLOSING_CREDIT)) {
      closed.add(credit.id());
    }
    return true;
  }

  private static boolean fits(Balances b) {
    return b.debitsPending().add(b.debitsPosted()).compareTo(U64_MAX) <= 0
        && b.creditsPending().add(b.creditsPosted()).compareTo(U64_MAX) <= 0;
  }

  private static boolean withinLimits(Account account, Balances b) {
    boolean debitLimited = !account.hasFlag(AccountFlags.ISSUER)
        || account.hasFlag(AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS);
    if (debitLimited && b.debitsPending().add(b.debitsPosted()).compareTo(b.creditsPosted()) > 0) {
      return false;
    }
    return !account.hasFlag(AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS)
        || b.creditsPending().add(b.creditsPosted()).compareTo(b.debitsPosted()) <= 0;
  }

  private boolean resolve(long caller, Transfer t, boolean post) {
    Pending pending = pendings.get(t.pendingId());
    if (pending == null || t.pendingId().equals(t.id()) || t.timeoutSeconds() != 0
        || (t.flags() & (16 | 32)) != 0
        || !pending.status().equals("pending") || isPastDeadline(pending)) {
      return false;
    }
    Transfer p = pending.transfer();
    boolean matches = (t.debitAccountId().isZero() || t.debitAccountId().equals(p.debitAccountId()))
        && (t.creditAccountId().isZero() || t.creditAccountId().equals(p.creditAccountId()))
        && (t.asset() == 0 || t.asset() == p.asset()) && (t.code() == 0 || t.code() == p.code())
        && (post ? Long.compareUnsigned(t.amount(), p.amount()) <= 0
            : t.amount() == 0 || t.amount() == p.amount());
    if (!matches || accounts.get(p.debitAccountId()).owner() != caller) {
      return false;
    }
    BigInteger posted = post ? unsigned(t.amount() == 0 ? p.amount() : t.amount())
        : BigInteger.ZERO;
    release(p, posted);
    if (!post) {
      reopen(p);
    }
    pendings.put(p.id(), new Pending(p, pending.createdMillis(), post ? "posted" : "voided"));
    return true;
  }

  private void release(Transfer p, BigInteger posted) {
    BigInteger amount = unsigned(p.amount());
    Balances d = balances.get(p.debitAccountId());
    Balances c = balances.get(p.creditAccountId());
    balances.put(p.debitAccountId(), new Balances(d.debitsPending().subtract(amount),
        d.debitsPosted().add(posted), d.creditsPending(), d.creditsPosted()));
    balances.put(p.creditAccountId(), new Balances(c.debitsPending(), c.debitsPosted(),
        c.creditsPending().subtract(amount), c.creditsPosted().add(posted)));
  }

  private void reopen(Transfer pending) {
    if (pending.hasFlag(TransferFlags.CLOSING_DEBIT)) {
      closed.remove(pending.debitAccountId());
    }
    if (pending.hasFlag(TransferFlags.CLOSING_CREDIT)) {
      closed.remove(pending.creditAccountId());
    }
  }

  private ReferenceLedger copy() {
    ReferenceLedger copy = new ReferenceLedger();
    copy.accounts = new HashMap<>(accounts);
    copy.balances = new HashMap<>(balances);
    copy.transfers = new HashMap<>(transfers);
    copy.pendings = new HashMap<>(pendings);
    copy.closed = new java.util.HashSet<>(closed);
    copy.timeMillis = timeMillis;
    return copy;
  }

  private void restore(ReferenceLedger saved) {
    accounts = saved.accounts;
    balances = saved.balances;
    transfers = saved.transfers;
    pendings = saved.pendings;
    closed = saved.closed;
  }
}
