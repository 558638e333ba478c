package io.phalanx.client.vault;

import com.google.protobuf.InvalidProtocolBufferException;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.CryptoException;
import io.phalanx.crypto.SealingKeyPair;
import io.phalanx.crypto.feldman.FeldmanCommitments;
import io.phalanx.crypto.feldman.FeldmanSecret;
import io.phalanx.crypto.feldman.FeldmanShare;
import io.phalanx.crypto.feldman.FeldmanVss;
import io.phalanx.crypto.seal.DataKey;
import io.phalanx.crypto.seal.SealedBox;
import io.phalanx.crypto.seal.Sealer;
import io.phalanx.protocol.ResultCode;
import io.phalanx.protocol.VaultReplicaShare;
import io.phalanx.protocol.VaultResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads a secret on the client from a get's matched {@link VaultResult} (commitments, encrypted
 * secret, version) and each replica's {@code ClientReply.replica_share} (a serialised
 * {@link VaultReplicaShare}). Every share is opened with the ephemeral key, checked to be that
 * replica's (index, name, version bound in the box) and verified against the commitments; any
 * f + 1 good ones are combined. Replicas that sent a bad share or none are named. With fewer
 * than f + 1 good shares it throws {@link VaultUnavailableException}; it never returns a wrong
 * secret. Stateless and thread-safe.
 */
public final class VaultReader {
  private VaultReader() {}

  /**
   * @param result the get's result, as f + 1 replicas agreed on it (code OK)
   * @param replicaShares replica index to its replica_share bytes; replicas missing from the map
   *     sent none
   * @param ephemeral the key pair whose public key the get carried
   * @param replicaCount n
   * @throws VaultUnavailableException with fewer than f + 1 good shares
   * @throws VaultCorruptedException if the shares combine but the secret does not decrypt
   * @throws IllegalArgumentException if the result is not an OK get result
   */
  public static RecoveredSecret read(VaultResult result, Map<Integer, Bytes> replicaShares,
      SealingKeyPair ephemeral, int replicaCount) {
    if (result.getCode() != ResultCode.RESULT_OK_VALUE) {
      throw new IllegalArgumentException("not an OK vault result: code " + result.getCode());
    }
    FeldmanCommitments commitments = VaultWire.commitments(result.getCommitmentsList());
    int threshold = VaultDealer.threshold(replicaCount);
    if (commitments.threshold() != threshold) {
      throw new IllegalArgumentException("commitments for threshold " + commitments.threshold()
          + ", the consortium's is " + threshold);
    }
    SortedMap<Integer, ShareFault> suspects = new TreeMap<>();
    List<FeldmanShare> good = new ArrayList<>();
    for (int replica = 0; replica < replicaCount; replica++) {
      Bytes reply = replicaShares.get(replica);
      if (reply == null || reply.isEmpty()) {
        suspects.put(replica, ShareFault.MISSING);
        continue;
      }
      ShareCheck check = open(result, commitments, reply, replica, ephemeral);
      check.share().ifPresent(good::add);
      if (check.fault().isPresent()) {
        suspects.put(replica, check.fault().get());
      }
    }
    if (good.size() < threshold) {
      throw new VaultUnavailableException(good.size(), threshold, suspects);
    }
    return new RecoveredSecret(decrypt(result, good.subList(0, threshold), commitments),
        result.getVersion(), suspects);
  }

  private record ShareCheck(Optional<FeldmanShare> share, Optional<ShareFault> fault) {
    static ShareCheck of(ShareFault fault) {
      return new ShareCheck(Optional.empty(), Optional.of(fault));
    }
  }

  private static ShareCheck open(VaultResult result, FeldmanCommitments commitments,
      Bytes reply, int replica, SealingKeyPair ephemeral) {
    VaultReplicaShare share;
    try {
      share = VaultReplicaShare.parseFrom(reply.toByteArray());
    } catch (InvalidProtocolBufferException e) {
      return ShareCheck.of(ShareFault.BAD);
    }
    if (share.getShareInvalid()) {
      return ShareCheck.of(ShareFault.REPORTED_INVALID);
    }
    byte[] plain = null;
    try {
      plain = Sealer.open(ephemeral, SealedBox.fromBytes(share.getBox().toByteArray()),
          VaultBinding.reshare(result.getName(), result.getVersion(), replica));
      FeldmanShare opened = FeldmanShare.fromBytes(Bytes.of(plain));
      if (opened.index() != VaultBinding.shareIndex(replica)
          || !FeldmanVss.isValid(opened, commitments)) {
        return ShareCheck.of(ShareFault.BAD);
      }
      return new ShareCheck(Optional.of(opened), Optional.empty());
    } catch (CryptoException e) {
      return ShareCheck.of(ShareFault.BAD);
    } finally {
      if (plain != null) {
        java.util.Arrays.fill(plain, (byte) 0);
      }
    }
  }

  private static byte[] decrypt(VaultResult result, List<FeldmanShare> shares,
      FeldmanCommitments commitments) {
    try (FeldmanSecret scalar = FeldmanVss.combine(shares, commitments);
        DataKey dataKey = scalar.deriveDataKey()) {
      return dataKey.decrypt(Bytes.of(result.getEncryptedSecret().toByteArray()),
          VaultBinding.secret(result.getName()));
    } catch (CryptoException e) {
      throw new VaultCorruptedException("the shares combine but the secret does not decrypt", e);
    }
  }
}
