package io.phalanx.pbft.net;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which channel each verified client id's replies go back on. The node binds an id only after
 * it verified a request signed by that client, so the map holds at most the consortium's
 * admitted clients; a closed channel leaves it. Thread-safe.
 */
final class ClientRegistry {
  private final Map<Long, ClientChannel> channels = new ConcurrentHashMap<>();

  void bind(long clientId, ClientChannel channel) {
    if (!channel.isOpen()) {
      return;
    }
    channels.put(clientId, channel);
    if (channel.rememberBinding(clientId)) {
      // Once per (channel, client id), however often a client switches channels.
      channel.channel().closeFuture().addListener(closed -> channels.remove(clientId, channel));
    }
  }

  Optional<ClientChannel> channelOf(long clientId) {
    return Optional.ofNullable(channels.get(clientId));
  }

  int size() {
    return channels.size();
  }
}
