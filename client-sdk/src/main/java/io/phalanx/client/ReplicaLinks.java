package io.phalanx.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.phalanx.config.NetworkSettings;
import io.phalanx.wire.Framing;
import io.phalanx.wire.SocketSettings;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection per replica's client listener, redialled with exponential back-off and
 * jitter whenever it fails or closes. Frames go out through {@link Framing}; every frame that
 * comes in is copied, released and handed to {@link Inbound} on the Netty thread, which must
 * only pass it on (the client's protocol thread does the rest).
 *
 * <p>While a link is down, the last {@link #BACKLOG_MAX} frames for it wait and are flushed on
 * connect; older ones are dropped (the client resends on its own timer anyway). Thread-safe.
 */
final class ReplicaLinks implements AutoCloseable {
  static final int BACKLOG_MAX = 64;

  /** Receives each frame; called on a Netty event loop. */
  @FunctionalInterface
  interface Inbound {
    void onFrame(int replica, byte[] frame);
  }

  private static final Logger LOG = LoggerFactory.getLogger(ReplicaLinks.class);

  private final EventLoopGroup group;
  private final List<Link> links = new ArrayList<>();
  private final NetworkSettings network;
  private volatile boolean closed;

  ReplicaLinks(List<InetSocketAddress> addresses, NetworkSettings network, SocketSettings socket,
      Inbound inbound) {
    this.network = network;
    this.group = new NioEventLoopGroup(1, new DefaultThreadFactory("phalanx-client-io", true));
    for (int replica = 0; replica < addresses.size(); replica++) {
      links.add(new Link(replica, addresses.get(replica), bootstrap(replica, socket, inbound)));
    }
  }

  private Bootstrap bootstrap(int replica, SocketSettings socket, Inbound inbound) {
    Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class);
    socket.applyTo(bootstrap);
    return bootstrap.handler(new ChannelInitializer<SocketChannel>() {
      @Override
      protected void initChannel(SocketChannel channel) {
        Framing.addTo(channel.pipeline(), network.frameBytesMax(),
            reason -> LOG.debug("replica={} broke the frame format: {}", replica, reason));
        channel.pipeline().addLast("replies", new SimpleChannelInboundHandler<ByteBuf>() {
          @Override
          protected void channelRead0(ChannelHandlerContext context, ByteBuf frame) {
            inbound.onFrame(replica, ByteBufUtil.getBytes(frame));
          }

          @Override
          public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            LOG.debug("replica={} connection failed: {}", replica, cause.toString());
            context.close();
          }
        });
      }
    });
  }

  void start() {
    links.forEach(Link::connect);
  }

  int size() {
    return links.size();
  }

  void send(int replica, byte[] frame) {
    links.get(replica).send(frame);
  }

  void sendToAll(byte[] frame) {
    links.forEach(link -> link.send(frame));
  }

  boolean isConnected(int replica) {
    Channel channel = links.get(replica).channel;
    return channel != null && channel.isActive();
  }

  @Override
  public void close() {
    closed = true;
    links.forEach(Link::close);
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  /** The connection to one replica. */
  private final class Link {
    private final int replica;
    private final InetSocketAddress address;
    private final Bootstrap bootstrap;
    private final ArrayDeque<byte[]> backlog = new ArrayDeque<>();
    private volatile Channel channel;
    private int failures;

    Link(int replica, InetSocketAddress address, Bootstrap bootstrap) {
      this.replica = replica;
      this.address = address;
      this.bootstrap = bootstrap;
    }

    void connect() {
      if (closed) {
        return;
      }
      ChannelFuture connecting = bootstrap.connect(address);
      connecting.addListener(done -> {
        if (done.isSuccess()) {
          onConnected(connecting.channel());
        } else {
          LOG.debug("replica={} connect to {} failed: {}", replica, address, done.cause());
          reconnectLater();
        }
      });
    }

    private void onConnected(Channel connected) {
      LOG.debug("replica={} connected to {}", replica, address);
      synchronized (this) {
        failures = 0;
        channel = connected;
        while (!backlog.isEmpty()) {
          write(connected, backlog.poll());
        }
      }
      connected.closeFuture().addListener(ignored -> {
        LOG.debug("replica={} connection to {} closed", replica, address);
        channel = null;
        reconnectLater();
      });
    }

    private void reconnectLater() {
      if (closed) {
        return;
      }
      long delay;
      synchronized (this) {
        failures = Math.min(failures + 1, 30);
        long ceiling = Math.min((long) network.reconnectDelayMillisMax(),
            (long) network.reconnectDelayMillisMin() << (failures - 1));
        delay = ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
      }
      group.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    void send(byte[] frame) {
      Channel current = channel;
      if (current != null && current.isActive()) {
        write(current, frame);
        return;
      }
      synchronized (this) {
        Channel connected = channel;
        if (connected != null && connected.isActive()) {
          write(connected, frame);
          return;
        }
        if (backlog.size() == BACKLOG_MAX) {
          backlog.poll();
        }
        backlog.add(frame);
      }
    }

    private void write(Channel target, byte[] frame) {
      if (target.isWritable()) {
        target.writeAndFlush(Unpooled.wrappedBuffer(frame), target.voidPromise());
      } else {
        LOG.debug("replica={} is not reading; frame dropped", replica);
      }
    }

    void close() {
      Channel current = channel;
      if (current != null) {
        current.close();
      }
    }
  }
}
