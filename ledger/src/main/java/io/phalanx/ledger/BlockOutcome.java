package io.phalanx.ledger;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import java.util.List;
import java.util.Objects;

/**
 * What executing a batch produced.
 *
 * @param height the block height (== the batch's sequence)
 * @param blockHash SHA-256 of the block's serialised header
 * @param stateDigest the state digest after the block (for checkpoints)
 * @param results the serialised {@code LedgerResult} of each request, in request order
 */
public record BlockOutcome(long height, Digest blockHash, Digest stateDigest, List<Bytes> results) {
  public BlockOutcome {
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(stateDigest, "stateDigest");
    results = List.copyOf(results);
  }
}
