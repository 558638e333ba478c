package io.phalanx.ledger;

import static io.phalanx.ledger.TestConsortium.ALICE;
import static io.phalanx.ledger.TestConsortium.BOB;
import static io.phalanx.ledger.TestConsortium.ISSUER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.crypto.Sha256;
import io.phalanx.ledger.state.Account;
import io.phalanx.ledger.state.AccountFlags;
import io.phalanx.ledger.state.ResultCode;
import io.phalanx.ledger.state.Transfer;
import io.phalanx.ledger.state.Uint128;
import io.phalanx.ledger.store.LedgerStorageException;
import io.phalanx.ledger.store.LedgerStore;
import io.phalanx.ledger.store.MemoryLedgerStore;
import io.phalanx.ledger.store.WriteBatch;
import io.phalanx.protocol.BlockHeader;
import io.phalanx.protocol.CertifiedBlock;
import io.phalanx.protocol.LedgerResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerTest {
  static final Uint128 MINT = Uint128.of(100);
  static final Uint128 ALICE_ACCOUNT = Uint128.of(200);
  static final Uint128 BOB_ACCOUNT = Uint128.of(300);

  /** Issuer, Alice and Bob accounts of asset 1, and 1000 issued to Alice. */
  static void fund(LedgerDriver driver) {
    assertEquals(List.of(ResultCode.OK), driver.create(ISSUER,
        Operations.createAccounts(Account.create(MINT, ISSUER, 1, 1, AccountFlags.ISSUER))));
    assertEquals(List.of(ResultCode.OK), driver.create(ALICE, Operations.createAccounts(
        Account.create(ALICE_ACCOUNT, ALICE, 1, 1, AccountFlags.HISTORY))));
    assertEquals(List.of(ResultCode.OK), driver.create(BOB,
        Operations.createAccounts(Account.create(BOB_ACCOUNT, BOB, 1, 1, 0))));
    assertEquals(List.of(ResultCode.OK), driver.create(ISSUER, Operations.createTransfers(
        Transfer.of(Uint128.of(1), MINT, ALICE_ACCOUNT, 1000, 1, 1))));
  }

  static Account account(LedgerDriver driver, Uint128 id) {
    LedgerResult result = driver.query(ALICE, Operations.lookupAccounts(id));
    return io.phalanx.ledger.codec.RecordMessages.fromProto(result.getAccounts().getAccounts(0));
  }

  @Test
  void transfersMoveValueAndBalancesAddUp() {
    LedgerDriver driver = LedgerDriver.inMemory();
    fund(driver);
    assertEquals(List.of(ResultCode.OK), driver.create(ALICE, Operations.createTransfers(
        Transfer.of(Uint128.of(2), ALICE_ACCOUNT, BOB_ACCOUNT, 300, 1, 1))));

    assertEquals(700, account(driver, ALICE_ACCOUNT).creditsPosted()
        - account(driver, ALICE_ACCOUNT).debitsPosted());
    assertEquals(300, account(driver, BOB_ACCOUNT).creditsPosted());
    assertEquals(1000, account(driver, MINT).debitsPosted());
  }

  @Test
  void anEqualClientTimestampGetsTheCachedReplyAndALowerOneIsStale() {
    LedgerDriver driver = LedgerDriver.inMemory();
    fund(driver);
    Bytes transfer = Operations.createTransfers(
        Transfer.of(Uint128.of(2), ALICE_ACCOUNT, BOB_ACCOUNT, 300, 1, 1));
    LedgerRequest request = new LedgerRequest(ALICE, 50, transfer);
    Bytes first = driver.block(List.of(request)).results().get(0);
    Bytes again = driver.block(List.of(request)).results().get(0);
    Bytes stale = driver.block(List.of(new LedgerRequest(ALICE, 49, transfer))).results().get(0);

    assertEquals(first, again);
    assertEquals(List.of(ResultCode.STALE_REQUEST), LedgerDriver.codes(LedgerDriver.parse(stale)));
    assertEquals(300, account(driver, BOB_ACCOUNT).creditsPosted());
  }

  @Test
  void blocksChainByHeaderHashAndEveryNullBatchIsABlock() throws Exception {
    LedgerDriver driver = LedgerDriver.inMemory();
    BlockOutcome first = driver.block(List.of());
    BlockOutcome second = driver.block(List.of());

    CertifiedBlock stored = CertifiedBlock.parseFrom(
        driver.ledger().block(2).orElseThrow().toByteArray());
    BlockHeader header = BlockHeader.parseFrom(stored.getHeader());
    assertEquals(2, second.height());
    assertEquals(first.blockHash().toBytes(), Bytes.of(header.getPreviousHash().toByteArray()));
    assertEquals(second.blockHash(), Sha256.hash(stored.getHeader().toByteArray()));
    assertEquals(second.stateDigest().toBytes(), Bytes.of(header.getStateDigest().toByteArray()));
    assertNotEquals(first.stateDigest(), second.stateDigest());
  }

  @Test
  void aNonIncreasingOrOutOfRangeTimeAdvancesByOneMillisecondAndANullBatchKeepsIt() {
    LedgerDriver driver = LedgerDriver.inMemory();
    driver.block(List.of());
    long time = driver.ledger().ledgerTimeMillis();
    List<LedgerRequest> lookup = List.of(new LedgerRequest(ALICE, 1,
        Operations.lookupAccounts()));
    Ledger ledger = driver.ledger();

    ledger.applyBatch(new BatchInput(2, 0, time - 5, Digest.zero(), lookup, Bytes.empty()));
    assertEquals(time + 1, ledger.ledgerTimeMillis());
    ledger.applyBatch(new BatchInput(3, 0, Long.MAX_VALUE, Digest.zero(), List.of(
        new LedgerRequest(ALICE, 2, Operations.lookupAccounts())), Bytes.empty()));
    assertEquals(time + 2, ledger.ledgerTimeMillis());
    ledger.applyBatch(new BatchInput(4, 0, 0, Digest.zero(), List.of(), Bytes.empty()));
    assertEquals(time + 2, ledger.ledgerTimeMillis());
  }

  @Test
  void aWrongSequenceIsAProgrammerError() {
    LedgerDriver driver = LedgerDriver.inMemory();
    assertThrows(IllegalArgumentException.class, () -> driver.ledger().applyBatch(new BatchInput(
        5, 0, 1, Digest.zero(), List.of(), Bytes.empty())));
  }

  @Test
  void reopeningTheStoreGivesTheSameStateAndRefusesAnotherGenesis() {
    MemoryLedgerStore store = new MemoryLedgerStore();
    LedgerDriver driver = LedgerDriver.on(store);
    fund(driver);
    Ledger reopened = Ledger.open(store, TestConsortium.config());

    assertEquals(driver.ledger().stateDigest(), reopened.stateDigest());
    assertEquals(4, reopened.lastExecutedSequence());
    GenesisConfig other = GenesisConfig.fromProto(TestConsortium.genesis().toBuilder()
        .setConsortiumId("other").build());
    assertThrows(IllegalStateException.class, () -> Ledger.open(store, other));
  }

  @Test
  void theQueryPathChangesNothingAndRefusesWrites() {
    LedgerDriver driver = LedgerDriver.inMemory();
    fund(driver);
    Digest before = driver.ledger().stateDigest();
    LedgerResult write = driver.query(ALICE, Operations.createTransfers(
        Transfer.of(Uint128.of(9), ALICE_ACCOUNT, BOB_ACCOUNT, 1, 1, 1)));

    assertEquals(List.of(ResultCode.NOT_READ_ONLY), LedgerDriver.codes(write));
    assertEquals(1, driver.query(BOB, Operations.lookupTransfers(Uint128.of(1)))
        .getTransfers().getTransfersCount());
    assertEquals(before, driver.ledger().stateDigest());
  }

  @Test
  void receiptsNameTheBlockAndHistoryAccountsKeepBalances() {
    LedgerDriver driver = LedgerDriver.inMemory();
    fund(driver);
    LedgerResult receipt = driver.query(BOB, Operations.getReceipt(Uint128.of(1)));
    LedgerResult history = driver.query(BOB, Operations.accountBalances(ALICE_ACCOUNT, 0));
    LedgerResult noHistory = driver.query(BOB, Operations.accountBalances(BOB_ACCOUNT, 0));
    LedgerResult block = driver.query(BOB, Operations.getBlock(4));

    assertEquals(4, receipt.getReceipt().getBlockHeight());
    assertEquals(1, history.getBalances().getBalancesCount());
    assertEquals(1000, history.getBalances().getBalances(0).getCreditsPosted());
    assertEquals(0, noHistory.getBalances().getBalancesCount());
    assertTrue(block.hasBlock());
  }

  @Test
  void accountTransfersPageByTime() {
    LedgerDriver driver = LedgerDriver.inMemory();
    fund(driver);
    for (int i = 0; i < 5; i++) {
      driver.create(ALICE, Operations.createTransfers(
          Transfer.of(Uint128.of(10 + i), ALICE_ACCOUNT, BOB_ACCOUNT, 1, 1, 1)));
    }
    List<io.phalanx.protocol.Transfer> firstPage = driver.query(BOB,
        Operations.accountTransfers(BOB_ACCOUNT, 0, 0, 2, false)).getTransfers().getTransfersList();
    List<io.phalanx.protocol.Transfer> nextPage = driver.query(BOB, Operations.accountTransfers(
        BOB_ACCOUNT, firstPage.get(1).getTimestamp() + 1, 0, 2, false))
        .getTransfers().getTransfersList();
    List<io.phalanx.protocol.Transfer> newest = driver.query(BOB,
        Operations.accountTransfers(BOB_ACCOUNT, 0, 0, 1, true)).getTransfers().getTransfersList();

    assertEquals(List.of(10L, 11L), firstPage.stream().map(t -> t.getId().getLow()).toList());
    assertEquals(List.of(12L, 13L), nextPage.stream().map(t -> t.getId().getLow()).toList());
    assertEquals(14L, newest.get(0).getId().getLow());
  }

  @Test
  void aFailedWriteStopsTheLedger() {
    FailingStore store = new FailingStore();
    LedgerDriver driver = LedgerDriver.on(store);
    store.failing = true;

    assertThrows(LedgerStorageException.class, () -> driver.block(List.of()));
    assertThrows(IllegalStateException.class, () -> driver.ledger().stateDigest());
  }

  /** A memory store whose writes fail on demand. */
  static final class FailingStore implements LedgerStore {
    final MemoryLedgerStore delegate = new MemoryLedgerStore();
    boolean failing;

    @Override
    public java.util.Optional<Bytes> get(Bytes key) {
      return delegate.get(key);
    }

    @Override
    public List<io.phalanx.ledger.store.StoreEntry> scan(Bytes from, Bytes to, boolean reversed,
        int limit) {
      return delegate.scan(from, to, reversed, limit);
    }

    @Override
    public void write(WriteBatch batch) {
      if (failing) {
        throw new LedgerStorageException("disk full (simulated)");
      }
      delegate.write(batch);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
