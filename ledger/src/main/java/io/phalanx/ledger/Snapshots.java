package io.phalanx.ledger;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.crypto.Sha256;
import io.phalanx.ledger.state.StateDigestAccumulator;
import io.phalanx.ledger.state.StateKeys;
import io.phalanx.ledger.store.LedgerStore;
import io.phalanx.ledger.store.StoreEntry;
import io.phalanx.ledger.store.WriteBatch;
import io.phalanx.protocol.BlockHeader;
import io.phalanx.protocol.LedgerSnapshot;
import io.phalanx.protocol.SnapshotEntry;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Snapshot export and import. A snapshot holds every state entry in key order and the header of
 * the block that produced the state; import recomputes the state digest from the entries and
 * accepts it only if it equals the expected digest and the header carries the same digest.
 */
final class Snapshots {
  static final int VERSION = 1;

  private Snapshots() {}

  /** A snapshot that passed every check. */
  record Verified(List<StoreEntry> entries, StateDigestAccumulator accumulator, ChainTip tip,
      Bytes lastHeader) {}

  static Bytes export(LedgerStore store, long height) {
    LedgerSnapshot.Builder snapshot = LedgerSnapshot.newBuilder().setVersion(VERSION);
    if (height > 0) {
      snapshot.setLastHeader(lastHeader(store, height));
    }
    for (StoreEntry entry : store.scan(StateKeys.STATE_START, StateKeys.STATE_END, false,
        Integer.MAX_VALUE)) {
      snapshot.addEntries(SnapshotEntry.newBuilder()
          .setKey(BlockFormat.byteString(entry.key()))
          .setValue(BlockFormat.byteString(entry.value())));
    }
    return Bytes.wrapOwned(snapshot.build().toByteArray());
  }

  private static ByteString lastHeader(LedgerStore store, long height) {
    return BlockFormat.byteString(store.get(LedgerKeys.LAST_HEADER)
        .orElseThrow(() -> new IllegalStateException("no header for the tip " + height)));
  }

  static Verified verify(Bytes bytes, Digest expected) throws SnapshotRejectedException {
    LedgerSnapshot snapshot;
    try {
      snapshot = LedgerSnapshot.parseFrom(bytes.toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw new SnapshotRejectedException("not a LedgerSnapshot", e);
    }
    if (snapshot.getVersion() != VERSION) {
      throw new SnapshotRejectedException("unknown snapshot version " + snapshot.getVersion());
    }
    List<StoreEntry> entries = entries(snapshot);
    StateDigestAccumulator accumulator = new StateDigestAccumulator();
    for (StoreEntry entry : entries) {
      accumulator.add(entry.key(), entry.value());
    }
    if (!accumulator.digest().equals(expected)) {
      throw new SnapshotRejectedException("snapshot digest " + accumulator.digest()
          + " is not the expected " + expected);
    }
    return new Verified(entries, accumulator, tip(snapshot, expected),
        Bytes.of(snapshot.getLastHeader().toByteArray()));
  }

  private static List<StoreEntry> entries(LedgerSnapshot snapshot)
      throws SnapshotRejectedException {
    List<StoreEntry> entries = new java.util.ArrayList<>();
    Bytes previous = null;
    for (SnapshotEntry entry : snapshot.getEntriesList()) {
      Bytes key = Bytes.of(entry.getKey().toByteArray());
      boolean stateKey = key.compareTo(StateKeys.STATE_START) > 0
          && key.compareTo(StateKeys.STATE_END) < 0;
      if (!stateKey || previous != null && previous.compareTo(key) >= 0) {
        throw new SnapshotRejectedException("snapshot keys must be state keys in strict order");
      }
      entries.add(new StoreEntry(key, Bytes.of(entry.getValue().toByteArray())));
      previous = key;
    }
    return entries;
  }

  private static ChainTip tip(LedgerSnapshot snapshot, Digest expected)
      throws SnapshotRejectedException {
    if (snapshot.getLastHeader().isEmpty()) {
      return new ChainTip(0, Digest.zero());
    }
    BlockHeader header;
    try {
      header = BlockHeader.parseFrom(snapshot.getLastHeader());
    } catch (InvalidProtocolBufferException e) {
      throw new SnapshotRejectedException("last header does not parse", e);
    }
    if (!header.getStateDigest().equals(BlockFormat.byteString(expected))) {
      throw new SnapshotRejectedException("last header carries another state digest");
    }
    return new ChainTip(header.getHeight(),
        Sha256.hash(snapshot.getLastHeader().toByteArray()));
  }

  /** The writes that replace the store's state (and later blocks) with the snapshot's. */
  static WriteBatch replacement(LedgerStore store, Verified verified)
      throws SnapshotRejectedException {
    long stateSequence = sequenceOf(verified.entries());
    if (stateSequence != verified.tip().height()) {
      throw new SnapshotRejectedException("state at sequence " + stateSequence
          + " but header at " + verified.tip().height());
    }
    WriteBatch batch = new WriteBatch();
    for (StoreEntry old : store.scan(StateKeys.STATE_START, StateKeys.STATE_END, false,
        Integer.MAX_VALUE)) {
      batch.delete(old.key());
    }
    for (StoreEntry later : store.scan(LedgerKeys.block(verified.tip().height() + 1),
        LedgerKeys.BLOCKS_END, false, Integer.MAX_VALUE)) {
      batch.delete(later.key());
    }
    for (StoreEntry entry : verified.entries()) {
      batch.put(entry.key(), entry.value());
    }
    batch.put(LedgerKeys.ACCUMULATOR, verified.accumulator().toBytes())
        .put(LedgerKeys.TIP, verified.tip().encode());
    return verified.lastHeader().isEmpty() ? batch.delete(LedgerKeys.LAST_HEADER)
        : batch.put(LedgerKeys.LAST_HEADER, verified.lastHeader());
  }

  private static long sequenceOf(List<StoreEntry> entries) throws SnapshotRejectedException {
    for (StoreEntry entry : entries) {
      if (entry.key().equals(StateKeys.lastSequenceKey())) {
        return ByteBuffer.wrap(entry.value().toByteArray()).getLong();
      }
    }
    throw new SnapshotRejectedException("snapshot without a last sequence");
  }
}
