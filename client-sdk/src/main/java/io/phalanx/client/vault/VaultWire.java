package io.phalanx.client.vault;

import com.google.protobuf.ByteString;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.InvalidEncodingException;
import io.phalanx.crypto.SealingPublicKey;
import io.phalanx.crypto.feldman.FeldmanCommitments;
import io.phalanx.crypto.seal.SealedBox;
import java.util.ArrayList;
import java.util.List;

/**
 * Vault values between the crypto module's encodings and the wire: commitments travel as one
 * 33-byte point per coefficient, sealed boxes split into their fields.
 */
final class VaultWire {
  private static final int POINT_BYTES = 33;

  private VaultWire() {}

  static List<ByteString> points(FeldmanCommitments commitments) {
    byte[] raw = commitments.toBytes().toByteArray();
    List<ByteString> points = new ArrayList<>();
    for (int offset = 1; offset + POINT_BYTES <= raw.length; offset += POINT_BYTES) {
      points.add(ByteString.copyFrom(raw, offset, POINT_BYTES));
    }
    return points;
  }

  /** @throws InvalidEncodingException if the points do not make valid commitments */
  static FeldmanCommitments commitments(List<ByteString> points) {
    if (points.isEmpty() || points.size() > FeldmanCommitments.THRESHOLD_MAX) {
      throw new InvalidEncodingException("between 1 and 255 commitments, got " + points.size());
    }
    ByteString encoded = ByteString.copyFrom(new byte[] {(byte) points.size()});
    for (ByteString point : points) {
      encoded = encoded.concat(point);
    }
    return FeldmanCommitments.fromBytes(Bytes.wrapOwned(encoded.toByteArray()));
  }

  static io.phalanx.protocol.SealedBox box(SealedBox box) {
    return io.phalanx.protocol.SealedBox.newBuilder()
        .setEphemeralPublicKey(ByteString.copyFrom(box.ephemeralKey().toByteArray()))
        .setNonce(ByteString.copyFrom(box.nonce().toByteArray()))
        .setCiphertext(ByteString.copyFrom(box.ciphertextAndTag().toByteArray())).build();
  }

  static SealedBox box(io.phalanx.protocol.SealedBox box) {
    return new SealedBox(SealingPublicKey.of(box.getEphemeralPublicKey().toByteArray()),
        Bytes.of(box.getNonce().toByteArray()), Bytes.of(box.getCiphertext().toByteArray()));
  }
}
