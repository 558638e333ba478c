package io.phalanx.ledger.codec;

import com.google.protobuf.ByteString;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.CryptoException;
import io.phalanx.crypto.SealingPublicKey;
import io.phalanx.ledger.state.Operation;
import io.phalanx.ledger.state.Outcome;
import io.phalanx.ledger.state.VaultAccess;
import io.phalanx.ledger.state.VaultPolicy;
import io.phalanx.protocol.SealedBox;
import io.phalanx.protocol.SealedShare;
import io.phalanx.protocol.VaultAccessKind;
import io.phalanx.protocol.VaultResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Vault protobuf messages to records and back. On the wire the commitments are one 33-byte point
 * per coefficient and a sealed box is split into its fields; in the state both are the crypto
 * module's encodings ({@code FeldmanCommitments}: t ‖ points; {@code SealedBox}: 01 ‖ key ‖
 * nonce ‖ ciphertext ‖ tag). Shares must come one per replica, in replica order.
 */
public final class VaultMessages {
  private static final int POINT_BYTES = 33;
  private static final int POINTS_MAX = 255;

  private VaultMessages() {}

  static Operation put(io.phalanx.protocol.VaultPut put) throws MalformedOperationException {
    io.phalanx.protocol.VaultPolicy policy = put.getPolicy();
    return new Operation.VaultPut(put.getName(), new VaultPolicy(policy.getOwner(),
        policy.getReadersList(), policy.getApprovalsRequired(), policy.getApproversList()),
        put.getThreshold(), commitments(put.getCommitmentsList()), boxes(put.getSharesList()),
        Bytes.of(put.getEncryptedSecret().toByteArray()), put.getVersion());
  }

  static Operation get(io.phalanx.protocol.VaultGet get) throws MalformedOperationException {
    try {
      SealingPublicKey.of(get.getEphemeralPublicKey().toByteArray());
    } catch (CryptoException e) {
      throw new MalformedOperationException("not a usable X25519 ephemeral key", e);
    }
    return new Operation.VaultGet(get.getName(),
        Bytes.of(get.getEphemeralPublicKey().toByteArray()));
  }

  static Operation refresh(io.phalanx.protocol.VaultRefresh refresh)
      throws MalformedOperationException {
    return new Operation.VaultRefresh(refresh.getName(), refresh.getVersion(),
        commitments(refresh.getCommitmentsList()), boxes(refresh.getDeltasList()));
  }

  /** t ‖ C_0 ‖ … ‖ C_{t−1} from the wire's list of points (the state checks the points). */
  public static Bytes commitments(List<ByteString> points) throws MalformedOperationException {
    if (points.isEmpty() || points.size() > POINTS_MAX) {
      throw new MalformedOperationException("between 1 and 255 commitments");
    }
    byte[] encoded = new byte[1 + points.size() * POINT_BYTES];
    encoded[0] = (byte) points.size();
    for (int j = 0; j < points.size(); j++) {
      if (points.get(j).size() != POINT_BYTES) {
        throw new MalformedOperationException("a commitment is a 33-byte point");
      }
      points.get(j).copyTo(encoded, 1 + j * POINT_BYTES);
    }
    return Bytes.wrapOwned(encoded);
  }

  /** The wire's list of points from a FeldmanCommitments encoding. */
  public static List<ByteString> points(Bytes commitments) {
    List<ByteString> points = new ArrayList<>();
    byte[] raw = commitments.toByteArray();
    for (int offset = 1; offset + POINT_BYTES <= raw.length; offset += POINT_BYTES) {
      points.add(ByteString.copyFrom(raw, offset, POINT_BYTES));
    }
    return points;
  }

  private static List<Bytes> boxes(List<SealedShare> shares) throws MalformedOperationException {
    List<Bytes> boxes = new ArrayList<>();
    for (SealedShare share : shares) {
      if (share.getReplica() != boxes.size()) {
        throw new MalformedOperationException("sealed shares must be in replica order 0..n-1");
      }
      boxes.add(boxBytes(share.getBox()));
    }
    return boxes;
  }

  /** The crypto module's SealedBox encoding of a wire SealedBox (shape checked by the state). */
  public static Bytes boxBytes(SealedBox box) {
    return Bytes.wrapOwned(ByteString.copyFrom(new byte[] {1})
        .concat(box.getEphemeralPublicKey()).concat(box.getNonce()).concat(box.getCiphertext())
        .toByteArray());
  }

  /** The wire SealedBox of a crypto SealedBox encoding. */
  public static SealedBox box(Bytes encoded) {
    io.phalanx.crypto.seal.SealedBox box = io.phalanx.crypto.seal.SealedBox.fromBytes(encoded);
    return SealedBox.newBuilder()
        .setEphemeralPublicKey(ByteString.copyFrom(box.ephemeralKey().toByteArray()))
        .setNonce(ByteString.copyFrom(box.nonce().toByteArray()))
        .setCiphertext(ByteString.copyFrom(box.ciphertextAndTag().toByteArray())).build();
  }

  static VaultResult result(Outcome.Vault vault) {
    VaultResult.Builder result = VaultResult.newBuilder().setCode(vault.code().code())
        .setName(vault.name()).setVersion(vault.version()).setThreshold(vault.threshold())
        .addAllCommitments(points(vault.commitments()))
        .setEncryptedSecret(ByteString.copyFrom(vault.encryptedSecret().toByteArray()))
        .setDeleted(vault.deleted());
    for (VaultAccess access : vault.accesses()) {
      result.addAccesses(io.phalanx.protocol.VaultAccess.newBuilder()
          .setTimestamp(access.timestamp()).setMember(access.member())
          .setKind(VaultAccessKind.forNumber(access.kind().code()))
          .setCode(access.code().code()).setVersion(access.version()));
    }
    return result.build();
  }
}
