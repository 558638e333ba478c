package io.phalanx.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.crypto.Bytes;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplyQuorumTest {
  private static final Bytes GOOD = Bytes.fromHex("01");
  private static final Bytes LIE = Bytes.fromHex("02");

  @Test
  void anOrderedRequestNeedsFPlusOneMatchingReplies() {
    ReplyQuorum quorum = ReplyQuorum.ordered(4);

    assertEquals(Optional.empty(), quorum.add(0, GOOD));
    assertEquals(Optional.empty(), quorum.add(1, LIE));
    assertEquals(Optional.of(GOOD), quorum.add(2, GOOD));
  }

  @Test
  void aReadOnlyQueryNeedsTwoFPlusOne() {
    ReplyQuorum quorum = ReplyQuorum.readOnly(7);

    for (int replica = 0; replica < 4; replica++) {
      assertEquals(Optional.empty(), quorum.add(replica, GOOD));
    }
    assertEquals(Optional.of(GOOD), quorum.add(4, GOOD));
  }

  @Test
  void aReplicaVotesOnceEvenIfItRepeatsOrChangesItsAnswer() {
    ReplyQuorum quorum = ReplyQuorum.ordered(4);

    quorum.add(3, LIE);
    assertEquals(Optional.empty(), quorum.add(3, LIE));
    assertEquals(Optional.empty(), quorum.add(3, GOOD));
    assertEquals(1, quorum.replies());
    assertEquals(Optional.of(GOOD), quorum.add(0, GOOD).or(() -> quorum.add(1, GOOD)));
  }

  @Test
  void fLiarsAloneNeverDecide() {
    ReplyQuorum quorum = ReplyQuorum.ordered(7);

    assertEquals(Optional.empty(), quorum.add(5, LIE));
    assertEquals(Optional.empty(), quorum.add(6, LIE));
  }

  @Test
  void disagreementThatNoSilentReplicaCanResolveIsImpossible() {
    ReplyQuorum quorum = ReplyQuorum.readOnly(4);

    quorum.add(0, GOOD);
    quorum.add(1, LIE);
    assertFalse(quorum.isImpossible());
    quorum.add(2, Bytes.fromHex("03"));
    assertTrue(quorum.isImpossible());
  }

  @Test
  void unknownReplicasAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> ReplyQuorum.ordered(4).add(4, GOOD));
    assertThrows(IllegalArgumentException.class, () -> ReplyQuorum.ordered(4).add(-1, GOOD));
  }
}
