package io.phalanx.ledger;

import com.google.protobuf.ByteString;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.crypto.Sha256;
import io.phalanx.protocol.BlockHeader;
import java.util.List;

/**
 * How blocks are built and hashed. The block hash is SHA-256 over the exact serialised header
 * bytes stored in the block; the results digest is SHA-256 over {@code u32 length || bytes} of
 * each serialised result, in request order.
 */
final class BlockFormat {
  private BlockFormat() {}

  static Digest resultsDigest(List<Bytes> results) {
    Sha256.Hasher hasher = Sha256.hasher();
    for (Bytes result : results) {
      hasher.updateInt(result.length()).update(result);
    }
    return hasher.finish();
  }

  static Bytes header(long height, Digest previousHash, Digest batchDigest, Digest resultsDigest,
      long ledgerTimeMillis, long view, Digest stateDigest) {
    return Bytes.wrapOwned(BlockHeader.newBuilder()
        .setHeight(height)
        .setPreviousHash(byteString(previousHash))
        .setBatchDigest(byteString(batchDigest))
        .setResultsDigest(byteString(resultsDigest))
        .setLedgerTimeMillis(ledgerTimeMillis)
        .setView(view)
        .setSequence(height)
        .setStateDigest(byteString(stateDigest))
        .build().toByteArray());
  }

  static ByteString byteString(Digest digest) {
    return ByteString.copyFrom(digest.toByteArray());
  }

  static ByteString byteString(Bytes bytes) {
    return ByteString.copyFrom(bytes.toByteArray());
  }
}
