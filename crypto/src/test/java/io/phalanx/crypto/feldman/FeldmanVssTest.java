package io.phalanx.crypto.feldman;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.InsufficientSharesException;
import io.phalanx.crypto.InvalidEncodingException;
import io.phalanx.crypto.InvalidShareException;
import io.phalanx.crypto.seal.DataKey;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Feldman VSS over P-256: any t verified shares reconstruct; a corrupted share is named by its
 * index; tampered commitments are refused; refresh keeps the secret and old and new shares do
 * not mix; encodings are strict. The generator's compressed encoding is checked against SEC 2
 * (version 2, section 2.4.2, secp256r1 G) so the group is the one documented.
 */
class FeldmanVssTest {
  private static final BigInteger ORDER = FeldmanGroup.ORDER;
  private final SecureRandom random = new SecureRandom();

  @Test
  void theGroupIsP256() {
    Dealing dealing = FeldmanVss.deal(FeldmanSecret.of(scalarBytes(BigInteger.ONE)), 2, 3, random);
    assertEquals("036b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296",
        dealing.commitments().toBytes().toHex().substring(2, 2 + 66), "C_0 = 1·G");
    assertEquals(new BigInteger(
        "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16), ORDER);
  }

  @Test
  void everyThresholdSubsetOfVerifiedSharesReconstructs() {
    FeldmanSecret secret = FeldmanSecret.generate(random);
    Dealing dealing = FeldmanVss.deal(secret, 3, 6, random);
    assertEquals(List.of(), FeldmanVss.verifyAll(dealing.shares(), dealing.commitments()));
    int subsets = 0;
    for (int a = 0; a < 6; a++) {
      for (int b = a + 1; b < 6; b++) {
        for (int c = b + 1; c < 6; c++) {
          List<FeldmanShare> subset = List.of(dealing.shares().get(c), dealing.shares().get(a),
              dealing.shares().get(b));
          assertEquals(secret, FeldmanVss.combine(subset, dealing.commitments()), subset.toString());
          subsets++;
        }
      }
    }
    assertEquals(20, subsets);
    assertEquals(secret, FeldmanVss.combine(dealing.shares(), dealing.commitments()));
  }

  @Test
  void manyParticipantsAndTheLargestThreshold() {
    FeldmanSecret secret = FeldmanSecret.generate(random);
    Dealing dealing = FeldmanVss.deal(secret, 34, 100, random); // f + 1 of 3f + 1 with f = 33
    List<FeldmanShare> last = dealing.shares().subList(66, 100);
    assertEquals(secret, FeldmanVss.combine(last, dealing.commitments()));
    Dealing full = FeldmanVss.deal(secret, 5, 255, random);
    assertEquals(255, full.shares().get(254).index());
    assertEquals(secret, FeldmanVss.combine(full.shares().subList(250, 255), full.commitments()));
  }

  @Test
  void anAlteredShareIsNamedByItsIndex() {
    FeldmanSecret secret = FeldmanSecret.generate(random);
    Dealing dealing = FeldmanVss.deal(secret, 3, 7, random);
    for (int bad = 1; bad <= 7; bad++) {
      List<FeldmanShare> shares = new ArrayList<>(dealing.shares());
      FeldmanShare original = shares.get(bad - 1);
      FeldmanShare altered = FeldmanShare.of(bad, original.scalar().add(BigInteger.ONE).mod(ORDER));
      shares.set(bad - 1, altered);

      assertEquals(List.of(bad), FeldmanVss.verifyAll(shares, dealing.commitments()));
      int expected = bad;
      assertEquals(bad, assertThrows(InvalidShareException.class,
          () -> FeldmanVss.verify(altered, dealing.commitments())).shareIndex());
      assertEquals(bad, assertThrows(InvalidShareException.class,
          () -> FeldmanVss.combine(shares, dealing.commitments())).shareIndex());
      List<FeldmanShare> good = shares.stream().filter(share -> share.index() != expected).toList();
      assertEquals(secret, FeldmanVss.combine(good, dealing.commitments()));
    }
  }

  @Test
  void everyBitFlipOfAnEncodedShareIsRefusedOrNamed() {
    Dealing dealing = FeldmanVss.deal(FeldmanSecret.generate(random), 2, 4, random);
    FeldmanShare share = dealing.shares().get(2);
    byte[] encoded = share.toBytes().toByteArray();
    for (int position = 0; position < encoded.length; position++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] flipped = encoded.clone();
        flipped[position] ^= (byte) (1 << bit);
        FeldmanShare decoded;
        try {
          decoded = FeldmanShare.fromBytes(Bytes.of(flipped));
        } catch (InvalidEncodingException | InvalidShareException e) {
          continue; // refused at decoding: an index of 0 or a value not below the order
        }
        assertEquals(List.of(decoded.index()),
            FeldmanVss.verifyAll(List.of(decoded), dealing.commitments()),
            "byte " + position + " bit " + bit);
      }
    }
  }

  @Test
  void aShareMovedToAnotherIndexIsRefused() {
    Dealing dealing = FeldmanVss.deal(FeldmanSecret.generate(random), 2, 4, random);
    FeldmanShare moved = new FeldmanShare(4, dealing.shares().get(0).value());
    assertEquals(List.of(4), FeldmanVss.verifyAll(List.of(moved), dealing.commitments()));
  }

  @Test
  void tamperedCommitmentsAreRefusedOrFailEveryShare() {
    Dealing dealing = FeldmanVss.deal(FeldmanSecret.generate(random), 3, 5, random);
    byte[] encoded = dealing.commitments().toBytes().toByteArray();
    int refusedAtDecoding = 0;
    for (int position = 0; position < encoded.length; position++) {
      byte[] tampered = encoded.clone();
      tampered[position] ^= (byte) (position % 8 == 0 ? 0x01 : 1 << (position % 8));
      FeldmanCommitments commitments;
      try {
        commitments = FeldmanCommitments.fromBytes(Bytes.of(tampered));
      } catch (InvalidEncodingException e) {
        refusedAtDecoding++;
        continue;
      }
      assertEquals(List.of(1, 2, 3, 4, 5), FeldmanVss.verifyAll(dealing.shares(), commitments),
          "byte " + position);
    }
    assertTrue(refusedAtDecoding > 0, "the threshold byte, at least, must break decoding");
  }

  @Test
  void commitmentDecodingIsStrict() {
    Dealing dealing = FeldmanVss.deal(FeldmanSecret.generate(random), 2, 3, random);
    byte[] good = dealing.commitments().toBytes().toByteArray();
    assertEquals(dealing.commitments(), FeldmanCommitments.fromBytes(Bytes.of(good)));
    assertEquals(1 + 2 * 33, good.length);

    assertRefused(java.util.Arrays.copyOf(good, good.length - 1));          // short
    assertRefused(java.util.Arrays.copyOf(good, good.length + 1));          // long
    assertRefused(new byte[0]);
    byte[] thresholdOne = java.util.Arrays.copyOf(good, 34);
    thresholdOne[0] = 1;
    assertRefused(thresholdOne);
    byte[] uncompressedPrefix = good.clone();
    uncompressedPrefix[1] = 0x04;
    assertRefused(uncompressedPrefix);
    byte[] xAbovePrime = good.clone();
    java.util.Arrays.fill(xAbovePrime, 2, 34, (byte) 0xff);                 // x = 2^256 − 1 ≥ p
    assertRefused(xAbovePrime);
    byte[] offCurve = good.clone();
    boolean foundOffCurve = false;
    for (int x = 0; x < 64 && !foundOffCurve; x++) {                      // about half of all x
      java.util.Arrays.fill(offCurve, 2, 34, (byte) 0);
      offCurve[33] = (byte) x;
      foundOffCurve = !decodes(offCurve);
    }
    assertTrue(foundOffCurve);
    byte[] identityAfterConstant = good.clone();
    java.util.Arrays.fill(identityAfterConstant, 34, 67, (byte) 0);
    assertRefused(identityAfterConstant);
  }

  @Test
  void shareDecodingIsStrict() {
    FeldmanShare share = FeldmanVss.deal(FeldmanSecret.generate(random), 2, 3, random).shares().get(1);
    assertEquals(share, FeldmanShare.fromBytes(share.toBytes()));
    assertEquals(33, share.toBytes().length());
    byte[] encoded = share.toBytes().toByteArray();
    assertThrows(InvalidEncodingException.class,
        () -> FeldmanShare.fromBytes(Bytes.of(java.util.Arrays.copyOf(encoded, 32))));
    assertThrows(InvalidEncodingException.class,
        () -> FeldmanShare.fromBytes(Bytes.of(java.util.Arrays.copyOf(encoded, 34))));
    byte[] indexZero = encoded.clone();
    indexZero[0] = 0;
    assertThrows(InvalidEncodingException.class, () -> FeldmanShare.fromBytes(Bytes.of(indexZero)));
    byte[] orderItself = new byte[33];
    orderItself[0] = 1;
    System.arraycopy(scalarBytes(ORDER), 0, orderItself, 1, 32);
    assertThrows(InvalidEncodingException.class, () -> FeldmanShare.fromBytes(Bytes.of(orderItself)));
    assertThrows(InvalidShareException.class, () -> new FeldmanShare(0, share.value()));
    assertThrows(InvalidShareException.class, () -> new FeldmanShare(256, share.value()));
  }

  @Test
  void tooFewOrDuplicatedSharesAreRefused() {
    Dealing dealing = FeldmanVss.deal(FeldmanSecret.generate(random), 3, 5, random);
    InsufficientSharesException few = assertThrows(InsufficientSharesException.class,
        () -> FeldmanVss.combine(dealing.shares().subList(0, 2), dealing.commitments()));
    assertEquals(3, few.required());
    FeldmanShare second = dealing.shares().get(1);
    assertEquals(2, assertThrows(InvalidShareException.class, () -> FeldmanVss.combine(
        List.of(dealing.shares().get(0), second, second), dealing.commitments())).shareIndex());
  }

  @Test
  void refreshKeepsTheSecretAndOldAndNewSharesDoNotMix() {
    FeldmanSecret secret = FeldmanSecret.generate(random);
    Dealing original = FeldmanVss.deal(secret, 3, 5, random);
    Dealing delta = FeldmanVss.dealRefresh(3, 5, random);
    assertTrue(delta.commitments().isZeroSharing());
    assertFalse(original.commitments().isZeroSharing());

    FeldmanCommitments refreshedCommitments =
        FeldmanVss.refresh(original.commitments(), delta.commitments());
    List<FeldmanShare> refreshed = IntStream.range(0, 5).mapToObj(i -> FeldmanVss.refresh(
        original.shares().get(i), delta.shares().get(i), delta.commitments())).toList();

    assertEquals(List.of(), FeldmanVss.verifyAll(refreshed, refreshedCommitments));
    assertEquals(secret, FeldmanVss.combine(refreshed.subList(2, 5), refreshedCommitments));
    assertEquals(original.commitments().toBytes().toHex().substring(0, 68),
        refreshedCommitments.toBytes().toHex().substring(0, 68), "t and C_0 unchanged");
    for (int i = 0; i < 5; i++) {
      assertNotEquals(original.shares().get(i), refreshed.get(i));
    }

    // Old shares no longer verify, and mixing old with new does not interpolate to the secret.
    assertEquals(List.of(1, 2, 3, 4, 5),
        FeldmanVss.verifyAll(original.shares(), refreshedCommitments));
    List<FeldmanShare> mixed = List.of(original.shares().get(0), original.shares().get(1),
        refreshed.get(2));
    assertEquals(1, assertThrows(InvalidShareException.class,
        () -> FeldmanVss.combine(mixed, refreshedCommitments)).shareIndex());
    assertNotEquals(secret.toScalar(), lagrangeAtZero(mixed));
    assertEquals(secret.toScalar(), lagrangeAtZero(refreshed.subList(0, 3)));
  }

  @Test
  void refreshRefusesBadDeltas() {
    Dealing original = FeldmanVss.deal(FeldmanSecret.generate(random), 3, 5, random);
    Dealing delta = FeldmanVss.dealRefresh(3, 5, random);
    FeldmanShare share = original.shares().get(0);
    assertThrows(InvalidEncodingException.class,
        () -> FeldmanVss.refresh(original.commitments(), original.commitments()));
    assertThrows(InvalidEncodingException.class,
        () -> FeldmanVss.refresh(share, original.shares().get(0), original.commitments()));
    assertThrows(InvalidEncodingException.class, () -> FeldmanVss.refresh(
        original.commitments(), FeldmanVss.dealRefresh(2, 5, random).commitments()));
    assertEquals(2, assertThrows(InvalidShareException.class,
        () -> FeldmanVss.refresh(share, delta.shares().get(1), delta.commitments())).shareIndex());
    FeldmanShare forged = FeldmanShare.of(1, delta.shares().get(0).scalar().add(BigInteger.TWO));
    assertEquals(1, assertThrows(InvalidShareException.class,
        () -> FeldmanVss.refresh(share, forged, delta.commitments())).shareIndex());
    assertThrows(InvalidEncodingException.class,
        () -> FeldmanVss.combine(delta.shares(), delta.commitments()));
    assertEquals(delta.commitments(), FeldmanCommitments.fromBytes(delta.commitments().toBytes()));
  }

  @Test
  void theDataKeyDerivedFromTheCombinedSecretOpensWhatTheDealerEncrypted() {
    FeldmanSecret secret = FeldmanSecret.generate(random);
    byte[] vaultSecret = "database password".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Bytes encrypted = secret.deriveDataKey().encrypt(vaultSecret, new byte[0], random);
    Dealing dealing = FeldmanVss.deal(secret, 2, 4, random);
    FeldmanSecret combined = FeldmanVss.combine(dealing.shares().subList(1, 3), dealing.commitments());
    DataKey key = combined.deriveDataKey();
    assertArrayEquals(vaultSecret, key.decrypt(encrypted, new byte[0]));
    assertArrayEquals(secret.deriveDataKey().toByteArray(), key.toByteArray());
    assertFalse(java.util.Arrays.equals(secret.toByteArray(), key.toByteArray()));
  }

  @Test
  void secretsAreValidatedRedactedAndDestroyable() {
    assertThrows(InvalidEncodingException.class, () -> FeldmanSecret.of(new byte[32]));
    assertThrows(InvalidEncodingException.class, () -> FeldmanSecret.of(scalarBytes(ORDER)));
    assertThrows(InvalidEncodingException.class, () -> FeldmanSecret.of(new byte[31]));
    byte[] raw = HexFormat.of().parseHex(
        "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    FeldmanSecret secret = FeldmanSecret.of(raw);
    Dealing dealing = FeldmanVss.deal(secret, 2, 3, random);
    String text = secret + " " + dealing + " " + dealing.shares();
    assertFalse(text.contains("00112233"), text);
    for (FeldmanShare share : dealing.shares()) {
      assertFalse(text.contains(share.value().toHex().substring(0, 8)), text);
    }
    assertTrue(text.contains("redacted"), text);
    secret.destroy();
    assertThrows(IllegalStateException.class, secret::toByteArray);
    assertThrows(IllegalArgumentException.class,
        () -> FeldmanVss.deal(FeldmanSecret.of(raw), 1, 3, random));
    assertThrows(IllegalArgumentException.class,
        () -> FeldmanVss.deal(FeldmanSecret.of(raw), 3, 256, random));
  }

  /** Unverified Lagrange interpolation at 0, independent of the implementation under test. */
  private static BigInteger lagrangeAtZero(List<FeldmanShare> shares) {
    BigInteger sum = BigInteger.ZERO;
    for (FeldmanShare i : shares) {
      BigInteger term = i.scalar();
      for (FeldmanShare j : shares) {
        if (j != i) {
          BigInteger xj = BigInteger.valueOf(j.index());
          term = term.multiply(xj).multiply(xj.subtract(BigInteger.valueOf(i.index()))
              .modInverse(ORDER)).mod(ORDER);
        }
      }
      sum = sum.add(term).mod(ORDER);
    }
    return sum;
  }

  private static byte[] scalarBytes(BigInteger value) {
    return org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, value);
  }

  private static boolean decodes(byte[] encoded) {
    try {
      FeldmanCommitments.fromBytes(Bytes.of(encoded));
      return true;
    } catch (InvalidEncodingException e) {
      return false;
    }
  }

  private static void assertRefused(byte[] encoded) {
    assertThrows(InvalidEncodingException.class,
        () -> FeldmanCommitments.fromBytes(Bytes.of(encoded)));
  }
}
