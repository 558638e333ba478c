package io.phalanx.crypto.feldman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.InsufficientSharesException;
import io.phalanx.crypto.InvalidEncodingException;
import io.phalanx.crypto.InvalidShareException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes Feldman share and commitment decoding, verification and combination against one fixed
 * dealing of 255 shares with threshold 3, so that every index 1..255 has exactly one correct
 * value to compare with. Contract: decoding raises only {@link InvalidEncodingException};
 * verification and combination raise only {@link InvalidShareException} (naming the share),
 * {@link InsufficientSharesException} or {@link InvalidEncodingException}; a share verifies iff it
 * is the dealt one; decoded values re-encode to the input bytes; nothing combines to a wrong
 * secret.
 *
 * <p>Regression inputs: {@code src/test/resources/io/phalanx/crypto/feldman/FeldmanFuzzTestInputs/}.
 */
class FeldmanFuzzTest {
  static final int THRESHOLD = 3;
  /** Combining fuzzed commitments costs t multi-exponentiations of t points: keep t small. */
  private static final int COMBINED_THRESHOLD_MAX = 16;
  private static final FeldmanSecret SECRET;
  private static final Dealing DEALING;

  static {
    SecureRandom random = deterministicRandom(20261123L);
    SECRET = FeldmanSecret.generate(random);
    DEALING = FeldmanVss.deal(SECRET, THRESHOLD, FeldmanVss.SHARES_MAX, random);
  }

  /** The fixed dealing the corpus was made from: seeds are these shares and commitments. */
  static Dealing dealing() {
    return DEALING;
  }

  @FuzzTest
  void shareDecodingAndVerification(byte[] data) {
    FeldmanShare share;
    try {
      share = FeldmanShare.fromBytes(Bytes.of(data));
    } catch (InvalidEncodingException expected) {
      return;
    }
    assertEquals(Bytes.of(data), share.toBytes());
    boolean dealt = share.equals(DEALING.shares().get(share.index() - 1));
    assertEquals(dealt, FeldmanVss.isValid(share, DEALING.commitments()), share.toString());
    try {
      FeldmanVss.verify(share, DEALING.commitments());
      assertTrue(dealt, "a share that was not dealt verified: " + share);
    } catch (InvalidShareException e) {
      assertEquals(share.index(), e.shareIndex());
      assertTrue(!dealt, "the dealt share " + share.index() + " did not verify");
    }
  }

  @FuzzTest
  void commitmentsDecodingAndCombination(byte[] data) {
    FeldmanCommitments commitments;
    try {
      commitments = FeldmanCommitments.fromBytes(Bytes.of(data));
    } catch (InvalidEncodingException expected) {
      return;
    }
    assertEquals(Bytes.of(data), commitments.toBytes());
    assertEquals(commitments, FeldmanCommitments.fromBytes(commitments.toBytes()));
    boolean real = commitments.equals(DEALING.commitments());
    List<Integer> rejected = FeldmanVss.verifyAll(DEALING.shares().subList(0, 4), commitments);
    if (real) {
      assertEquals(List.of(), rejected);
    }
    if (commitments.threshold() > COMBINED_THRESHOLD_MAX) {
      return;
    }
    List<FeldmanShare> shares = DEALING.shares().subList(0, commitments.threshold());
    try {
      FeldmanSecret combined = FeldmanVss.combine(shares, commitments);
      // t' ≥ 3 dealt shares that verify pin the polynomial down to the dealt one. (With t' = 2,
      // commitments to the line through two dealt shares would legitimately give another value.)
      if (commitments.threshold() >= THRESHOLD) {
        assertEquals(SECRET, combined, "fuzzed commitments combined to a wrong secret");
      }
    } catch (InvalidShareException | InsufficientSharesException | InvalidEncodingException e) {
      if (real) {
        fail("the dealt shares do not combine under their own commitments", e);
      }
    }
  }

  /**
   * A list of shares, each a dealt one or fuzzed bytes, combined under the real commitments and
   * compared with a model of {@link FeldmanVss#combine}'s contract: fewer than t shares is
   * {@link InsufficientSharesException}; else the first repeated or not-dealt share is named by an
   * {@link InvalidShareException}; else the secret.
   */
  @FuzzTest
  void combinationOfFuzzedShares(FuzzedDataProvider data) {
    int count = data.consumeInt(0, 6);
    List<FeldmanShare> shares = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (data.consumeBoolean()) {
        shares.add(DEALING.shares().get(data.consumeInt(0, FeldmanVss.SHARES_MAX - 1)));
      } else {
        try {
          shares.add(FeldmanShare.fromBytes(Bytes.of(data.consumeBytes(FeldmanShare.LENGTH_BYTES))));
        } catch (InvalidEncodingException expected) {
          // not a share: leave it out
        }
      }
    }
    Integer blamed = expectedBlame(shares);
    try {
      FeldmanSecret combined = FeldmanVss.combine(shares, DEALING.commitments());
      assertTrue(shares.size() >= THRESHOLD && blamed == null, "combined " + shares);
      assertEquals(SECRET, combined);
    } catch (InsufficientSharesException e) {
      assertTrue(shares.size() < THRESHOLD, "enough shares, yet: " + e.getMessage());
    } catch (InvalidShareException e) {
      assertTrue(shares.size() >= THRESHOLD, e.getMessage());
      assertEquals(blamed, e.shareIndex(), e.getMessage());
    }
  }

  /** The index the contract names for {@code shares}, or null if none is bad. */
  private static Integer expectedBlame(List<FeldmanShare> shares) {
    boolean[] seen = new boolean[FeldmanVss.SHARES_MAX + 1];
    for (FeldmanShare share : shares) {
      if (seen[share.index()] || !share.equals(DEALING.shares().get(share.index() - 1))) {
        return share.index();
      }
      seen[share.index()] = true;
    }
    return null;
  }

  static SecureRandom deterministicRandom(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed); // before any output: SHA1PRNG is then a pure function of the seed
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA1PRNG is in every JDK", e);
    }
  }
}
