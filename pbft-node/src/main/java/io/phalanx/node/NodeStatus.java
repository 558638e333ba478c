package io.phalanx.node;

import io.phalanx.pbft.net.ReplicaTransport;
import io.phalanx.pbft.net.TransportStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The JSON document of {@code GET /status}. */
final class NodeStatus {
  private NodeStatus() {}

  static Map<String, Object> of(NodeParts parts, ConsensusLoop loop, ReplicaTransport transport) {
    ReplicaStatus core = loop.status();
    TransportStatus network = transport.status();
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("replica", core.replica());
    status.put("replicas", core.replicas());
    status.put("view", core.view());
    status.put("viewActive", core.viewActive());
    status.put("primary", core.primary());
    status.put("lastExecuted", core.lastExecuted());
    status.put("ledgerExecuted", parts.executor.lastExecuted());
    status.put("stableCheckpoint", core.stableCheckpoint());
    status.put("stateDigest", parts.executor.stateDigestHex());
    status.put("consensusQueueDepth", loop.queueDepth());
    status.put("verifierQueueDepth", parts.verifierPool.getQueue().size());
    List<Integer> connected = new ArrayList<>();
    for (TransportStatus.PeerStatus peer : network.peers()) {
      if (peer.authenticated()) {
        connected.add(peer.replica());
      }
    }
    status.put("connectedPeers", connected);
    Map<String, Long> rejections = new TreeMap<>();
    parts.verifier.rejections().forEach((reason, count) -> rejections.put(
        "verify_" + reason.name().toLowerCase(java.util.Locale.ROOT), count));
    network.counters().forEach((counter, count) -> rejections.put(
        "net_" + counter.name().toLowerCase(java.util.Locale.ROOT), count));
    status.put("counters", rejections);
    return status;
  }
}
