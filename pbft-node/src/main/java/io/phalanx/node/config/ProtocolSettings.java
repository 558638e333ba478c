package io.phalanx.node.config;

import io.phalanx.config.YamlSection;

/**
 * The PBFT tuning every replica of a consortium should share, from the {@code protocol} section.
 *
 * @param checkpointInterval K: a checkpoint every K sequence numbers
 * @param watermarkWindow L: sequences accepted above the stable checkpoint (a multiple of K)
 * @param batchRequestsMax most requests in one batch
 * @param batchBytesMax most request bytes in one batch
 * @param batchDelayMillis how long the primary waits to fill a batch
 * @param requestTimeoutMillis how long a backup waits for a request to execute before it starts
 *     a view change (doubled per failed view)
 * @param ledgerTimeSkewMillisMax how far a proposed ledger time may be from a backup's own clock
 */
public record ProtocolSettings(
    int checkpointInterval,
    int watermarkWindow,
    int batchRequestsMax,
    int batchBytesMax,
    int batchDelayMillis,
    int requestTimeoutMillis,
    int ledgerTimeSkewMillisMax) {

  static ProtocolSettings read(YamlSection section) {
    int interval = section.intValue("checkpointInterval", 1, 1_000_000, 128);
    int window = section.intValue("watermarkWindow", 2, 10_000_000, 2 * interval);
    if (window % interval != 0) {
      throw section.error("watermarkWindow",
          "must be a multiple of checkpointInterval (" + interval + "), got " + window);
    }
    ProtocolSettings settings = new ProtocolSettings(
        interval,
        window,
        section.intValue("batchRequestsMax", 1, 100_000, 500),
        section.intValue("batchBytesMax", 1024, 64 << 20, 2 << 20),
        section.intValue("batchDelayMillis", 0, 10_000, 2),
        section.intValue("requestTimeoutMillis", 10, 600_000, 2_000),
        section.intValue("ledgerTimeSkewMillisMax", 1, 3_600_000, 10_000));
    section.rejectUnknownFields();
    return settings;
  }
}
