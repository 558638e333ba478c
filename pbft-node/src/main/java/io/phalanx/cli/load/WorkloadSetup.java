package io.phalanx.cli.load;

import io.phalanx.client.CreateResult;
import io.phalanx.client.Events;
import io.phalanx.client.Ids;
import io.phalanx.client.PhalanxClient;
import io.phalanx.protocol.Account;
import io.phalanx.protocol.AccountFlag;
import io.phalanx.protocol.Transfer;
import io.phalanx.protocol.Uint128;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Before the run: the issuer creates an ISSUER account; every worker creates its own accounts
 * with DEBITS_MUST_NOT_EXCEED_CREDITS (so an overdraft is refused, not recorded); the issuer
 * funds each worker account. Anything that does not succeed stops the workload.
 */
final class WorkloadSetup {
  static final int ASSET = 1;
  private static final int CHUNK = 1000;

  /** The accounts of one run. */
  record Accounts(Uint128 issuer, List<List<Uint128>> perWorker, List<Uint128> all,
      List<Transfer> funding) {
    Accounts {
      perWorker = perWorker.stream().map(List::copyOf).toList();
      all = List.copyOf(all);
      funding = List.copyOf(funding);
    }
  }

  private WorkloadSetup() {}

  static Accounts run(WorkloadClients clients, WorkloadSettings settings, long runId,
      Ledgerbook book) throws WorkloadException, InterruptedException {
    PhalanxClient issuer = clients.issuer();
    Uint128 issuerAccount = Ids.uint128(runId, 1);
    expectOk("the issuer's account", issuer.createAccounts(List.of(Events.account(issuerAccount,
        issuer.clientId(), ASSET, AccountFlag.ACCOUNT_FLAG_ISSUER_VALUE))));
    List<List<Uint128>> perWorker = new ArrayList<>();
    List<Uint128> all = new ArrayList<>();
    List<CompletableFuture<List<CreateResult>>> creating = new ArrayList<>();
    for (int w = 0; w < settings.clients(); w++) {
      PhalanxClient worker = clients.worker(w);
      List<Uint128> ids = new ArrayList<>();
      List<Account> accounts = new ArrayList<>();
      for (int a = 0; a < settings.accountsPerClient(); a++) {
        Uint128 id = Ids.uint128(runId, 2 + (long) w * settings.accountsPerClient() + a);
        ids.add(id);
        accounts.add(Events.account(id, worker.clientId(), ASSET,
            AccountFlag.ACCOUNT_FLAG_DEBITS_MUST_NOT_EXCEED_CREDITS_VALUE));
      }
      perWorker.add(ids);
      all.addAll(ids);
      creating.add(worker.createAccounts(accounts));
    }
    for (int w = 0; w < creating.size(); w++) {
      expectOk("worker " + w + "'s accounts", creating.get(w));
    }
    List<Transfer> funding = fund(issuer, issuerAccount, all, settings.fundingPerAccount(), book);
    return new Accounts(issuerAccount, perWorker, all, funding);
  }

  private static List<Transfer> fund(PhalanxClient issuer, Uint128 issuerAccount,
      List<Uint128> accounts, long amount, Ledgerbook book)
      throws WorkloadException, InterruptedException {
    List<Transfer> funding = new ArrayList<>();
    for (int start = 0; start < accounts.size(); start += CHUNK) {
      List<Transfer> transfers = new ArrayList<>();
      for (Uint128 account : accounts.subList(start, Math.min(accounts.size(), start + CHUNK))) {
        transfers.add(Events.transfer(book.nextTransferId(), issuerAccount, account, amount, ASSET));
      }
      expectOk("funding", issuer.createTransfers(transfers));
      funding.addAll(transfers);
    }
    return funding;
  }

  private static void expectOk(String what, CompletableFuture<List<CreateResult>> call)
      throws WorkloadException, InterruptedException {
    List<CreateResult> results;
    try {
      results = call.get();
    } catch (ExecutionException e) {
      throw new WorkloadException("set-up of " + what + " failed: " + e.getCause().getMessage(),
          e.getCause());
    }
    for (CreateResult result : results) {
      if (!result.isOk()) {
        throw new WorkloadException("set-up of " + what + " refused: event " + result.index()
            + " " + result.codeName());
      }
    }
  }
}
