package io.phalanx.config;

/**
 * Transport limits from the {@code network} section.
 *
 * @param frameBytesMax the largest frame accepted; a longer length prefix closes the connection
 * @param outboundQueueMax messages queued for one peer before further ones are dropped and counted
 * @param reconnectDelayMillisMin first reconnect delay; doubled per failure, with jitter
 * @param reconnectDelayMillisMax ceiling of the reconnect delay
 */
public record NetworkSettings(
    int frameBytesMax, int outboundQueueMax, int reconnectDelayMillisMin, int reconnectDelayMillisMax) {

  /** Reads the {@code network} section; absent fields take their defaults. */
  public static NetworkSettings read(YamlSection section) {
    int delayMin = section.intValue("reconnectDelayMillisMin", 1, 60_000, 50);
    NetworkSettings settings = new NetworkSettings(
        section.intValue("frameBytesMax", 1024, 256 << 20, 4 << 20),
        section.intValue("outboundQueueMax", 16, 10_000_000, 10_000),
        delayMin,
        section.intValue("reconnectDelayMillisMax", delayMin, 600_000, Math.max(delayMin, 5_000)));
    section.rejectUnknownFields();
    return settings;
  }
}
