package io.phalanx.node.log;

import io.phalanx.crypto.Bytes;
import io.phalanx.ledger.store.LedgerStore;
import io.phalanx.ledger.store.StoreEntry;
import io.phalanx.ledger.store.WriteBatch;
import io.phalanx.pbft.codec.LogRecordCodec;
import io.phalanx.pbft.core.Effect;
import io.phalanx.pbft.core.LogRecord;
import io.phalanx.pbft.verify.Verifier;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The replica's durable log: every record the core asks to persist, in order, written with one
 * synced LevelDB write batch per group (group commit), so what a replica signed survives a
 * SIGKILL before the vote leaves. The core numbers records from 1 after every start; the log
 * keeps its own positions, so the numbering never collides with what is already on disk.
 *
 * <p>Confined to the consensus thread.
 */
public final class ReplicaLog implements AutoCloseable {
  private static final byte RECORD_PREFIX = 'r';
  private static final int READ_CHUNK = 4096;

  private final LedgerStore store;
  private long nextPosition;

  private ReplicaLog(LedgerStore store, long nextPosition) {
    this.store = store;
    this.nextPosition = nextPosition;
  }

  /** Opens the log kept in {@code store} (which this log then owns and closes). */
  public static ReplicaLog open(LedgerStore store) {
    Objects.requireNonNull(store, "store");
    List<StoreEntry> last = store.scan(key(0), key(Long.MAX_VALUE), true, 1);
    long next = last.isEmpty() ? 1 : position(last.get(0).key()) + 1;
    return new ReplicaLog(store, next);
  }

  /**
   * Makes {@code persists} durable with one synced write.
   *
   * @return the largest core record id among them, for {@code Input.Persisted}
   */
  public long append(List<Effect.Persist> persists) {
    if (persists.isEmpty()) {
      throw new IllegalArgumentException("nothing to append");
    }
    WriteBatch batch = new WriteBatch();
    long largest = 0;
    for (Effect.Persist persist : persists) {
      batch.put(key(nextPosition++), LogRecordCodec.encode(persist.record()));
      largest = Math.max(largest, persist.recordId());
    }
    store.write(batch);
    return largest;
  }

  /**
   * Every record in the order it was written, each signed message verified again.
   *
   * @throws CorruptLogException if any record does not decode or verify
   */
  public List<LogRecord> readAll(Verifier verifier) {
    List<LogRecord> records = new ArrayList<>();
    long from = 0;
    while (true) {
      List<StoreEntry> chunk = store.scan(key(from), key(Long.MAX_VALUE), false, READ_CHUNK);
      for (StoreEntry entry : chunk) {
        try {
          records.add(LogRecordCodec.decode(entry.value(), verifier));
        } catch (RuntimeException e) {
          throw new CorruptLogException("log record at " + entry.key() + " is unusable: "
              + e.getMessage(), e);
        }
      }
      if (chunk.size() < READ_CHUNK) {
        return records;
      }
      from = position(chunk.get(chunk.size() - 1).key()) + 1;
    }
  }

  /** How many records the log holds. */
  public long size() {
    return nextPosition - 1;
  }

  private static Bytes key(long position) {
    return Bytes.wrapOwned(ByteBuffer.allocate(9).put(RECORD_PREFIX).putLong(position).array());
  }

  private static long position(Bytes key) {
    if (key.length() != 9 || key.byteAt(0) != RECORD_PREFIX) {
      throw new CorruptLogException("a log key is malformed: " + key);
    }
    return ByteBuffer.wrap(key.toByteArray(), 1, 8).getLong();
  }

  @Override
  public void close() {
    store.close();
  }
}
