package io.phalanx.ledger;

import io.phalanx.crypto.Bytes;
import java.nio.ByteBuffer;

/** Store keys outside the replicated state: blocks and the ledger's own bookkeeping. */
final class LedgerKeys {
  static final byte BLOCK_PREFIX = 0x02;
  static final byte META_PREFIX = 0x03;
  static final Bytes BLOCKS_START = Bytes.wrapOwned(new byte[] {BLOCK_PREFIX});
  static final Bytes BLOCKS_END = Bytes.wrapOwned(new byte[] {BLOCK_PREFIX + 1});
  /** The digest accumulator (32 bytes). */
  static final Bytes ACCUMULATOR = Bytes.wrapOwned(new byte[] {META_PREFIX, 1});
  /** The chain tip: height (8 bytes) and block hash (32 bytes). */
  static final Bytes TIP = Bytes.wrapOwned(new byte[] {META_PREFIX, 2});
  /** SHA-256 of the genesis the store was created with. */
  static final Bytes GENESIS = Bytes.wrapOwned(new byte[] {META_PREFIX, 3});
  /** The serialised header of the last block (kept apart: a snapshot import has no block). */
  static final Bytes LAST_HEADER = Bytes.wrapOwned(new byte[] {META_PREFIX, 4});

  private LedgerKeys() {}

  static Bytes block(long height) {
    return Bytes.wrapOwned(ByteBuffer.allocate(9).put(BLOCK_PREFIX).putLong(height).array());
  }

  static long blockHeight(Bytes key) {
    return ByteBuffer.wrap(key.toByteArray()).getLong(1);
  }
}
