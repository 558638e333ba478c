package io.phalanx.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.protocol.Account;
import io.phalanx.protocol.Transfer;
import io.phalanx.protocol.Uint128;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdsAndValidationTest {
  private static final Uint128 A = Ids.uint128(1);
  private static final Uint128 B = Ids.uint128(2);

  @Test
  void idsRoundTripThroughTheirDecimalForm() {
    Random random = new Random(42);
    for (int i = 0; i < 100; i++) {
      Uint128 id = Ids.random(random);
      assertEquals(id, Ids.parse(Ids.toString(id)));
    }
    assertEquals(Ids.uint128(1, 0), Ids.parse("18446744073709551616"));
    assertEquals(Ids.uint128(0, 42), Ids.parse("0x2a"));
    assertEquals(Ids.uint128(-1, -1), Ids.parse("340282366920938463463374607431768211455"));
  }

  @Test
  void idsOutOfRangeOrNotNumbersAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Ids.parse("-1"));
    assertThrows(IllegalArgumentException.class, () -> Ids.parse("340282366920938463463374607431768211456"));
    assertThrows(IllegalArgumentException.class, () -> Ids.parse("alice"));
  }

  @Test
  void resultCodesAreNamedFromTheProtocolEnum() {
    assertEquals("exceeds_credits", ResultCodes.name(87));
    assertEquals("ok", ResultCodes.name(0));
    assertEquals("code_9999", ResultCodes.name(9999));
  }

  @Test
  void transfersWithZeroIdsAmountsOrAssetsAreRefused() {
    Transfer good = Events.transfer(Ids.uint128(9), A, B, 5, 1);
    RequestValidation.checkTransfers(List.of(good));

    assertInvalid(good.toBuilder().setId(Ids.uint128(0)).build(), "id must not be zero");
    assertInvalid(good.toBuilder().setId(Ids.uint128(-1, -1)).build(), "2^128-1");
    assertInvalid(good.toBuilder().setAmount(0).build(), "amount");
    assertInvalid(good.toBuilder().setAsset(0).build(), "asset");
    assertInvalid(good.toBuilder().setCreditAccountId(A).build(), "same account");
    assertInvalid(good.toBuilder().clearDebitAccountId().build(), "debit_account_id");
    assertInvalid(good.toBuilder().setTimestamp(5).build(), "timestamp");
  }

  @Test
  void postingAPendingTransferMayLeaveTheAmountZero() {
    Transfer pending = Events.pending(Ids.uint128(9), A, B, 5, 1, 60);

    RequestValidation.checkTransfers(List.of(Events.post(Ids.uint128(10), pending, 0)));
    InvalidRequestException noPending = assertThrows(InvalidRequestException.class,
        () -> RequestValidation.checkTransfers(List.of(Events.post(Ids.uint128(10), pending, 0)
            .toBuilder().clearPendingId().build())));
    assertTrue(noPending.getMessage().contains("pending_id"));
  }

  @Test
  void emptyOrOversizedCallsAreRefused() {
    Account account = Events.account(A, 3, 1, 0);
    assertThrows(InvalidRequestException.class, () -> RequestValidation.checkAccounts(List.of()));
    List<Account> tooMany = new ArrayList<>(Collections.nCopies(RequestValidation.EVENTS_MAX + 1,
        account));
    InvalidRequestException failure = assertThrows(InvalidRequestException.class,
        () -> RequestValidation.checkAccounts(tooMany));
    assertTrue(failure.getMessage().contains("at most 8190"), failure.getMessage());
    assertThrows(InvalidRequestException.class,
        () -> RequestValidation.checkAccounts(List.of(account.toBuilder().setAsset(0).build())));
    assertThrows(InvalidRequestException.class, () -> RequestValidation.checkIds(List.of(), "ids"));
  }

  private static void assertInvalid(Transfer transfer, String expected) {
    InvalidRequestException failure = assertThrows(InvalidRequestException.class,
        () -> RequestValidation.checkTransfers(List.of(transfer)));
    assertTrue(failure.getMessage().contains(expected), failure.getMessage());
  }
}
