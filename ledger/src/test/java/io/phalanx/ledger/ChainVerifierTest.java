package io.phalanx.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.crypto.Sha256;
import io.phalanx.ledger.store.LevelDbLedgerStore;
import io.phalanx.ledger.store.MemoryLedgerStore;
import io.phalanx.ledger.store.WriteBatch;
import io.phalanx.protocol.BlockHeader;
import io.phalanx.protocol.CertifiedBlock;
import io.phalanx.protocol.CommitCertificate;
import io.phalanx.protocol.SignedEnvelope;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainVerifierTest {
  final MemoryLedgerStore store = new MemoryLedgerStore();
  final LedgerDriver driver = LedgerDriver.on(store);

  void blocks(int count) {
    for (int i = 0; i < count; i++) {
      driver.submit(TestConsortium.ALICE, Operations.lookupAccounts());
    }
  }

  void rewrite(long height, UnaryOperator<CertifiedBlock> change) throws Exception {
    CertifiedBlock block = CertifiedBlock.parseFrom(
        store.get(LedgerKeys.block(height)).orElseThrow().toByteArray());
    store.write(new WriteBatch().put(LedgerKeys.block(height),
        Bytes.wrapOwned(change.apply(block).toByteArray())));
  }

  static CertifiedBlock withCertificate(CertifiedBlock block, CommitCertificate certificate) {
    return block.toBuilder().setCertificate(certificate).build();
  }

  @Test
  void aCertifiedChainIsValid() {
    blocks(5);

    ChainReport report = ChainVerifier.verify(store, TestConsortium.config());
    assertTrue(report.isValid(), report.reason());
    assertEquals(5, report.blocksChecked());
  }

  @Test
  void aChangedHeaderBreaksTheNextLink() throws Exception {
    blocks(4);
    rewrite(2, block -> {
      try {
        BlockHeader header = BlockHeader.parseFrom(block.getHeader());
        return block.toBuilder().setHeader(header.toBuilder().setLedgerTimeMillis(1).build()
            .toByteString()).build();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });

    ChainReport report = ChainVerifier.verify(store, TestConsortium.config());
    assertEquals(Optional.of(3L), report.firstBadHeight());
    assertTrue(report.reason().contains("previous hash"), report.reason());
  }

  @Test
  void aForgedCommitSignatureIsCaught() throws Exception {
    blocks(3);
    rewrite(2, block -> {
      SignedEnvelope commit = block.getCertificate().getCommits(1);
      SignedEnvelope forged = commit.toBuilder().setSignature(ByteString.copyFrom(
          TestConsortium.key(99).sign(commit.getPayload().toByteArray()).toByteArray())).build();
      return withCertificate(block, block.getCertificate().toBuilder().setCommits(1, forged)
          .build());
    });

    ChainReport report = ChainVerifier.verify(store, TestConsortium.config());
    assertEquals(Optional.of(2L), report.firstBadHeight());
    assertTrue(report.reason().contains("bad commit signature"), report.reason());
  }

  @Test
  void tooFewDistinctCommittersAreCaught() {
    blocks(1);
    Digest digest = Sha256.hash(new byte[] {2});
    Bytes duplicate = Bytes.wrapOwned(CommitCertificate.newBuilder()
        .addCommits(TestConsortium.commit(0, 0, 2, digest))
        .addCommits(TestConsortium.commit(1, 0, 2, digest))
        .addCommits(TestConsortium.commit(1, 0, 2, digest)).build().toByteArray());
    driver.ledger().applyBatch(new BatchInput(2, 0, driver.timeMillis() + 5, digest, List.of(),
        duplicate));

    ChainReport report = ChainVerifier.verify(store, TestConsortium.config());
    assertEquals(Optional.of(2L), report.firstBadHeight());
    assertTrue(report.reason().contains("2 distinct replicas"), report.reason());
  }

  @Test
  void commitsForAnotherBatchDigestAreCaught() {
    Digest digest = Sha256.hash(new byte[] {1});
    driver.ledger().applyBatch(new BatchInput(1, 0, driver.timeMillis() + 5, digest, List.of(),
        TestConsortium.certificate(0, 1, Sha256.hash(new byte[] {9}), 0, 1, 2)));

    ChainReport report = ChainVerifier.verify(store, TestConsortium.config());
    assertEquals(Optional.of(1L), report.firstBadHeight());
    assertTrue(report.reason().contains("another view"), report.reason());
  }

  @Test
  void aStoredBatchMustHashToTheCertifiedDigest() throws Exception {
    Bytes batch = Bytes.wrapOwned(new byte[] {1, 2, 3});
    Digest digest = Sha256.hash(batch);
    driver.ledger().applyBatch(new BatchInput(1, 0, driver.timeMillis() + 5, digest, List.of(),
        TestConsortium.certificate(0, 1, digest, 0, 1, 2), batch));
    assertTrue(ChainVerifier.verify(store, TestConsortium.config()).isValid());

    rewrite(1, block -> block.toBuilder().setBatch(ByteString.copyFrom(new byte[] {1, 2, 4}))
        .build());
    ChainReport report = ChainVerifier.verify(store, TestConsortium.config());
    assertEquals(Optional.of(1L), report.firstBadHeight());
    assertTrue(report.reason().contains("batch digest"), report.reason());
  }

  @Test
  void aMissingBlockIsCaught() {
    blocks(3);
    store.write(new WriteBatch().delete(LedgerKeys.block(2)));

    assertEquals(Optional.of(2L), ChainVerifier.verify(store, TestConsortium.config())
        .firstBadHeight());
  }

  @Test
  void verifiesALevelDbDirectory(@TempDir Path directory) {
    try (Ledger ledger = Ledger.open(LevelDbLedgerStore.open(directory),
        TestConsortium.config())) {
      LedgerDriver onDisk = new LedgerDriver(ledger);
      onDisk.submit(TestConsortium.BOB, Operations.lookupAccounts());
      onDisk.submit(TestConsortium.BOB, Operations.lookupAccounts());
    }

    ChainReport report = ChainVerifier.verify(directory, TestConsortium.config());
    assertTrue(report.isValid(), report.reason());
    assertEquals(2, report.blocksChecked());
    assertThrows(io.phalanx.ledger.store.LedgerStorageException.class,
        () -> ChainVerifier.verify(directory.resolve("missing"), TestConsortium.config()));
  }
}
