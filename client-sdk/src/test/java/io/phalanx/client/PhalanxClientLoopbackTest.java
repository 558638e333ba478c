package io.phalanx.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.protocol.Account;
import io.phalanx.protocol.CertifiedBlock;
import io.phalanx.protocol.Transfer;
import io.phalanx.protocol.Uint128;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client against four scripted replicas on loopback (real sockets, real signatures). */
@Timeout(120)
class PhalanxClientLoopbackTest {
  private static final long WAIT_SECONDS = 30;
  private static final Uint128 ALICE = Ids.uint128(1, 1);
  private static final Uint128 BOB = Ids.uint128(1, 2);

  private final ScriptedCluster cluster = new ScriptedCluster();

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void fPlusOneMatchingRepliesCompleteTheCallWithEachEventsResult() throws Exception {
    cluster.mode(2, ScriptedCluster.Mode.SILENT);
    cluster.mode(3, ScriptedCluster.Mode.SILENT);
    try (PhalanxClient client = cluster.clientBuilder().build()) {
      List<CreateResult> results = await(client.createTransfers(List.of(
          transfer(10, 5), transfer(11, FakeLedger.TOO_MUCH))));

      assertEquals(List.of(CreateResult.of(0, 0), CreateResult.of(1, 87)), results);
      assertEquals("exceeds_credits", results.get(1).codeName());
    }
    assertTrue(cluster.received().stream().allMatch(ScriptedCluster.Received::validSignature),
        "every request is signed with the client's key");
  }

  @Test
  void fLyingReplicasCannotMakeTheClientAcceptAWrongResult() throws Exception {
    cluster.mode(3, ScriptedCluster.Mode.LYING);
    try (PhalanxClient client = cluster.clientBuilder().build()) {
      assertEquals(List.of(CreateResult.of(0, 0)), await(client.createTransfers(List.of(transfer(10, 5)))));
    }
  }

  @Test
  void repliesForgedInOtherReplicasNamesDoNotCount() throws Exception {
    // Replica 3 sends the lie under every replica's name, signed with a key that is none of theirs;
    // replica 2 is silent. Unverified, the lie would have f+1 votes before the truth arrives.
    cluster.mode(2, ScriptedCluster.Mode.SILENT);
    cluster.mode(3, ScriptedCluster.Mode.FORGING);
    try (PhalanxClient client = cluster.clientBuilder().build()) {
      assertEquals(List.of(CreateResult.of(0, 0)), await(client.createTransfers(List.of(transfer(10, 5)))));
    }
  }

  @Test
  void aSilentPrimaryMakesTheClientResendTheSameRequestToAllAndLearnTheNewView() throws Exception {
    cluster.mode(0, ScriptedCluster.Mode.SILENT);
    try (PhalanxClient client = cluster.clientBuilder().build()) {
      assertEquals(List.of(CreateResult.of(0, 0)), await(client.createTransfers(List.of(transfer(10, 5)))));
      List<ScriptedCluster.Received> first = ordered();
      assertEquals(1, first.stream().map(r -> r.request().getTimestamp()).distinct().count(),
          "one timestamp: " + first);
      assertEquals(1, first.stream().map(ScriptedCluster.Received::frame).distinct().count(),
          "the resend is the same envelope, byte for byte");
      assertTrue(first.stream().anyMatch(r -> r.replica() == 0), "sent to the primary first");
      assertTrue(first.stream().anyMatch(r -> r.replica() != 0), "then to the backups");

      await(client.createTransfers(List.of(transfer(12, 5))));
      long firstTimestamp = first.get(0).request().getTimestamp();
      List<ScriptedCluster.Received> second = ordered().stream()
          .filter(r -> r.request().getTimestamp() != firstTimestamp).toList();
      assertEquals(1, cluster.view());
      assertEquals(1, second.get(0).replica(), "the next request goes to the new primary");
    }
  }

  @Test
  void readOnlyQueriesTakeTwoFPlusOneMatchingRepliesWithoutOrdering() throws Exception {
    cluster.mode(3, ScriptedCluster.Mode.LYING);
    try (PhalanxClient client = cluster.clientBuilder().build()) {
      List<Account> accounts = await(client.lookupAccounts(List.of(ALICE, BOB)));

      assertEquals(List.of(ALICE, BOB), accounts.stream().map(Account::getId).toList());
      assertEquals(FakeLedger.BALANCE, accounts.get(0).getCreditsPosted());
    }
    assertTrue(cluster.received().stream().allMatch(r -> r.request().getReadOnly()));
  }

  @Test
  void aReadOnlyQueryWhoseQuorumIsImpossibleRunsOrdered() throws Exception {
    cluster.mode(2, ScriptedCluster.Mode.STALE_READS);
    cluster.mode(3, ScriptedCluster.Mode.STALE_READS);
    try (PhalanxClient client = cluster.clientBuilder().build()) {
      List<Account> accounts = await(client.lookupAccounts(List.of(ALICE)));

      assertEquals(List.of(ALICE), accounts.stream().map(Account::getId).toList());
    }
    assertFallbackUsedANewerTimestamp();
  }

  @Test
  void aReadOnlyQueryWithoutAQuorumInTimeRunsOrdered() throws Exception {
    cluster.mode(2, ScriptedCluster.Mode.IGNORES_READ_ONLY);
    cluster.mode(3, ScriptedCluster.Mode.IGNORES_READ_ONLY);
    try (PhalanxClient client = cluster.clientBuilder().build()) {
      assertEquals(1, await(client.lookupAccounts(List.of(ALICE))).size());
    }
    assertFallbackUsedANewerTimestamp();
  }

  @Test
  void blocksMatchOnTheirContentNotOnEachReplicasCertificate() throws Exception {
    try (PhalanxClient client = cluster.clientBuilder().build()) {
      Optional<CertifiedBlock> block = await(client.block(3));

      assertTrue(block.isPresent());
      assertTrue(block.get().getCertificate().getCommitsCount() > 0);
      assertEquals(Optional.empty(), await(client.receipt(Ids.uint128(5))));
    }
  }

  @Test
  void aReplicaThatDisconnectsAndComesBackIsRedialled() throws Exception {
    try (PhalanxClient client = cluster.clientBuilder().build()) {
      await(client.createTransfers(List.of(transfer(10, 5))));
      ScriptedReplica zero = cluster.replica(0);
      zero.disconnectClients();
      cluster.mode(2, ScriptedCluster.Mode.SILENT);
      cluster.mode(3, ScriptedCluster.Mode.SILENT);

      // Only replicas 0 and 1 answer now: f+1 needs replica 0's reply, over a new connection.
      assertEquals(List.of(CreateResult.of(0, 0)), await(client.createTransfers(List.of(transfer(11, 5)))));
      assertTrue(zero.connections() >= 2, "connections: " + zero.connections());
    }
  }

  @Test
  void noQuorumBeforeTheDeadlineFailsWithTheRequestsTimestamp() throws Exception {
    for (int i = 0; i < ScriptedCluster.REPLICAS; i++) {
      cluster.mode(i, ScriptedCluster.Mode.SILENT);
    }
    try (PhalanxClient client = cluster.clientBuilder().deadline(Duration.ofMillis(800)).build()) {
      ExecutionException failure = awaitFailure(client.createTransfers(List.of(transfer(10, 5))));

      OutcomeUnknownException unknown = assertInstanceOf(OutcomeUnknownException.class,
          failure.getCause());
      Set<Long> sent = ordered().stream().map(r -> r.request().getTimestamp())
          .collect(Collectors.toSet());
      assertEquals(Set.of(unknown.timestamp()), sent);
    }
  }

  @Test
  void queuedCreateCallsShareOneRequestAndEachGetsItsOwnResults() throws Exception {
    cluster.hold();
    try (PhalanxClient client = cluster.clientBuilder().build()) {
      CompletableFuture<List<CreateResult>> first = client.createTransfers(List.of(transfer(1, 5)));
      List<CompletableFuture<List<CreateResult>>> queued = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        long amount = i % 2 == 0 ? 5 : FakeLedger.TOO_MUCH;
        queued.add(client.createTransfers(List.of(transfer(100 + 2 * i, 5),
            transfer(101 + 2 * i, amount))));
      }
      cluster.release();

      assertEquals(List.of(CreateResult.of(0, 0)), await(first));
      for (int i = 0; i < queued.size(); i++) {
        int code = i % 2 == 0 ? 0 : 87;
        assertEquals(List.of(CreateResult.of(0, 0), CreateResult.of(1, code)), await(queued.get(i)));
      }
    }
    List<Long> timestamps = ordered().stream().map(r -> r.request().getTimestamp()).distinct()
        .toList();
    assertEquals(2, timestamps.size(), "one request, then the five queued calls in one");
  }

  @Test
  void callsBeyondThePendingBoundFailAtOnce() throws Exception {
    cluster.hold();
    try (PhalanxClient client = cluster.clientBuilder().pendingCallsMax(2).build()) {
      CompletableFuture<List<CreateResult>> first = client.createTransfers(List.of(transfer(1, 5)));
      CompletableFuture<List<CreateResult>> second = client.createTransfers(List.of(transfer(2, 5)));

      ExecutionException overflow = awaitFailure(client.createTransfers(List.of(transfer(3, 5))));

      assertInstanceOf(PhalanxClientException.class, overflow.getCause());
      cluster.release();
      assertEquals(1, await(first).size());
      assertEquals(1, await(second).size());
    }
  }

  @Test
  void closingFailsTheCallInFlightAsUnknownAndTheQueuedOnesAsNotSent() throws Exception {
    cluster.hold();
    PhalanxClient client = cluster.clientBuilder().build();
    CompletableFuture<List<CreateResult>> inFlight = client.createTransfers(List.of(transfer(1, 5)));
    CompletableFuture<List<Account>> query = client.lookupAccounts(List.of(ALICE));
    CompletableFuture<List<CreateResult>> queued = client.createTransfers(List.of(transfer(2, 5)));

    client.close();

    assertInstanceOf(OutcomeUnknownException.class, awaitFailure(inFlight).getCause());
    assertInstanceOf(PhalanxClientException.class, awaitFailure(queued).getCause());
    assertTrue(query.handle((value, failure) -> true).get(WAIT_SECONDS, TimeUnit.SECONDS),
        "every call ends, answered or failed");
    assertInstanceOf(PhalanxClientException.class,
        awaitFailure(client.createTransfers(List.of(transfer(3, 5)))).getCause());
  }

  @Test
  void invalidCallsFailWithoutSendingAnything() throws Exception {
    try (PhalanxClient client = cluster.clientBuilder().build()) {
      ExecutionException zeroAmount = awaitFailure(client.createTransfers(List.of(transfer(1, 0))));
      ExecutionException empty = awaitFailure(client.createAccounts(List.of()));

      assertInstanceOf(InvalidRequestException.class, zeroAmount.getCause());
      assertInstanceOf(InvalidRequestException.class, empty.getCause());
    }
    assertTrue(cluster.received().isEmpty());
  }

  private void assertFallbackUsedANewerTimestamp() {
    List<ScriptedCluster.Received> all = cluster.received();
    long readOnly = all.stream().filter(r -> r.request().getReadOnly())
        .mapToLong(r -> r.request().getTimestamp()).max().orElseThrow();
    long orderedTimestamp = ordered().stream().mapToLong(r -> r.request().getTimestamp()).max()
        .orElseThrow();
    assertTrue(orderedTimestamp > readOnly, orderedTimestamp + " > " + readOnly);
    assertFalse(ordered().isEmpty());
  }

  private List<ScriptedCluster.Received> ordered() {
    return cluster.received().stream().filter(r -> !r.request().getReadOnly()).toList();
  }

  private static Transfer transfer(long id, long amount) {
    return Events.transfer(Ids.uint128(9, id), ALICE, BOB, amount, 1).toBuilder()
        .setAmount(amount).build();
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private static ExecutionException awaitFailure(CompletableFuture<?> future) throws Exception {
    try {
      future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException expected) {
      return expected;
    }
    throw new AssertionError("the call succeeded");
  }
}
