package io.phalanx.pbft.net;

import io.netty.channel.Channel;

/** Told about a replica link's life. Called on the link's event loop; must not block. */
interface LinkListener {
  /** The link on {@code channel} is now authenticated in both directions as {@code replica}. */
  void onAuthenticated(Channel channel, int replica);

  /** An authenticated link's channel became writable again (or stopped being so). */
  void onWritabilityChanged(Channel channel);
}
