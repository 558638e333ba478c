package io.phalanx.pbft.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.phalanx.wire.ReasonCounter;
import java.net.InetSocketAddress;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our outgoing link to one peer: dials it, authenticates, redials with back-off whenever the
 * link fails or closes, and sends what {@link #send} queued, only while the link is
 * authenticated and the channel writable. All state but the queue is owned by one event loop.
 */
final class PeerLink implements LinkListener {
  private static final Logger LOG = LoggerFactory.getLogger(PeerLink.class);

  private final int peer;
  private final InetSocketAddress address;
  private final EventLoop loop;
  private final Bootstrap bootstrap;
  private final OutboundQueue queue;
  private final Backoff backoff;
  private final ReasonCounter<TransportCounter> counters;
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private volatile Channel authenticated;
  private volatile boolean stopped;
  private volatile int failures;

  PeerLink(int peer, InetSocketAddress address, EventLoop loop, Bootstrap template,
      LinkPipeline pipeline, OutboundQueue queue, Backoff backoff,
      ReasonCounter<TransportCounter> counters) {
    this.peer = peer;
    this.address = address;
    this.loop = loop;
    this.queue = queue;
    this.backoff = backoff;
    this.counters = counters;
    this.bootstrap = template.clone(loop).remoteAddress(address)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            pipeline.configure(channel, OptionalInt.of(peer), PeerLink.this);
          }
        });
  }

  /** Sets up a replica link's pipeline: framing, then the handshake. */
  @FunctionalInterface
  interface LinkPipeline {
    void configure(Channel channel, OptionalInt expectedPeer, LinkListener listener);
  }

  void start() {
    loop.execute(this::connect);
  }

  private void connect() {
    if (stopped) {
      return;
    }
    counters.increment(TransportCounter.CONNECT_ATTEMPT);
    ChannelFuture connecting = bootstrap.connect();
    connecting.addListener((ChannelFuture done) -> {
      if (!done.isSuccess()) {
        counters.increment(TransportCounter.CONNECT_FAILED);
        LOG.debug("peer={} connect to {} failed: {}", peer, address, done.cause().toString());
        reconnectLater();
      } else {
        done.channel().closeFuture().addListener(closed -> onClosed(done.channel()));
      }
    });
  }

  private void onClosed(Channel channel) {
    if (authenticated == channel) {
      authenticated = null;
      LOG.debug("peer={} link to {} closed", peer, address);
    }
    reconnectLater();
  }

  private void reconnectLater() {
    if (stopped) {
      return;
    }
    failures++;
    long delayMillis = backoff.delayMillis(failures);
    loop.schedule(this::connect, delayMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void onAuthenticated(Channel channel, int replica) {
    failures = 0;
    authenticated = channel;
    if (stopped) {
      channel.close();
      return;
    }
    drain();
  }

  @Override
  public void onWritabilityChanged(Channel channel) {
    drain();
  }

  /** Queues a frame; returns false (and counts) when the peer's queue is at its bound. */
  boolean send(byte[] frame) {
    if (!queue.offer(frame)) {
      counters.increment(TransportCounter.OUTBOUND_QUEUE_FULL);
      return false;
    }
    if (authenticated != null && drainScheduled.compareAndSet(false, true)) {
      loop.execute(this::drain);
    }
    return true;
  }

  /** Writes queued frames while the authenticated channel is writable. On the event loop. */
  private void drain() {
    drainScheduled.set(false);
    Channel channel = authenticated;
    if (channel == null || !channel.isActive()) {
      return;
    }
    boolean wrote = false;
    while (channel.isWritable()) {
      byte[] frame = queue.poll();
      if (frame == null) {
        break;
      }
      channel.write(channel.alloc().buffer(frame.length).writeBytes(frame), channel.voidPromise());
      wrote = true;
    }
    if (wrote) {
      channel.flush();
    }
  }

  void stop() {
    stopped = true;
    Channel channel = authenticated;
    if (channel != null) {
      channel.close();
    }
    queue.clear();
  }

  int peer() {
    return peer;
  }

  boolean isAuthenticated() {
    Channel channel = authenticated;
    return channel != null && channel.isActive();
  }

  boolean isWritable() {
    Channel channel = authenticated;
    return channel != null && channel.isWritable();
  }

  long socketBufferedBytes() {
    Channel channel = authenticated;
    ChannelOutboundBuffer buffer = channel == null ? null : channel.unsafe().outboundBuffer();
    return buffer == null ? 0 : buffer.totalPendingWriteBytes();
  }

  int queuedMessages() {
    return queue.messages();
  }

  long queuedBytes() {
    return queue.bytes();
  }

  int consecutiveFailures() {
    return failures;
  }
}
