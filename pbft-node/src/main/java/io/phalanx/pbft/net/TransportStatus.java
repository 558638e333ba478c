package io.phalanx.pbft.net;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of the transport for {@code /status}: every counter by reason (zeros included),
 * and one line per peer we dial.
 *
 * @param counters every {@link TransportCounter} with its count, in declaration order
 * @param peers the outgoing links, by replica number
 */
public record TransportStatus(Map<TransportCounter, Long> counters, List<PeerStatus> peers) {
  public TransportStatus {
    counters = Collections.unmodifiableMap(new EnumMap<>(counters));
    peers = List.copyOf(peers);
  }

  /**
   * One outgoing link.
   *
   * @param authenticated whether the link is up and authenticated both ways
   * @param writable whether the socket takes more (false: above the write-buffer high mark)
   * @param queuedMessages messages waiting in our bounded queue
   * @param queuedBytes their bytes
   * @param socketBufferedBytes bytes Netty holds for the socket (at most about the high mark)
   * @param consecutiveFailures failed connects or links since the last authenticated one
   */
  public record PeerStatus(int replica, boolean authenticated, boolean writable,
      int queuedMessages, long queuedBytes, long socketBufferedBytes, int consecutiveFailures) {}

  public long count(TransportCounter counter) {
    return counters.getOrDefault(counter, 0L);
  }

  /** The replicas whose outgoing link is authenticated now. */
  public List<Integer> connectedPeers() {
    return peers.stream().filter(PeerStatus::authenticated).map(PeerStatus::replica).toList();
  }
}
