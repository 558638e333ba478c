package io.phalanx.cli;

import io.phalanx.client.AccountQuery;
import io.phalanx.client.CreateResult;
import io.phalanx.client.Events;
import io.phalanx.client.Ids;
import io.phalanx.protocol.Account;
import io.phalanx.protocol.AccountFlag;
import io.phalanx.protocol.BlockHeader;
import io.phalanx.protocol.CertifiedBlock;
import io.phalanx.protocol.Transfer;
import io.phalanx.protocol.Uint128;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code phalanx client --config DIR/client-I.yaml <action>}: one call against a running
 * consortium, as client I, with human-readable output. Exit codes: 0 done, 1 refused (the ledger's
 * code is printed), 2 usage or configuration, 3 outcome unknown, 4 other failures.
 */
@Command(name = "client", mixinStandardHelpOptions = true,
    description = "Call a running consortium as one client: accounts, transfers, balances, blocks.",
    subcommands = {
        ClientCommand.CreateAccount.class,
        ClientCommand.TransferAction.class,
        ClientCommand.Balance.class,
        ClientCommand.History.class,
        ClientCommand.Block.class,
    })
final class ClientCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--config", required = true, paramLabel = "FILE",
      description = "The client's configuration, e.g. DIR/client-2.yaml (from phalanx init).")
  private Path config;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing action: create-account, transfer, balance, history or block");
  }

  int run(String action, ClientCalls.Call call) {
    return ClientCalls.run("client " + action, config, spec.commandLine().getErr(), call);
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  static Uint128 id(String text) {
    return Ids.parse(text);
  }

  static Uint128 idOrRandom(String text) {
    return text == null ? Ids.random(new SecureRandom()) : id(text);
  }

  /** An account flag by its short name, as the --flags option takes it. */
  enum Flag {
    DEBITS_MUST_NOT_EXCEED_CREDITS(AccountFlag.ACCOUNT_FLAG_DEBITS_MUST_NOT_EXCEED_CREDITS_VALUE),
    CREDITS_MUST_NOT_EXCEED_DEBITS(AccountFlag.ACCOUNT_FLAG_CREDITS_MUST_NOT_EXCEED_DEBITS_VALUE),
    ISSUER(AccountFlag.ACCOUNT_FLAG_ISSUER_VALUE),
    HISTORY(AccountFlag.ACCOUNT_FLAG_HISTORY_VALUE);

    final int bit;

    Flag(int bit) {
      this.bit = bit;
    }
  }

  @Command(name = "create-account", mixinStandardHelpOptions = true,
      description = "Create an account owned by this client.")
  static final class CreateAccount implements Callable<Integer> {
    @ParentCommand
    private ClientCommand parent;

    @Option(names = "--id", description = "Account id, decimal or 0x-hex (default: random).")
    private String id;

    @Option(names = "--asset", defaultValue = "1", description = "Asset (default: ${DEFAULT-VALUE}).")
    private int asset;

    @Option(names = "--flags", split = ",", paramLabel = "FLAG",
        description = "Account flags: ${COMPLETION-CANDIDATES} (case-insensitive).")
    private List<Flag> flags = List.of();

    @Override
    public Integer call() {
      return parent.run("create-account", client -> {
        int bits = flags.stream().mapToInt(flag -> flag.bit).reduce(0, (a, b) -> a | b);
        Account account = Events.account(idOrRandom(id), client.clientId(), asset, bits);
        CreateResult result = ClientCalls.await(client.createAccounts(List.of(account))).get(0);
        return report(parent, "account " + Ids.toString(account.getId()), result);
      });
    }
  }

  @Command(name = "transfer", mixinStandardHelpOptions = true,
      description = "Move an amount from an account this client owns to another account.")
  static final class TransferAction implements Callable<Integer> {
    @ParentCommand
    private ClientCommand parent;

    @Option(names = "--from", required = true, description = "Debit account id.")
    private String from;

    @Option(names = "--to", required = true, description = "Credit account id.")
    private String to;

    @Option(names = "--amount", required = true, description = "Amount, a positive whole number.")
    private long amount;

    @Option(names = "--id", description = "Transfer id (default: random).")
    private String id;

    @Option(names = "--asset", defaultValue = "1", description = "Asset (default: ${DEFAULT-VALUE}).")
    private int asset;

    @Override
    public Integer call() {
      return parent.run("transfer", client -> {
        Transfer transfer = Events.transfer(idOrRandom(id), id(from), id(to), amount, asset);
        CreateResult result = ClientCalls.await(client.createTransfers(List.of(transfer))).get(0);
        return report(parent, "transfer " + Ids.toString(transfer.getId()) + " of " + amount,
            result);
      });
    }
  }

  @Command(name = "balance", mixinStandardHelpOptions = true, description = "Show an account.")
  static final class Balance implements Callable<Integer> {
    @ParentCommand
    private ClientCommand parent;

    @Option(names = "--account", required = true, description = "Account id.")
    private String account;

    @Override
    public Integer call() {
      return parent.run("balance", client -> {
        List<Account> found = ClientCalls.await(client.lookupAccounts(List.of(id(account))));
        if (found.isEmpty()) {
          parent.spec.commandLine().getErr().println("phalanx client balance: no account " + account);
          return ClientCalls.REJECTED;
        }
        parent.out().println(AccountText.describe(found.get(0)));
        return 0;
      });
    }
  }

  @Command(name = "history", mixinStandardHelpOptions = true,
      description = "Show an account's latest transfers, newest first.")
  static final class History implements Callable<Integer> {
    @ParentCommand
    private ClientCommand parent;

    @Option(names = "--account", required = true, description = "Account id.")
    private String account;

    @Option(names = "--limit", defaultValue = "20",
        description = "At most this many transfers, 1..8190 (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Override
    public Integer call() {
      if (limit < 1 || limit > AccountQuery.LIMIT_MAX) {
        throw new CommandLine.ParameterException(parent.spec.commandLine(),
            "--limit must be in 1.." + AccountQuery.LIMIT_MAX + ", got " + limit);
      }
      return parent.run("history", client -> {
        List<Transfer> transfers = ClientCalls.await(
            client.accountTransfers(AccountQuery.latest(id(account), limit)));
        transfers.forEach(transfer -> parent.out().println(AccountText.describe(transfer)));
        parent.out().println(transfers.size() + " transfer(s)");
        return 0;
      });
    }
  }

  @Command(name = "block", mixinStandardHelpOptions = true, description = "Show a block.")
  static final class Block implements Callable<Integer> {
    @ParentCommand
    private ClientCommand parent;

    @Option(names = "--height", required = true, description = "Block height, from 1.")
    private long height;

    @Override
    public Integer call() {
      if (height < 1) {
        throw new CommandLine.ParameterException(parent.spec.commandLine(),
            "--height must be at least 1, got " + height);
      }
      return parent.run("block", client -> {
        Optional<CertifiedBlock> block = ClientCalls.await(client.block(height));
        if (block.isEmpty()) {
          parent.spec.commandLine().getErr().println("phalanx client block: no block " + height);
          return ClientCalls.REJECTED;
        }
        BlockHeader header = BlockHeader.parseFrom(block.get().getHeader());
        HexFormat hex = HexFormat.of();
        parent.out().printf("block %d: view %d, sequence %d, ledger time %d ms%n",
            header.getHeight(), header.getView(), header.getSequence(),
            header.getLedgerTimeMillis());
        parent.out().println("  previous hash  " + hex.formatHex(header.getPreviousHash().toByteArray()));
        parent.out().println("  state digest   " + hex.formatHex(header.getStateDigest().toByteArray()));
        parent.out().println("  requests       " + block.get().getRequestsCount());
        parent.out().println("  commits        " + block.get().getCertificate().getCommitsCount());
        return 0;
      });
    }
  }

  private static int report(ClientCommand parent, String what, CreateResult result) {
    if (result.isOk()) {
      parent.out().println(what + ": ok");
      return 0;
    }
    parent.spec.commandLine().getErr().println(what + ": rejected: " + result.codeName());
    return ClientCalls.REJECTED;
  }
}
