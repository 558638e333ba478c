package io.phalanx.pbft.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads frames from one client connection and hands copies off the event loop. Refuses the
 * connection when the listener already holds its maximum of client connections.
 */
final class ClientFrameHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(ClientFrameHandler.class);

  private final ClientChannel client;
  private final InboundDispatch dispatch;
  private final AtomicInteger openConnections;
  private final int connectionsMax;
  private final Runnable onRefused;
  private boolean counted;

  ClientFrameHandler(ClientChannel client, InboundDispatch dispatch, AtomicInteger openConnections,
      int connectionsMax, Runnable onRefused) {
    this.client = client;
    this.dispatch = dispatch;
    this.openConnections = openConnections;
    this.connectionsMax = connectionsMax;
    this.onRefused = onRefused;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    counted = true;
    if (openConnections.incrementAndGet() > connectionsMax) {
      onRefused.run();
      ctx.close();
      return;
    }
    super.channelActive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    byte[] frame;
    try {
      frame = ByteBufUtil.getBytes((ByteBuf) msg);
    } finally {
      ReferenceCountUtil.release(msg);
    }
    if (ctx.channel().isOpen()) {
      dispatch.onClientFrame(client, frame);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (counted) {
      openConnections.decrementAndGet();
    }
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("client connection failed remote={}", ctx.channel().remoteAddress(), cause);
    ctx.close();
  }
}
