package io.phalanx.ledger;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.crypto.Sha256;
import io.phalanx.ledger.store.LedgerStore;
import io.phalanx.ledger.store.LevelDbLedgerStore;
import io.phalanx.ledger.store.StoreEntry;
import io.phalanx.protocol.BlockHeader;
import io.phalanx.protocol.CertifiedBlock;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Checks a stored chain offline against the genesis: blocks contiguous from the first stored
 * one to the tip, each header's previous hash equal to SHA-256 of the previous serialised header
 * (32 zero bytes at height 1), height and sequence right, the results digest over the stored
 * results, the stored batch (when the node supplied it) hashing to the batch digest, and a valid
 * commit certificate ({@link CommitCertificateCheck}). A store that began
 * from a snapshot starts its chain at the first block it holds.
 */
public final class ChainVerifier {
  private static final int PAGE_BLOCKS = 256;

  private ChainVerifier() {}

  /**
   * Verifies the existing LevelDB ledger in {@code directory} (opened, then closed; a missing
   * database is a {@link io.phalanx.ledger.store.LedgerStorageException}).
   */
  public static ChainReport verify(Path directory, GenesisConfig genesis) {
    try (LevelDbLedgerStore store = LevelDbLedgerStore.openExisting(directory)) {
      return verify(store, genesis);
    }
  }

  public static ChainReport verify(LedgerStore store, GenesisConfig genesis) {
    long tipHeight = store.get(LedgerKeys.TIP).map(ChainTip::decode).map(ChainTip::height)
        .orElse(0L);
    Optional<Digest> previousHash = Optional.empty();
    long expectedHeight = -1;
    long checked = 0;
    Bytes from = LedgerKeys.BLOCKS_START;
    while (true) {
      List<StoreEntry> page = store.scan(from, LedgerKeys.BLOCKS_END, false, PAGE_BLOCKS);
      for (StoreEntry entry : page) {
        long height = LedgerKeys.blockHeight(entry.key());
        if (expectedHeight >= 0 && height != expectedHeight) {
          return ChainReport.fault(checked, expectedHeight, "block " + expectedHeight
              + " is missing");
        }
        if (expectedHeight < 0 && height == 1) {
          previousHash = Optional.of(Digest.zero());
        }
        Optional<String> problem = problem(entry.value(), height, previousHash, genesis);
        if (problem.isPresent()) {
          return ChainReport.fault(checked, height, problem.get());
        }
        previousHash = Optional.of(headerHash(entry.value()));
        expectedHeight = height + 1;
        checked++;
      }
      if (page.size() < PAGE_BLOCKS) {
        break;
      }
      from = LedgerKeys.block(expectedHeight);
    }
    long lastHeight = expectedHeight < 0 ? tipHeight : expectedHeight - 1;
    return lastHeight == tipHeight ? ChainReport.valid(checked)
        : ChainReport.fault(checked, lastHeight + 1, "chain ends at " + lastHeight
            + " but the ledger's tip is " + tipHeight);
  }

  private static Optional<String> problem(Bytes stored, long height,
      Optional<Digest> previousHash, GenesisConfig genesis) {
    CertifiedBlock block;
    BlockHeader header;
    try {
      block = CertifiedBlock.parseFrom(stored.toByteArray());
      header = BlockHeader.parseFrom(block.getHeader());
    } catch (InvalidProtocolBufferException e) {
      return Optional.of("block does not parse");
    }
    if (header.getHeight() != height || header.getSequence() != height) {
      return Optional.of("header says height " + header.getHeight() + ", sequence "
          + header.getSequence());
    }
    if (previousHash.isPresent()
        && !header.getPreviousHash().equals(BlockFormat.byteString(previousHash.get()))) {
      return Optional.of("previous hash does not match the previous block's header");
    }
    Optional<String> content = contentProblem(block, header);
    if (content.isPresent()) {
      return content;
    }
    return CommitCertificateCheck.problem(block.getCertificate(), header, genesis);
  }

  /** The stored batch and results against the header's batch and results digests. */
  private static Optional<String> contentProblem(CertifiedBlock block, BlockHeader header) {
    if (!block.getBatch().isEmpty() && !header.getBatchDigest().equals(BlockFormat.byteString(
        Sha256.hash(block.getBatch().toByteArray())))) {
      return Optional.of("stored batch does not hash to the batch digest");
    }
    List<Bytes> results = block.getResultsList().stream().map(ByteString::toByteArray)
        .map(Bytes::wrapOwned).toList();
    if (results.size() != block.getRequestsCount() || !header.getResultsDigest()
        .equals(BlockFormat.byteString(BlockFormat.resultsDigest(results)))) {
      return Optional.of("results do not match the results digest");
    }
    return Optional.empty();
  }

  private static Digest headerHash(Bytes stored) {
    try {
      return Sha256.hash(CertifiedBlock.parseFrom(stored.toByteArray()).getHeader()
          .toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("checked block stopped parsing", e);
    }
  }
}
