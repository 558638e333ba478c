package io.phalanx.ledger;

import static io.phalanx.ledger.TestConsortium.ALICE;
import static io.phalanx.ledger.TestConsortium.BOB;
import static io.phalanx.ledger.TestConsortium.ISSUER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.crypto.feldman.FeldmanCommitments;
import io.phalanx.ledger.codec.VaultMessages;
import io.phalanx.ledger.state.ResultCode;
import io.phalanx.ledger.state.VaultRecord;
import io.phalanx.protocol.LedgerResult;
import io.phalanx.protocol.VaultAccess;
import io.phalanx.protocol.VaultAccessKind;
import io.phalanx.protocol.VaultPut;
import io.phalanx.protocol.VaultResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The vault through the ledger facade and the protobuf codec, as a replica executes it. */
class VaultLedgerTest {
  private final LedgerDriver driver = LedgerDriver.inMemory();

  static VaultResult vault(LedgerResult result) {
    assertEquals(LedgerResult.KindCase.VAULT, result.getKindCase(), result.toString());
    return result.getVault();
  }

  static ResultCode code(LedgerResult result) {
    return LedgerDriver.code(vault(result).getCode());
  }

  @Test
  void ownerPutsAndGetsTheStoredCommitmentsAndSecret() {
    VaultPut put = VaultOperations.put("db", ALICE, 1).build();
    assertEquals(ResultCode.OK, code(driver.submit(ALICE, VaultOperations.op(put.toBuilder()))));
    VaultResult got = vault(driver.submit(ALICE, VaultOperations.get("db")));
    assertEquals(ResultCode.OK.code(), got.getCode());
    assertEquals(1, got.getVersion());
    assertEquals(2, got.getThreshold());
    assertEquals(put.getCommitmentsList(), got.getCommitmentsList());
    assertEquals(put.getEncryptedSecret(), got.getEncryptedSecret());
    VaultRecord stored = driver.ledger().vault("db").orElseThrow();
    assertEquals(1, stored.layers().size());
    assertEquals(VaultMessages.boxBytes(put.getShares(3).getBox()),
        stored.layers().get(0).boxes().get(3));
  }

  @Test
  void aReaderMayGetAndAStrangerIsRefusedAndRecorded() {
    driver.submit(ALICE, VaultOperations.op(VaultOperations.put("db", ALICE, 1, ISSUER)));
    assertEquals(ResultCode.OK, code(driver.submit(ISSUER, VaultOperations.get("db"))));
    VaultResult refused = vault(driver.submit(BOB, VaultOperations.get("db")));
    assertEquals(ResultCode.VAULT_NOT_AUTHORISED.code(), refused.getCode());
    assertTrue(refused.getEncryptedSecret().isEmpty());
    assertTrue(refused.getCommitmentsList().isEmpty());

    VaultResult status = vault(driver.query(ALICE, VaultOperations.status("db", 10)));
    List<VaultAccess> log = status.getAccessesList();
    assertEquals(3, log.size());
    assertEquals(List.of(VaultAccessKind.VAULT_ACCESS_PUT, VaultAccessKind.VAULT_ACCESS_GET,
        VaultAccessKind.VAULT_ACCESS_GET), log.stream().map(VaultAccess::getKind).toList());
    assertEquals(BOB, log.get(2).getMember());
    assertEquals(ResultCode.VAULT_NOT_AUTHORISED.code(), log.get(2).getCode());
    assertEquals(ISSUER, log.get(1).getMember());
    assertEquals(ResultCode.OK.code(), log.get(1).getCode());
    assertTrue(log.get(1).getTimestamp() > log.get(0).getTimestamp());
    assertTrue(log.get(2).getTimestamp() / 1_000_000 <= driver.timeMillis());
    assertEquals(ResultCode.VAULT_NOT_AUTHORISED,
        code(driver.query(BOB, VaultOperations.status("db", 10))));
  }

  @Test
  void everyGetChangesTheStateDigestEvenARefusedOne() {
    driver.submit(ALICE, VaultOperations.op(VaultOperations.put("db", ALICE, 1)));
    Digest before = driver.ledger().stateDigest();
    driver.submit(BOB, VaultOperations.get("db"));
    Digest afterRefused = driver.ledger().stateDigest();
    assertNotEquals(before, afterRefused);
    driver.submit(ALICE, VaultOperations.get("db"));
    assertNotEquals(afterRefused, driver.ledger().stateDigest());
  }

  @Test
  void refreshAddsTheDeltaCommitmentsAndALayer() throws Exception {
    VaultPut put = VaultOperations.put("db", ALICE, 1).build();
    driver.submit(ALICE, VaultOperations.op(put.toBuilder()));
    assertEquals(ResultCode.VAULT_NOT_AUTHORISED,
        code(driver.submit(BOB, VaultOperations.op(VaultOperations.refresh("db", 2)))));
    assertEquals(ResultCode.VAULT_VERSION_MISMATCH,
        code(driver.submit(ALICE, VaultOperations.op(VaultOperations.refresh("db", 3)))));
    assertEquals(ResultCode.OK,
        code(driver.submit(ALICE, VaultOperations.op(VaultOperations.refresh("db", 2)))));
    VaultResult got = vault(driver.submit(ALICE, VaultOperations.get("db")));
    assertEquals(2, got.getVersion());
    assertNotEquals(put.getCommitmentsList(), got.getCommitmentsList());
    assertEquals(put.getCommitments(0), got.getCommitments(0), "C_0 (the secret) stays");
    FeldmanCommitments.fromBytes(VaultMessages.commitments(got.getCommitmentsList()));
    VaultRecord stored = driver.ledger().vault("db").orElseThrow();
    assertEquals(List.of(1L, 2L), stored.layers().stream().map(l -> l.version()).toList());
  }

  @Test
  void deleteRemovesTheSharesAndTheSecretAndIsRecorded() throws Exception {
    driver.submit(ALICE, VaultOperations.op(VaultOperations.put("db", ALICE, 1, BOB)));
    assertEquals(ResultCode.VAULT_NOT_AUTHORISED,
        code(driver.submit(BOB, VaultOperations.delete("db"))));
    VaultResult deleted = vault(driver.submit(ALICE, VaultOperations.delete("db")));
    assertEquals(ResultCode.OK.code(), deleted.getCode());
    assertEquals(2, deleted.getVersion());
    VaultRecord stored = driver.ledger().vault("db").orElseThrow();
    assertTrue(stored.deleted());
    assertTrue(stored.layers().isEmpty());
    assertEquals(Bytes.empty(), stored.encryptedSecret());
    assertEquals(ResultCode.VAULT_DELETED, code(driver.submit(ALICE, VaultOperations.get("db"))));
    VaultResult status = vault(driver.query(BOB, VaultOperations.status("db", 10)));
    assertTrue(status.getDeleted());
    assertEquals(List.of(VaultAccessKind.VAULT_ACCESS_PUT, VaultAccessKind.VAULT_ACCESS_DELETE,
        VaultAccessKind.VAULT_ACCESS_DELETE, VaultAccessKind.VAULT_ACCESS_GET),
        status.getAccessesList().stream().map(VaultAccess::getKind).toList());
    assertEquals(ResultCode.OK, code(driver.submit(ALICE,
        VaultOperations.op(VaultOperations.put("db", ALICE, 3)))), "a new put after delete");
    assertFalse(driver.ledger().vault("db").orElseThrow().deleted());
  }

  @Test
  void statusPagesTheAccessLog() {
    driver.submit(ALICE, VaultOperations.op(VaultOperations.put("db", ALICE, 1)));
    for (int i = 0; i < 3; i++) {
      driver.submit(ALICE, VaultOperations.get("db"));
    }
    List<VaultAccess> first = vault(driver.query(ALICE, VaultOperations.status("db", 2)))
        .getAccessesList();
    assertEquals(2, first.size());
    VaultResult rest = vault(driver.query(ALICE, Operations.bytes(
        io.phalanx.protocol.LedgerOperation.newBuilder().setVaultStatus(
            io.phalanx.protocol.VaultStatusQuery.newBuilder().setName("db")
                .setAccessesAfter(first.get(1).getTimestamp()).setAccessesLimit(10)).build())));
    assertEquals(2, rest.getAccessesCount());
    assertTrue(rest.getAccesses(0).getTimestamp() > first.get(1).getTimestamp());
    assertEquals(1, rest.getVersion());
  }

  @Test
  void twoReplicasGiveIdenticalResultBytesAndDigests() {
    LedgerDriver other = LedgerDriver.inMemory();
    List<Bytes> operations = List.of(
        VaultOperations.op(VaultOperations.put("db", ALICE, 1, ISSUER)),
        VaultOperations.get("db"), VaultOperations.op(VaultOperations.refresh("db", 2)),
        VaultOperations.status("db", 5), VaultOperations.delete("db"));
    long[] callers = {ALICE, BOB, ALICE, ALICE, ALICE};
    for (int i = 0; i < operations.size(); i++) {
      List<LedgerRequest> requests = List.of(new LedgerRequest(callers[i], i + 1,
          operations.get(i)));
      BlockOutcome mine = driver.block(requests);
      BlockOutcome theirs = other.block(requests);
      assertEquals(mine.results(), theirs.results());
      assertEquals(mine.stateDigest(), theirs.stateDigest());
    }
    assertArrayEquals(driver.ledger().exportSnapshot().toByteArray(),
        other.ledger().exportSnapshot().toByteArray());
  }

  @Test
  void aSnapshotCarriesTheVault() throws Exception {
    driver.submit(ALICE, VaultOperations.op(VaultOperations.put("db", ALICE, 1)));
    Ledger copy = Ledger.open(new io.phalanx.ledger.store.MemoryLedgerStore(),
        TestConsortium.config());
    copy.importSnapshot(driver.ledger().exportSnapshot(), driver.ledger().stateDigest());
    assertEquals(driver.ledger().vault("db"), copy.vault("db"));
  }
}
