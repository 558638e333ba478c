package io.phalanx.crypto.shamir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Fuzzes Shamir share decoding and combination. Contract: {@link ShamirShare#fromBytes} raises
 * only {@link InvalidEncodingException} and re-encodes what it decodes; {@link Shamir#combine}
 * raises only {@link InsufficientSharesException} or {@link InvalidShareException} (repeated
 * index, unequal lengths) and otherwise returns exactly what a naive Lagrange interpolation over
 * GF(2^8) gives (plain Shamir detects no wrong share, so the reference decides what is right);
 * any t of the shares {@link Shamir#split} makes give the secret back.
 *
 * <p>Regression inputs: {@code src/test/resources/io/phalanx/crypto/shamir/ShamirFuzzTestInputs/}.
 */
class ShamirFuzzTest {
  @FuzzTest
  void shareDecoding(byte[] data) {
    ShamirShare share;
    try {
      share = ShamirShare.fromBytes(Bytes.of(data));
    } catch (InvalidEncodingException expected) {
      return;
    }
    assertEquals(Bytes.of(data), share.toBytes());
    assertEquals(share, ShamirShare.fromBytes(share.toBytes()));
  }

  /** Fuzzed encoded shares and a threshold, combined and compared with the reference. */
  @FuzzTest
  void combinationOfFuzzedShares(FuzzedDataProvider data) {
    int threshold = data.consumeInt(2, Shamir.SHARES_MAX);
    boolean withThreshold = data.consumeBoolean();
    int count = data.consumeInt(0, 8);
    List<ShamirShare> shares = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      try {
        shares.add(ShamirShare.fromBytes(Bytes.of(data.consumeBytes(data.consumeInt(0, 40)))));
      } catch (InvalidEncodingException expected) {
        // not a share: leave it out
      }
    }
    int needed = withThreshold ? threshold : 2;
    try {
      byte[] secret = withThreshold ? Shamir.combine(shares, threshold) : Shamir.combine(shares);
      assertTrue(shares.size() >= needed && isUsable(shares), "combined " + shares);
      List<ShamirShare> used = withThreshold ? shares.subList(0, threshold) : shares;
      assertArrayEquals(referenceInterpolationAtZero(used), secret);
    } catch (InsufficientSharesException e) {
      assertTrue(shares.size() < needed, e.getMessage());
    } catch (InvalidShareException e) {
      assertTrue(shares.size() >= needed && !isUsable(shares), e.getMessage());
    }
  }

  /** A fuzzed secret split with fuzzed parameters; a fuzzed choice of t shares gives it back. */
  @FuzzTest
  void splitThenCombine(FuzzedDataProvider data) {
    int threshold = data.consumeInt(2, 12);
    int count = data.consumeInt(threshold, 24);
    long seed = data.consumeLong();
    byte[] secret = data.consumeBytes(64);
    if (secret.length == 0) {
      secret = new byte[] {0};
    }
    List<ShamirShare> dealt = Shamir.split(secret, threshold, count, deterministicRandom(seed));
    List<ShamirShare> remaining = new ArrayList<>(dealt);
    List<ShamirShare> chosen = new ArrayList<>();
    while (chosen.size() < threshold) {
      ShamirShare share = remaining.remove(data.consumeInt(0, remaining.size() - 1));
      assertEquals(share, ShamirShare.fromBytes(share.toBytes()));
      chosen.add(share);
    }
    assertArrayEquals(secret, Shamir.combine(chosen, threshold));
    assertArrayEquals(secret, Shamir.combine(chosen));
    assertArrayEquals(secret, referenceInterpolationAtZero(chosen));
  }

  /** Distinct indices 1..255 and equal, non-empty lengths. */
  private static boolean isUsable(List<ShamirShare> shares) {
    boolean[] seen = new boolean[256];
    for (ShamirShare share : shares) {
      if (share.index() < 1 || share.index() > 255 || seen[share.index()]
          || share.value().length() != shares.get(0).value().length()
          || share.value().isEmpty()) {
        return false;
      }
      seen[share.index()] = true;
    }
    return true;
  }

  /** Σ y_i · Π_{j≠i} x_j / (x_j + x_i) in GF(2^8), with schoolbook field operations. */
  static byte[] referenceInterpolationAtZero(List<ShamirShare> shares) {
    byte[] secret = new byte[shares.get(0).value().length()];
    for (ShamirShare share : shares) {
      int basis = 1;
      for (ShamirShare other : shares) {
        if (other != share) {
          basis = multiply(basis, multiply(other.index(), inverse(other.index() ^ share.index())));
        }
      }
      for (int position = 0; position < secret.length; position++) {
        secret[position] ^= (byte) multiply(share.value().byteAt(position) & 0xff, basis);
      }
    }
    return secret;
  }

  /** Carry-less multiplication reduced by the AES polynomial x^8 + x^4 + x^3 + x + 1. */
  private static int multiply(int a, int b) {
    int product = 0;
    for (int bit = 0; bit < 8; bit++) {
      if ((b & (1 << bit)) != 0) {
        product ^= a << bit;
      }
    }
    for (int bit = 14; bit >= 8; bit--) {
      if ((product & (1 << bit)) != 0) {
        product ^= 0x11b << (bit - 8);
      }
    }
    return product;
  }

  /** By search: the reference has no cleverness to get wrong. */
  private static int inverse(int a) {
    for (int candidate = 1; candidate < 256; candidate++) {
      if (multiply(a, candidate) == 1) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("0 has no inverse");
  }

  private static SecureRandom deterministicRandom(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA1PRNG is in every JDK", e);
    }
  }
}
