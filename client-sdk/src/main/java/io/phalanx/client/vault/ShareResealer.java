package io.phalanx.client.vault;

import com.google.protobuf.ByteString;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.CryptoException;
import io.phalanx.crypto.SealingKeyPair;
import io.phalanx.crypto.SealingPublicKey;
import io.phalanx.crypto.feldman.FeldmanCommitments;
import io.phalanx.crypto.feldman.FeldmanShare;
import io.phalanx.crypto.feldman.FeldmanVss;
import io.phalanx.crypto.seal.SealedBox;
import io.phalanx.crypto.seal.Sealer;
import io.phalanx.protocol.VaultReplicaShare;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The replica's half of a vault read, kept next to the reader so both use one format: open this
 * replica's share of every layer (the put's share, then each refresh's delta, each checked
 * against its layer's commitments and added), verify the sum against the current commitments,
 * and re-seal it to the reader's ephemeral key with {@link VaultBinding#reshare}. A share that
 * does not open or verify gives a {@link VaultReplicaShare} with {@code share_invalid} set and no
 * box: evidence against the dealer. Stateless and thread-safe.
 */
public final class ShareResealer {
  private ShareResealer() {}

  /**
   * This replica's box of one layer.
   *
   * @param version the version the layer created (layer 0: the put's)
   * @param commitments the layer's commitments (FeldmanCommitments encoding)
   * @param box this replica's SealedBox encoding in that layer
   */
  public record Layer(long version, Bytes commitments, Bytes box) {
    public Layer {
      Objects.requireNonNull(commitments, "commitments");
      Objects.requireNonNull(box, "box");
    }
  }

  /**
   * @param version the secret's version the get read
   * @param layers this replica's boxes, layer 0 first
   * @param commitments the current commitments (FeldmanCommitments encoding)
   */
  public static VaultReplicaShare reseal(SealingKeyPair replicaKey, int replica, String name,
      long version, List<Layer> layers, Bytes commitments, SealingPublicKey ephemeral,
      SecureRandom random) {
    VaultReplicaShare.Builder answer = VaultReplicaShare.newBuilder().setName(name)
        .setVersion(version).setReplica(replica);
    Optional<FeldmanShare> share = currentShare(replicaKey, replica, name, layers, commitments);
    if (share.isEmpty()) {
      return answer.setShareInvalid(true).build();
    }
    byte[] plain = share.get().toBytes().toByteArray();
    try {
      SealedBox box = Sealer.seal(ephemeral, plain, VaultBinding.reshare(name, version, replica),
          random);
      return answer.setBox(ByteString.copyFrom(box.toBytes().toByteArray())).build();
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /** This replica's current share, or empty if any layer fails to open or verify. */
  static Optional<FeldmanShare> currentShare(SealingKeyPair replicaKey, int replica, String name,
      List<Layer> layers, Bytes commitments) {
    if (layers.isEmpty()) {
      return Optional.empty();
    }
    try {
      FeldmanShare share = open(replicaKey, layers.get(0).box(),
          VaultBinding.share(name, layers.get(0).version(), replica));
      for (Layer layer : layers.subList(1, layers.size())) {
        FeldmanShare delta = open(replicaKey, layer.box(),
            VaultBinding.delta(name, layer.version(), replica));
        share = FeldmanVss.refresh(share, delta,
            FeldmanCommitments.fromBytes(layer.commitments()));
      }
      boolean valid = share.index() == VaultBinding.shareIndex(replica)
          && FeldmanVss.isValid(share, FeldmanCommitments.fromBytes(commitments));
      return valid ? Optional.of(share) : Optional.empty();
    } catch (CryptoException e) {
      return Optional.empty();
    }
  }

  private static FeldmanShare open(SealingKeyPair key, Bytes box, byte[] binding) {
    byte[] plain = Sealer.open(key, SealedBox.fromBytes(box), binding);
    try {
      return FeldmanShare.fromBytes(Bytes.of(plain));
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }
}
