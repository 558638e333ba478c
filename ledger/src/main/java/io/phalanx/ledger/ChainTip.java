package io.phalanx.ledger;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import java.nio.ByteBuffer;
import java.util.Objects;

/** The last block: its height and the hash of its serialised header (zero at height 0). */
record ChainTip(long height, Digest blockHash) {
  ChainTip {
    Objects.requireNonNull(blockHash, "blockHash");
  }

  Bytes encode() {
    ByteBuffer out = ByteBuffer.allocate(40).putLong(height);
    out.put(blockHash.toByteArray());
    return Bytes.wrapOwned(out.array());
  }

  static ChainTip decode(Bytes bytes) {
    byte[] raw = bytes.toByteArray();
    return new ChainTip(ByteBuffer.wrap(raw).getLong(),
        Digest.of(java.util.Arrays.copyOfRange(raw, 8, 40)));
  }
}
