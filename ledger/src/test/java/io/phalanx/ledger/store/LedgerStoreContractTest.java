package io.phalanx.ledger.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.crypto.Bytes;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract every {@link LedgerStore} passes; one subclass per implementation. */
abstract class LedgerStoreContractTest {
  protected LedgerStore store;

  /** A fresh, empty store. */
  protected abstract LedgerStore newStore();

  /** The same store closed and opened again (what a restart sees). */
  protected abstract LedgerStore reopen(LedgerStore closed);

  @BeforeEach
  void open() {
    store = newStore();
  }

  @AfterEach
  void close() {
    store.close();
  }

  static Bytes key(int... bytes) {
    byte[] raw = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      raw[i] = (byte) bytes[i];
    }
    return Bytes.wrapOwned(raw);
  }

  static List<Bytes> keys(List<StoreEntry> entries) {
    return entries.stream().map(StoreEntry::key).toList();
  }

  @Test
  void getsWhatWasPutAndNothingAfterADelete() {
    store.write(new WriteBatch().put(key(1), key(10)).put(key(2), key(20)));
    store.write(new WriteBatch().delete(key(1)));

    assertEquals(Optional.empty(), store.get(key(1)));
    assertEquals(Optional.of(key(20)), store.get(key(2)));
  }

  @Test
  void laterWritesOfABatchWin() {
    store.write(new WriteBatch().put(key(1), key(1)).put(key(1), key(2)).delete(key(3))
        .put(key(3), key(3)));

    assertEquals(Optional.of(key(2)), store.get(key(1)));
    assertEquals(Optional.of(key(3)), store.get(key(3)));
  }

  @Test
  void scansOrderKeysAsUnsignedBytesWithinTheRange() {
    store.write(new WriteBatch().put(key(0x01), key(1)).put(key(0x7f), key(2))
        .put(key(0x80), key(3)).put(key(0xff), key(4)).put(key(0x80, 0x00), key(5)));

    assertEquals(List.of(key(0x7f), key(0x80), key(0x80, 0x00)),
        keys(store.scan(key(0x02), key(0xff), false, 10)));
    assertEquals(List.of(key(0x80, 0x00), key(0x80), key(0x7f)),
        keys(store.scan(key(0x02), key(0xff), true, 10)));
    assertEquals(List.of(key(0xff), key(0x80, 0x00)),
        keys(store.scan(key(0x80, 0x00), key(0xff, 0xff), true, 10)));
  }

  @Test
  void scansStopAtTheLimitAndTolerateEmptyRanges() {
    for (int i = 0; i < 10; i++) {
      store.write(new WriteBatch().put(key(5, i), key(i)));
    }

    assertEquals(List.of(key(5, 0), key(5, 1)), keys(store.scan(key(5), key(6), false, 2)));
    assertEquals(List.of(key(5, 9), key(5, 8)), keys(store.scan(key(5), key(6), true, 2)));
    assertEquals(List.of(), store.scan(key(6), key(7), true, 2));
    assertEquals(List.of(), store.scan(key(6), key(5), false, 2));
    assertEquals(List.of(key(5, 9)), keys(store.scan(key(5, 9), key(9), true, 5)));
  }

  @Test
  void randomOperationsMatchASortedMap() {
    Random random = new Random(7);
    TreeMap<Bytes, Bytes> model = new TreeMap<>();
    for (int round = 0; round < 200; round++) {
      WriteBatch batch = new WriteBatch();
      for (int i = 0; i < 5; i++) {
        Bytes k = key(random.nextInt(4), random.nextInt(256));
        if (random.nextInt(4) == 0) {
          batch.delete(k);
          model.remove(k);
        } else {
          Bytes v = key(random.nextInt(256));
          batch.put(k, v);
          model.put(k, v);
        }
      }
      store.write(batch);
      Bytes from = key(random.nextInt(4), random.nextInt(256));
      Bytes to = key(random.nextInt(5));
      boolean reversed = random.nextBoolean();
      int limit = 1 + random.nextInt(8);
      var expected = from.compareTo(to) >= 0 ? new TreeMap<Bytes, Bytes>()
          : new TreeMap<>(model.subMap(from, to));
      var ordered = reversed ? expected.descendingMap() : expected;
      List<StoreEntry> want = ordered.entrySet().stream().limit(limit)
          .map(e -> new StoreEntry(e.getKey(), e.getValue())).toList();
      assertEquals(want, store.scan(from, to, reversed, limit), "round " + round);
    }
  }

  @Test
  void writesSurviveAReopen() {
    store.write(new WriteBatch().put(key(1), key(1)).put(key(2), key(2)));
    store = reopen(store);

    assertEquals(Optional.of(key(2)), store.get(key(2)));
    assertEquals(2, store.scan(key(0), key(9), false, 10).size());
  }

  @Test
  void aClosedStoreRefusesWithAStorageError() {
    store.close();

    LedgerStorageException error = assertThrows(LedgerStorageException.class,
        () -> store.write(new WriteBatch().put(key(1), key(1))));
    assertTrue(error.getMessage().contains("closed"));
    store = newStore();
  }
}
