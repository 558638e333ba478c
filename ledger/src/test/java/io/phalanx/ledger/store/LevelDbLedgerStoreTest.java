package io.phalanx.ledger.store;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LevelDbLedgerStoreTest extends LedgerStoreContractTest {
  @TempDir
  Path directory;
  private int opened;

  @Override
  protected LedgerStore newStore() {
    return LevelDbLedgerStore.open(directory.resolve("db" + opened++));
  }

  @Override
  protected LedgerStore reopen(LedgerStore closed) {
    closed.close();
    return LevelDbLedgerStore.open(directory.resolve("db" + (opened - 1)));
  }

  @Test
  void openingWhereNoDatabaseCanBeIsAStorageError() throws IOException {
    Path file = Files.writeString(directory.resolve("a-file"), "not a directory");

    assertThrows(LedgerStorageException.class, () -> LevelDbLedgerStore.open(file.resolve("db")));
  }
}
