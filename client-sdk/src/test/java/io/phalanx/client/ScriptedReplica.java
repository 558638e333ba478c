package io.phalanx.client;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.wire.Framing;
import io.phalanx.wire.SocketSettings;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * A replica's client listener for tests: real Netty on loopback, the real frame format. It hands
 * every frame to the cluster script and sends back whatever the script tells it to.
 */
final class ScriptedReplica implements AutoCloseable {
  private final int index;
  private final SigningKeyPair key;
  private final EventLoopGroup group;
  private final BiConsumer<Integer, byte[]> onFrame;
  private final ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final AtomicInteger connections = new AtomicInteger();
  private Channel server;
  private int port;

  ScriptedReplica(int index, SigningKeyPair key, EventLoopGroup group,
      BiConsumer<Integer, byte[]> onFrame) {
    this.index = index;
    this.key = key;
    this.group = group;
    this.onFrame = onFrame;
  }

  /** Listens on {@code port} (0 for any free port). */
  void start(int port) {
    ServerBootstrap bootstrap = new ServerBootstrap().group(group)
        .channel(NioServerSocketChannel.class);
    SocketSettings.defaults().applyTo(bootstrap);
    bootstrap.childHandler(new ChannelInitializer<SocketChannel>() {
      @Override
      protected void initChannel(SocketChannel channel) {
        connections.incrementAndGet();
        clients.add(channel);
        Framing.addTo(channel.pipeline(), Framing.DEFAULT_FRAME_BYTES_MAX, reason -> { });
        channel.pipeline().addLast(new SimpleChannelInboundHandler<ByteBuf>() {
          @Override
          protected void channelRead0(ChannelHandlerContext context, ByteBuf frame) {
            onFrame.accept(index, ByteBufUtil.getBytes(frame));
          }
        });
      }
    });
    server = bootstrap.bind(new InetSocketAddress("127.0.0.1", port)).syncUninterruptibly()
        .channel();
    this.port = ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** Closes the listener and every client connection; {@link #start} may follow. */
  void stop() {
    if (server != null) {
      server.close().syncUninterruptibly();
      server = null;
    }
    clients.close().awaitUninterruptibly();
  }

  /** Closes every client connection; the listener stays, so clients can dial back. */
  void disconnectClients() {
    clients.close().awaitUninterruptibly();
  }

  /** Sends a frame to every connected client. */
  void send(byte[] frame) {
    clients.writeAndFlush(Unpooled.wrappedBuffer(frame));
  }

  int index() {
    return index;
  }

  SigningKeyPair key() {
    return key;
  }

  int port() {
    return port;
  }

  int connections() {
    return connections.get();
  }

  @Override
  public void close() {
    stop();
  }
}
