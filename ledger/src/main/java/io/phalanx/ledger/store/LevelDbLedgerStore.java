package io.phalanx.ledger.store;

import io.phalanx.crypto.Bytes;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fusesource.leveldbjni.JniDBFactory;
import org.iq80.leveldb.DB;
import org.iq80.leveldb.DBIterator;
import org.iq80.leveldb.Options;
import org.iq80.leveldb.WriteOptions;

/**
 * A {@link LedgerStore} on LevelDB (leveldbjni, the native library). Write batches are LevelDB
 * write batches written with {@code sync = true}: after {@link #write} returns the batch is on
 * disk, and a crash leaves all of it or none. LevelDB's default bytewise comparator orders keys
 * as unsigned bytes, as the contract requires.
 */
public final class LevelDbLedgerStore implements LedgerStore {
  private final DB db;
  private final Path directory;
  private final WriteOptions syncWrites = new WriteOptions().sync(true);
  private boolean closed;

  private LevelDbLedgerStore(DB db, Path directory) {
    this.db = db;
    this.directory = directory;
  }

  /** Opens (creating if missing) the LevelDB database in {@code directory}. */
  public static LevelDbLedgerStore open(Path directory) {
    return open(directory, true);
  }

  /** Opens the existing LevelDB database in {@code directory}; a missing one is an error. */
  public static LevelDbLedgerStore openExisting(Path directory) {
    return open(directory, false);
  }

  private static LevelDbLedgerStore open(Path directory, boolean createIfMissing) {
    Objects.requireNonNull(directory, "directory");
    Options options = new Options().createIfMissing(createIfMissing).paranoidChecks(true);
    try {
      File file = directory.toFile();
      return new LevelDbLedgerStore(JniDBFactory.factory.open(file, options), directory);
    } catch (IOException | RuntimeException e) {
      throw new LedgerStorageException("cannot open LevelDB at " + directory, e);
    }
  }

  @Override
  public Optional<Bytes> get(Bytes key) {
    checkOpen();
    try {
      byte[] value = db.get(key.toByteArray());
      return value == null ? Optional.empty() : Optional.of(Bytes.wrapOwned(value));
    } catch (RuntimeException e) {
      throw new LedgerStorageException("LevelDB read failed in " + directory, e);
    }
  }

  @Override
  public List<StoreEntry> scan(Bytes fromInclusive, Bytes toExclusive, boolean reversed,
      int limit) {
    checkOpen();
    if (fromInclusive.compareTo(toExclusive) >= 0 || limit <= 0) {
      return List.of();
    }
    try (DBIterator iterator = db.iterator()) {
      return reversed ? scanBackward(iterator, fromInclusive, toExclusive, limit)
          : scanForward(iterator, fromInclusive, toExclusive, limit);
    } catch (IOException | RuntimeException e) {
      throw new LedgerStorageException("LevelDB scan failed in " + directory, e);
    }
  }

  private static List<StoreEntry> scanForward(DBIterator iterator, Bytes from, Bytes to,
      int limit) {
    List<StoreEntry> result = new ArrayList<>();
    iterator.seek(from.toByteArray());
    while (result.size() < limit && iterator.hasNext()) {
      Map.Entry<byte[], byte[]> entry = iterator.next();
      Bytes key = Bytes.wrapOwned(entry.getKey());
      if (key.compareTo(to) >= 0) {
        break;
      }
      result.add(new StoreEntry(key, Bytes.wrapOwned(entry.getValue())));
    }
    return result;
  }

  /**
   * leveldbjni's {@code prev()} returns the entry before the current one and moves onto it;
   * {@code peekNext()} reads the current one.
   */
  private static List<StoreEntry> scanBackward(DBIterator iterator, Bytes from, Bytes to,
      int limit) {
    List<StoreEntry> result = new ArrayList<>();
    iterator.seek(to.toByteArray());
    if (iterator.hasNext()) {
      if (!iterator.hasPrev()) {
        return result;
      }
      iterator.prev();
    } else {
      iterator.seekToLast();
      if (!iterator.hasNext()) {
        return result;
      }
    }
    while (result.size() < limit) {
      Map.Entry<byte[], byte[]> entry = iterator.peekNext();
      Bytes key = Bytes.wrapOwned(entry.getKey());
      if (key.compareTo(from) < 0) {
        break;
      }
      result.add(new StoreEntry(key, Bytes.wrapOwned(entry.getValue())));
      if (!iterator.hasPrev()) {
        break;
      }
      iterator.prev();
    }
    return result;
  }

  @Override
  public void write(WriteBatch batch) {
    checkOpen();
    try (org.iq80.leveldb.WriteBatch levelDbBatch = db.createWriteBatch()) {
      for (WriteBatch.Write write : batch.writes()) {
        if (write.value().isPresent()) {
          levelDbBatch.put(write.key().toByteArray(), write.value().get().toByteArray());
        } else {
          levelDbBatch.delete(write.key().toByteArray());
        }
      }
      db.write(levelDbBatch, syncWrites);
    } catch (IOException | RuntimeException e) {
      throw new LedgerStorageException("LevelDB write of " + batch.size() + " entries failed in "
          + directory, e);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      db.close();
    } catch (IOException e) {
      throw new LedgerStorageException("closing LevelDB at " + directory + " failed", e);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new LedgerStorageException("the store at " + directory + " is closed");
    }
  }
}
