package io.phalanx.crypto.shamir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.InsufficientSharesException;
import io.phalanx.crypto.InvalidEncodingException;
import io.phalanx.crypto.InvalidShareException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Shamir sharing over GF(2^8): every t-subset of every (n, t) with 2 ≤ t ≤ n ≤ 10 reconstructs
 * and every (t − 1)-subset does not; n = 255 on sampled subsets (seeded, the seed printed in the
 * failure message); every malformed input raises its typed exception.
 */
class ShamirTest {
  private static final long SEED = 0x5eed_5a3a_1L;
  private final SecureRandom random = new SecureRandom();

  @Test
  void everyThresholdSubsetReconstructsAndNoSmallerSubsetDoes() {
    int subsetsChecked = 0;
    for (int n = 2; n <= 10; n++) {
      for (int threshold = 2; threshold <= n; threshold++) {
        int t = threshold;
        byte[] secret = randomSecret(32);
        List<ShamirShare> shares = Shamir.split(secret, t, n, random);
        assertEquals(n, shares.size());
        for (List<ShamirShare> subset : subsets(shares, t)) {
          String where = "n=" + n + " t=" + t + " " + subset;
          assertArrayEquals(secret, Shamir.combine(subset, t), where);
          assertArrayEquals(secret, Shamir.combine(subset), where);
          subsetsChecked++;
        }
        for (List<ShamirShare> subset : subsets(shares, t - 1)) {
          String where = "n=" + n + " t=" + t + " " + subset;
          assertThrows(InsufficientSharesException.class, () -> Shamir.combine(subset, t), where);
          if (subset.size() >= 2) {
            // t − 1 shares interpolate a polynomial whose value at 0 is independent of the secret.
            assertFalse(Arrays.equals(secret, Shamir.combine(subset)), where);
          } else {
            assertThrows(InsufficientSharesException.class, () -> Shamir.combine(subset), where);
          }
        }
      }
    }
    assertEquals(1_981, subsetsChecked); // Σ over n = 2..10 of (2^n − 1 − n)
  }

  @Test
  void twoHundredFiftyFiveSharesOnSampledSubsets() {
    Random sampler = new Random(SEED);
    for (int t : new int[] {2, 3, 86, 128, 254, 255}) {
      byte[] secret = randomSecret(32);
      List<ShamirShare> shares = Shamir.split(secret, t, 255, random);
      assertEquals(255, shares.size());
      for (int sample = 0; sample < 5; sample++) {
        List<ShamirShare> shuffled = new ArrayList<>(shares);
        Collections.shuffle(shuffled, sampler);
        String where = "t=" + t + " sample " + sample + " seed " + SEED;
        assertArrayEquals(secret, Shamir.combine(shuffled.subList(0, t), t), where);
        assertArrayEquals(secret, Shamir.combine(shuffled, t), where + " (all 255 given)");
        if (t - 1 >= 2) {
          assertFalse(Arrays.equals(secret, Shamir.combine(shuffled.subList(0, t - 1))),
              where + " (t − 1 shares)");
        }
      }
    }
  }

  @Test
  void sharesAreIndexedOneToN() {
    List<ShamirShare> shares = Shamir.split(randomSecret(5), 3, 7, random);
    for (int i = 0; i < shares.size(); i++) {
      assertEquals(i + 1, shares.get(i).index());
      assertEquals(5, shares.get(i).value().length());
    }
  }

  @Test
  void aOneByteSecretAndEveryByteValueRoundTrip() {
    for (int value = 0; value < 256; value++) {
      byte[] secret = {(byte) value};
      List<ShamirShare> shares = Shamir.split(secret, 2, 3, random);
      assertArrayEquals(secret, Shamir.combine(List.of(shares.get(2), shares.get(0)), 2));
    }
  }

  @Test
  void splitRefusesBadParameters() {
    byte[] secret = randomSecret(4);
    assertThrows(IllegalArgumentException.class, () -> Shamir.split(secret, 1, 3, random));
    assertThrows(IllegalArgumentException.class, () -> Shamir.split(secret, 4, 3, random));
    assertThrows(IllegalArgumentException.class, () -> Shamir.split(secret, 2, 256, random));
    assertThrows(IllegalArgumentException.class, () -> Shamir.split(new byte[0], 2, 3, random));
  }

  @Test
  void indexZeroIsRefusedWithItsIndex() {
    List<ShamirShare> shares = new ArrayList<>(Shamir.split(randomSecret(4), 2, 3, random));
    shares.set(1, new ShamirShare(0, shares.get(1).value()));
    InvalidShareException e = assertThrows(InvalidShareException.class,
        () -> Shamir.combine(shares, 2));
    assertEquals(0, e.shareIndex());
  }

  @Test
  void anIndexAboveTwoHundredFiftyFiveIsRefused() {
    List<ShamirShare> shares = new ArrayList<>(Shamir.split(randomSecret(4), 2, 3, random));
    shares.set(0, new ShamirShare(256, shares.get(0).value()));
    assertEquals(256, assertThrows(InvalidShareException.class,
        () -> Shamir.combine(shares)).shareIndex());
  }

  @Test
  void aDuplicateIndexIsRefusedWithItsIndex() {
    List<ShamirShare> shares = Shamir.split(randomSecret(4), 2, 3, random);
    InvalidShareException e = assertThrows(InvalidShareException.class,
        () -> Shamir.combine(List.of(shares.get(1), shares.get(1)), 2));
    assertEquals(2, e.shareIndex());
  }

  @Test
  void mismatchedLengthsAreRefusedNamingTheOddShare() {
    List<ShamirShare> shares = Shamir.split(randomSecret(4), 2, 3, random);
    ShamirShare shorter = new ShamirShare(3, Bytes.of(new byte[3]));
    InvalidShareException e = assertThrows(InvalidShareException.class,
        () -> Shamir.combine(List.of(shares.get(0), shorter), 2));
    assertEquals(3, e.shareIndex());
  }

  @Test
  void tooFewSharesAreRefused() {
    List<ShamirShare> shares = Shamir.split(randomSecret(4), 4, 6, random);
    InsufficientSharesException e = assertThrows(InsufficientSharesException.class,
        () -> Shamir.combine(shares.subList(0, 3), 4));
    assertEquals(4, e.required());
    assertEquals(3, e.provided());
    assertThrows(InsufficientSharesException.class, () -> Shamir.combine(List.of()));
    assertThrows(InsufficientSharesException.class, () -> Shamir.combine(shares.subList(0, 1)));
  }

  @Test
  void aCorruptedShareGivesAWrongSecretWithoutAnyError() {
    // Documents the limit of plain Shamir (see the class comment): Feldman exists for this.
    byte[] secret = randomSecret(16);
    List<ShamirShare> shares = Shamir.split(secret, 2, 3, random);
    byte[] value = shares.get(0).value().toByteArray();
    value[0] ^= 1;
    ShamirShare corrupted = new ShamirShare(1, Bytes.of(value));
    assertFalse(Arrays.equals(secret, Shamir.combine(List.of(corrupted, shares.get(1)), 2)));
  }

  @Test
  void toStringHidesTheValue() {
    byte[] secret = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
    for (ShamirShare share : Shamir.split(secret, 2, 3, random)) {
      String text = share.toString();
      assertFalse(text.contains(share.value().toHex().substring(0, 6)), text);
      assertTrue(text.contains("redacted") && text.contains("index=" + share.index()), text);
    }
  }

  @Test
  void encodingRoundTripsAndIsStrict() {
    for (ShamirShare share : Shamir.split(randomSecret(8), 2, 3, random)) {
      assertEquals(share, ShamirShare.fromBytes(share.toBytes()));
      assertEquals(9, share.toBytes().length());
    }
    assertThrows(InvalidEncodingException.class, () -> ShamirShare.fromBytes(Bytes.fromHex("01")));
    assertThrows(InvalidEncodingException.class,
        () -> ShamirShare.fromBytes(Bytes.fromHex("00aabb")));
  }

  private byte[] randomSecret(int length) {
    byte[] secret = new byte[length];
    random.nextBytes(secret);
    return secret;
  }

  /** All subsets of {@code size} elements, in lexicographic order of positions. */
  private static <T> List<List<T>> subsets(List<T> items, int size) {
    List<List<T>> result = new ArrayList<>();
    collect(items, size, 0, new ArrayList<>(), result);
    return result;
  }

  private static <T> void collect(List<T> items, int size, int from, List<T> current,
      List<List<T>> result) {
    if (current.size() == size) {
      result.add(List.copyOf(current));
      return;
    }
    for (int i = from; i < items.size(); i++) {
      current.add(items.get(i));
      collect(items, size, i + 1, current, result);
      current.remove(current.size() - 1);
    }
  }
}
