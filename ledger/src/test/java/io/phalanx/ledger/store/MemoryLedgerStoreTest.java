package io.phalanx.ledger.store;

class MemoryLedgerStoreTest extends LedgerStoreContractTest {
  @Override
  protected LedgerStore newStore() {
    return new MemoryLedgerStore();
  }

  /** A memory store lives as long as its object: a "restart" keeps the same, still open map. */
  @Override
  protected LedgerStore reopen(LedgerStore open) {
    return open;
  }
}
