package io.phalanx.pbft.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.phalanx.wire.ReasonCounter;
import java.net.SocketAddress;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One client's connection to this replica, as the {@link InboundHandler} sees it. Thread-safe:
 * any thread may send. A send never buffers beyond the connection's write-buffer high water
 * mark: when the client does not read, replies are dropped and counted
 * ({@link TransportCounter#CLIENT_REPLY_DROPPED}); the client resends after its timeout.
 */
public final class ClientChannel {
  private final Channel channel;
  private final int frameBytesMax;
  private final ReasonCounter<TransportCounter> counters;
  private final Set<Long> boundClientIds = ConcurrentHashMap.newKeySet();

  ClientChannel(Channel channel, int frameBytesMax, ReasonCounter<TransportCounter> counters) {
    this.channel = channel;
    this.frameBytesMax = frameBytesMax;
    this.counters = counters;
  }

  /**
   * Sends one envelope (its serialised bytes, which the transport frames). The caller must not
   * change the array afterwards. Returns false if it was dropped.
   */
  public boolean send(byte[] envelopeBytes) {
    Objects.requireNonNull(envelopeBytes, "envelopeBytes");
    if (envelopeBytes.length > frameBytesMax) {
      counters.increment(TransportCounter.OUTBOUND_TOO_LARGE);
      return false;
    }
    if (!channel.isActive() || !channel.isWritable()) {
      counters.increment(TransportCounter.CLIENT_REPLY_DROPPED);
      return false;
    }
    ByteBuf frame = channel.alloc().buffer(envelopeBytes.length).writeBytes(envelopeBytes);
    channel.writeAndFlush(frame, channel.voidPromise());
    return true;
  }

  public boolean isOpen() {
    return channel.isOpen();
  }

  public SocketAddress remoteAddress() {
    return channel.remoteAddress();
  }

  /** Closes the connection (for a client whose requests the node found malicious). */
  public void close() {
    channel.close();
  }

  /** True the first time {@code clientId} is bound to this channel. */
  boolean rememberBinding(long clientId) {
    return boundClientIds.add(clientId);
  }

  Channel channel() {
    return channel;
  }

  @Override
  public String toString() {
    return "ClientChannel[" + channel.remoteAddress() + "]";
  }
}
