package io.phalanx.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.protocol.Account;
import io.phalanx.protocol.AccountFlag;
import io.phalanx.protocol.CreateAccounts;
import io.phalanx.protocol.CreateTransfers;
import io.phalanx.protocol.EventResult;
import io.phalanx.protocol.LedgerOperation;
import io.phalanx.protocol.LedgerResult;
import io.phalanx.protocol.Transfer;
import io.phalanx.protocol.Uint128;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Four real replicas in this JVM, over real sockets and LevelDB, driven by signed requests. */
class ReplicaNodeTest {
  @TempDir
  Path directory;

  @Test
  void fourReplicasOrderExecuteAndAgreeOnTheState() throws Exception {
    try (LocalConsortium consortium = LocalConsortium.start(directory, 4, 2);
        RawClient issuer = client(consortium, 1)) {
      LedgerResult accounts = issuer.execute(createAccounts(1, 2), 20_000);
      assertAllOk(accounts);
      for (int i = 0; i < 20; i++) {
        assertAllOk(issuer.execute(transfer(100 + i, 1, 2, 10), 20_000));
      }

      awaitEqualDigests(consortium, 21);
      assertTrue(consortium.fatalErrors().isEmpty(), consortium.fatalErrors().toString());
    }
  }

  @Test
  void replicaLinksOverMutualTlsFromInitOrderRequestsToo() throws Exception {
    try (LocalConsortium consortium = LocalConsortium.start(directory, 4, 2, true);
        RawClient issuer = client(consortium, 1)) {
      assertTrue(consortium.node(0).parts().config.tls().isPresent());
      assertAllOk(issuer.execute(createAccounts(1, 2), 20_000));

      awaitEqualDigests(consortium, 1);
      assertTrue(consortium.fatalErrors().isEmpty(), consortium.fatalErrors().toString());
    }
  }

  @Test
  void aReplicaStoppedAndRestartedRecoversFromItsDataAndCatchesUp() throws Exception {
    try (LocalConsortium consortium = LocalConsortium.start(directory, 4, 2);
        RawClient issuer = client(consortium, 1)) {
      assertAllOk(issuer.execute(createAccounts(1, 2), 20_000));
      consortium.stop(3);
      for (int i = 0; i < 40; i++) {
        assertAllOk(issuer.execute(transfer(100 + i, 1, 2, 10), 20_000));
      }
      consortium.start(3);
      // A replica that fell behind catches up at the next stable checkpoint: keep the workload
      // going (bounded) until every replica has executed the same blocks.
      long next = 140;
      while (!allAtSameHeight(consortium) && next < 400) {
        assertAllOk(issuer.execute(transfer(next++, 1, 2, 10), 20_000));
      }

      awaitEqualDigests(consortium, 42);
      assertTrue(consortium.fatalErrors().isEmpty(), consortium.fatalErrors().toString());
    }
  }

  private static boolean allAtSameHeight(LocalConsortium consortium) {
    Set<Long> heights = new HashSet<>();
    for (int i = 0; i < consortium.replicas(); i++) {
      heights.add(consortium.node(i).parts().executor.lastExecuted());
    }
    return heights.size() == 1;
  }

  private static RawClient client(LocalConsortium consortium, long id) throws Exception {
    return new RawClient(consortium.genesis, id,
        consortium.layout.clientKeys(id).resolve("signing.key"));
  }

  private static void awaitEqualDigests(LocalConsortium consortium, long atLeast) throws Exception {
    await(() -> {
      Set<String> digests = new HashSet<>();
      for (int i = 0; i < consortium.replicas(); i++) {
        NodeParts parts = consortium.node(i).parts();
        if (parts.executor.lastExecuted() < atLeast) {
          return false;
        }
        digests.add(parts.executor.lastExecuted() + ":" + parts.executor.stateDigestHex());
      }
      return digests.size() == 1;
    }, 30_000, () -> describe(consortium) + "\nall replicas executed " + atLeast + " blocks with equal state digests");
  }

  private static String describe(LocalConsortium consortium) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < consortium.replicas(); i++) {
      text.append("\n  ").append(consortium.node(i).parts().executor.lastExecuted()).append(' ')
          .append(NodeStatus.of(consortium.node(i).parts(), consortium.node(i).loop(),
              consortium.node(i).transport()));
    }
    return text.toString();
  }

  private static void await(BooleanSupplier condition, long timeoutMillis,
      java.util.function.Supplier<String> what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what.get());
      }
      Thread.sleep(20);
    }
  }

  private static void assertAllOk(LedgerResult result) {
    assertEquals(LedgerResult.KindCase.CREATE_RESULTS, result.getKindCase(), result.toString());
    for (EventResult event : result.getCreateResults().getResultsList()) {
      assertEquals(0, event.getCode(), result.toString());
    }
  }

  static LedgerOperation createAccounts(long owner, int count) {
    CreateAccounts.Builder accounts = CreateAccounts.newBuilder();
    for (int i = 1; i <= count; i++) {
      accounts.addAccounts(Account.newBuilder().setId(id(i)).setOwner(owner).setAsset(1).setCode(1)
          .setFlags(i == 1 ? AccountFlag.ACCOUNT_FLAG_ISSUER_VALUE : 0));
    }
    return LedgerOperation.newBuilder().setCreateAccounts(accounts).build();
  }

  static LedgerOperation transfer(long id, long from, long to, long amount) {
    return LedgerOperation.newBuilder().setCreateTransfers(CreateTransfers.newBuilder()
        .addTransfers(Transfer.newBuilder().setId(id(id)).setDebitAccountId(id(from))
            .setCreditAccountId(id(to)).setAmount(amount).setAsset(1).setCode(1))).build();
  }

  static Uint128 id(long low) {
    return Uint128.newBuilder().setHigh(0).setLow(low).build();
  }
}
