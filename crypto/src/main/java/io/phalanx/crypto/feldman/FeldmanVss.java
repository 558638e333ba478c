package io.phalanx.crypto.feldman;

import io.phalanx.crypto.InsufficientSharesException;
import io.phalanx.crypto.InvalidEncodingException;
import io.phalanx.crypto.InvalidShareException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * Feldman verifiable secret sharing over the P-256 group ({@link FeldmanGroup}): Shamir sharing
 * of a scalar modulo the group order, plus public commitments against which every share can be
 * checked on its own. Up to n − t lying share holders cannot corrupt a reconstruction: their
 * shares fail {@link #verify} and are named by index.
 *
 * <p>Typical vault use: the client calls {@link #deal} with {@link FeldmanSecret#generate},
 * encrypts the secret under {@link FeldmanSecret#deriveDataKey()}, seals share i to replica i and
 * stores the commitments. To read, it collects shares, drops those {@link #verifyAll} names, and
 * {@link #combine}s any t of the rest.
 *
 * <p>Refresh (proactive security): {@link #dealRefresh} shares zero; each holder checks its delta
 * share against the refresh's commitments and adds it ({@link #refresh(FeldmanShare,
 * FeldmanShare, FeldmanCommitments)}); the commitments are added pointwise. The secret is
 * unchanged, and old shares no longer combine with new ones, so shares stolen before a refresh
 * are useless after it.
 *
 * <p>Side channels: the arithmetic modulo the order uses {@link BigInteger}, which is not
 * constant-time and cannot be zeroed; secret-scalar multiples of the generator use
 * BouncyCastle's fixed-pattern comb multiplier. This is acceptable for dealing and combining on
 * a client or an operator's machine, not for a shared host under timing attack.
 *
 * <p>Bad input from other parties (shares, commitments, refresh deltas) raises a
 * {@link io.phalanx.crypto.CryptoException}: {@link InvalidShareException} naming the share,
 * {@link InsufficientSharesException}, or {@link InvalidEncodingException}; bad arguments from
 * the caller (thresholds out of range) raise {@link IllegalArgumentException}.
 *
 * <p>Stateless and thread-safe.
 */
public final class FeldmanVss {
  public static final int SHARES_MAX = FeldmanShare.INDEX_MAX;

  private static final BigInteger ORDER = FeldmanGroup.ORDER;

  private FeldmanVss() {}

  /**
   * Shares {@code secret} among {@code shares} holders, any {@code threshold} of whom recover it.
   *
   * @throws IllegalArgumentException unless 2 ≤ threshold ≤ shares ≤ 255
   */
  public static Dealing deal(FeldmanSecret secret, int threshold, int shares, SecureRandom random) {
    Objects.requireNonNull(secret, "secret");
    return dealPolynomial(secret.toScalar(), threshold, shares, random);
  }

  /**
   * A sharing of zero with the given threshold, to refresh an existing sharing: its commitments
   * have the identity as C_0 ({@link FeldmanCommitments#isZeroSharing()}).
   */
  public static Dealing dealRefresh(int threshold, int shares, SecureRandom random) {
    return dealPolynomial(BigInteger.ZERO, threshold, shares, random);
  }

  private static Dealing dealPolynomial(BigInteger constant, int threshold, int shares,
      SecureRandom random) {
    Objects.requireNonNull(random, "random");
    if (threshold < 2 || threshold > shares || shares > SHARES_MAX) {
      throw new IllegalArgumentException("need 2 ≤ threshold ≤ shares ≤ " + SHARES_MAX
          + ", got threshold " + threshold + " and " + shares + " shares");
    }
    BigInteger[] coefficients = new BigInteger[threshold];
    coefficients[0] = constant;
    for (int j = 1; j < threshold; j++) {
      coefficients[j] = BigIntegers.createRandomInRange(BigInteger.ONE,
          ORDER.subtract(BigInteger.ONE), random); // non-zero: the degree is exactly t − 1
    }
    List<ECPoint> commitments = new ArrayList<>(threshold);
    for (BigInteger coefficient : coefficients) {
      commitments.add(FeldmanGroup.multiplyGenerator(coefficient));
    }
    List<FeldmanShare> result = new ArrayList<>(shares);
    for (int index = 1; index <= shares; index++) {
      result.add(FeldmanShare.of(index, evaluate(coefficients, index)));
    }
    return new Dealing(FeldmanCommitments.of(commitments), result);
  }

  private static BigInteger evaluate(BigInteger[] coefficients, int index) {
    BigInteger x = BigInteger.valueOf(index);
    BigInteger value = BigInteger.ZERO;
    for (int j = coefficients.length - 1; j >= 0; j--) {
      value = value.multiply(x).add(coefficients[j]).mod(ORDER);
    }
    return value;
  }

  /** True iff {@code share} lies on the polynomial {@code commitments} commit to. */
  public static boolean isValid(FeldmanShare share, FeldmanCommitments commitments) {
    Objects.requireNonNull(share, "share");
    Objects.requireNonNull(commitments, "commitments");
    ECPoint actual = FeldmanGroup.multiplyGenerator(share.scalar());
    return actual.equals(commitments.expectedSharePoint(share.index()));
  }

  /**
   * Checks one share against the commitments.
   *
   * @throws InvalidShareException naming the share's index if it does not match
   */
  public static void verify(FeldmanShare share, FeldmanCommitments commitments) {
    if (!isValid(share, commitments)) {
      throw new InvalidShareException(share.index(), "does not match the Feldman commitments");
    }
  }

  /** The indices of the shares that do not match the commitments, in the order given. */
  public static List<Integer> verifyAll(List<FeldmanShare> shares, FeldmanCommitments commitments) {
    Objects.requireNonNull(shares, "shares");
    List<Integer> bad = new ArrayList<>();
    for (FeldmanShare share : shares) {
      if (!isValid(share, commitments)) {
        bad.add(share.index());
      }
    }
    return List.copyOf(bad);
  }

  /**
   * Verifies every share given and recovers the secret from the first {@code threshold} of them
   * by Lagrange interpolation at 0 modulo the group order.
   *
   * @throws InvalidShareException naming the first share that does not verify or whose index
   *     repeats; callers that want to go on without bad shares drop {@link #verifyAll}'s indices
   * @throws InsufficientSharesException if fewer shares than the threshold are given
   * @throws InvalidEncodingException if the commitments are a refresh's (they share no secret)
   */
  public static FeldmanSecret combine(List<FeldmanShare> shares, FeldmanCommitments commitments) {
    Objects.requireNonNull(shares, "shares");
    Objects.requireNonNull(commitments, "commitments");
    if (commitments.isZeroSharing()) {
      throw new InvalidEncodingException("these commitments share zero (C_0 is the identity): "
          + "a refresh's, not a secret's");
    }
    int threshold = commitments.threshold();
    if (shares.size() < threshold) {
      throw new InsufficientSharesException(threshold, shares.size());
    }
    boolean[] seen = new boolean[SHARES_MAX + 1];
    for (FeldmanShare share : shares) {
      if (seen[share.index()]) {
        throw new InvalidShareException(share.index(), "the index appears twice");
      }
      seen[share.index()] = true;
      verify(share, commitments);
    }
    BigInteger secret = interpolateAtZero(shares.subList(0, threshold));
    if (!FeldmanGroup.multiplyGenerator(secret).equals(commitments.constantTerm())) {
      throw new IllegalStateException("verified shares interpolated to a value that does not "
          + "match C_0: the interpolation is broken");
    }
    return FeldmanSecret.fromScalar(secret);
  }

  /** Σ_i s_i · Π_{j≠i} x_j / (x_j − x_i) mod order. */
  private static BigInteger interpolateAtZero(List<FeldmanShare> shares) {
    BigInteger sum = BigInteger.ZERO;
    for (FeldmanShare share : shares) {
      BigInteger xi = BigInteger.valueOf(share.index());
      BigInteger numerator = BigInteger.ONE;
      BigInteger denominator = BigInteger.ONE;
      for (FeldmanShare other : shares) {
        if (other != share) {
          BigInteger xj = BigInteger.valueOf(other.index());
          numerator = numerator.multiply(xj).mod(ORDER);
          denominator = denominator.multiply(xj.subtract(xi)).mod(ORDER);
        }
      }
      BigInteger basis = numerator.multiply(denominator.modInverse(ORDER)).mod(ORDER);
      sum = sum.add(share.scalar().multiply(basis)).mod(ORDER);
    }
    return sum;
  }

  /**
   * A holder's new share after a refresh: checks {@code delta} against the refresh's
   * commitments, then adds it to {@code share}.
   *
   * @throws InvalidShareException if the delta does not verify or its index differs
   * @throws InvalidEncodingException if {@code deltaCommitments} are not a sharing of zero
   */
  public static FeldmanShare refresh(FeldmanShare share, FeldmanShare delta,
      FeldmanCommitments deltaCommitments) {
    Objects.requireNonNull(share, "share");
    requireZeroSharing(deltaCommitments);
    if (delta.index() != share.index()) {
      throw new InvalidShareException(delta.index(),
          "a refresh share for index " + delta.index() + " given to share " + share.index());
    }
    verify(delta, deltaCommitments);
    return FeldmanShare.of(share.index(), share.scalar().add(delta.scalar()).mod(ORDER));
  }

  /**
   * The commitments after a refresh: C_j + D_j for each j, so C_0 (the secret's image) stays.
   *
   * @throws InvalidEncodingException if the thresholds differ or {@code deltaCommitments} are
   *     not a sharing of zero
   */
  public static FeldmanCommitments refresh(FeldmanCommitments commitments,
      FeldmanCommitments deltaCommitments) {
    Objects.requireNonNull(commitments, "commitments");
    requireZeroSharing(deltaCommitments);
    if (commitments.threshold() != deltaCommitments.threshold()) {
      throw new InvalidEncodingException("a refresh for threshold " + deltaCommitments.threshold()
          + " applied to commitments for threshold " + commitments.threshold());
    }
    return commitments.plus(deltaCommitments);
  }

  private static void requireZeroSharing(FeldmanCommitments deltaCommitments) {
    Objects.requireNonNull(deltaCommitments, "deltaCommitments");
    if (!deltaCommitments.isZeroSharing()) {
      throw new InvalidEncodingException(
          "refresh commitments must share zero (C_0 the identity), these do not");
    }
  }
}
