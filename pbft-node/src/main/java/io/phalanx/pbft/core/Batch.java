package io.phalanx.pbft.core;

import java.util.List;

/**
 * The ordered unit: client requests, the ledger time the primary proposed for them, or a null
 * batch (no requests, no time) that fills a gap after a view change.
 */
public record Batch(List<SignedRequest> requests, long ledgerTimeMillis, boolean nullBatch) {
  private static final Batch NULL = new Batch(List.of(), 0, true);

  public Batch {
    requests = List.copyOf(requests);
    if (nullBatch && (!requests.isEmpty() || ledgerTimeMillis != 0)) {
      throw new IllegalArgumentException("a null batch carries no requests and no time");
    }
  }

  public static Batch empty() {
    return NULL;
  }
}
