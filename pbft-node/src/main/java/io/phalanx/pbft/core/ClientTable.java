package io.phalanx.pbft.core;

import io.phalanx.crypto.Bytes;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the core learned from executed batches: per client the last executed timestamp and this
 * replica's signed reply to it. The authoritative table is the executor's replicated state.
 */
final class ClientTable {
  record LastReply(long timestamp, Bytes envelope) {}

  private final TreeMap<Long, LastReply> byClient = new TreeMap<>();

  void record(long clientId, long timestamp, Bytes envelope) {
    LastReply current = byClient.get(clientId);
    if (current == null || current.timestamp() <= timestamp) {
      byClient.put(clientId, new LastReply(timestamp, envelope));
    }
  }

  Optional<LastReply> lastReply(long clientId) {
    return Optional.ofNullable(byClient.get(clientId));
  }
}
