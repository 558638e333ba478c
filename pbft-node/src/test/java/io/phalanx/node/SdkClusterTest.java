package io.phalanx.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.client.CreateResult;
import io.phalanx.client.Events;
import io.phalanx.client.Ids;
import io.phalanx.client.PhalanxClient;
import io.phalanx.protocol.Account;
import io.phalanx.protocol.AccountFlag;
import io.phalanx.protocol.Uint128;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client SDK against four in-process replicas over real Netty sockets and LevelDB. */
class SdkClusterTest {
  private static final Uint128 ISSUER_ACCOUNT = Ids.uint128(0x1551, 1);
  private static final Uint128 MEMBER_ACCOUNT = Ids.uint128(0x1551, 2);

  @TempDir
  Path directory;

  @Test
  void theSdkCreatesAccountsMovesValueAndSeesTheLedgersRefusals() throws Exception {
    try (LocalConsortium consortium = LocalConsortium.start(directory, 4, 3);
        PhalanxClient issuer = client(consortium, 1);
        PhalanxClient member = client(consortium, 2)) {
      assertOk(issuer.createAccounts(List.of(Events.account(ISSUER_ACCOUNT, 1, 1,
          AccountFlag.ACCOUNT_FLAG_ISSUER_VALUE))).get(30, TimeUnit.SECONDS));
      assertOk(member.createAccounts(List.of(Events.account(MEMBER_ACCOUNT, 2, 1, 0)))
          .get(30, TimeUnit.SECONDS));
      assertOk(issuer.createTransfers(List.of(Events.transfer(Ids.uint128(7, 1), ISSUER_ACCOUNT,
          MEMBER_ACCOUNT, 500, 1))).get(30, TimeUnit.SECONDS));
      assertOk(member.createTransfers(List.of(Events.transfer(Ids.uint128(7, 2), MEMBER_ACCOUNT,
          ISSUER_ACCOUNT, 100, 1))).get(30, TimeUnit.SECONDS));

      CreateResult overdraft = member.createTransfers(List.of(Events.transfer(Ids.uint128(7, 3),
          MEMBER_ACCOUNT, ISSUER_ACCOUNT, 10_000, 1))).get(30, TimeUnit.SECONDS).get(0);
      CreateResult notOwner = member.createTransfers(List.of(Events.transfer(Ids.uint128(7, 4),
          ISSUER_ACCOUNT, MEMBER_ACCOUNT, 1, 1))).get(30, TimeUnit.SECONDS).get(0);
      Account account = member.lookupAccounts(List.of(MEMBER_ACCOUNT)).get(30, TimeUnit.SECONDS)
          .get(0);

      assertEquals("exceeds_credits", overdraft.codeName());
      assertEquals("not_owner", notOwner.codeName());
      assertEquals(500, account.getCreditsPosted());
      assertEquals(100, account.getDebitsPosted());
      assertTrue(member.block(3).get(30, TimeUnit.SECONDS).isPresent());
      assertTrue(consortium.fatalErrors().isEmpty(), consortium.fatalErrors().toString());
    }
  }

  private static PhalanxClient client(LocalConsortium consortium, long id) {
    return PhalanxClient.builder().config(consortium.layout.clientConfig(id)).build();
  }

  private static void assertOk(List<CreateResult> results) {
    for (CreateResult result : results) {
      assertTrue(result.isOk(), result.toString());
    }
  }
}
