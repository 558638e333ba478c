package io.phalanx.ledger;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import java.util.List;
import java.util.Objects;

/**
 * A committed batch to execute as the block of height {@code sequence}.
 *
 * @param sequence the PBFT sequence number; must be the last executed one plus one
 * @param view the view the batch committed in
 * @param ledgerTimeMillis the primary's proposed time; 0 for a null batch
 * @param batchDigest the digest the replicas agreed on (SHA-256 of the serialised Batch)
 * @param requests the requests, in batch order; empty for a null batch
 * @param commitCertificate a serialised {@code CommitCertificate}, stored beside the block
 * @param batch the serialised PBFT {@code Batch} whose SHA-256 is {@code batchDigest}, stored in
 *     the block so that the digest can be checked offline; empty if the node does not supply it
 */
public record BatchInput(long sequence, long view, long ledgerTimeMillis, Digest batchDigest,
    List<LedgerRequest> requests, Bytes commitCertificate, Bytes batch) {
  public BatchInput {
    Objects.requireNonNull(batchDigest, "batchDigest");
    requests = List.copyOf(requests);
    Objects.requireNonNull(commitCertificate, "commitCertificate");
    Objects.requireNonNull(batch, "batch");
  }

  /** A batch input without the serialised batch (the block's {@code batch} stays empty). */
  public BatchInput(long sequence, long view, long ledgerTimeMillis, Digest batchDigest,
      List<LedgerRequest> requests, Bytes commitCertificate) {
    this(sequence, view, ledgerTimeMillis, batchDigest, requests, commitCertificate,
        Bytes.empty());
  }
}
