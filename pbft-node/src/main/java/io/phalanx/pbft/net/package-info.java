/**
 * The replica node's network transport: authenticated replica links, a client listener, bounded
 * queues, counters by reason. Entry point {@link io.phalanx.pbft.net.ReplicaTransport}; the link
 * protocol, frame format, limits and counters are described in {@code pbft-node/README-net.md}.
 */
package io.phalanx.pbft.net;
