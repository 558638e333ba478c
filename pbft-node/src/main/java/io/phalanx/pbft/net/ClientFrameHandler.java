package io.phalanx.pbft.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.phalanx.wire.ReasonCounter;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads frames from one client connection and hands copies off the event loop. Refuses the
 * connection when the listener already holds its maximum of client connections, and closes it
 * when it has sent nothing for the idle timeout.
 */
final class ClientFrameHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(ClientFrameHandler.class);

  private final ClientChannel client;
  private final InboundDispatch dispatch;
  private final AtomicInteger openConnections;
  private final int connectionsMax;
  private final ReasonCounter<TransportCounter> counters;
  private final InboundBudget budget;
  private boolean counted;

  ClientFrameHandler(ClientChannel client, InboundDispatch dispatch, AtomicInteger openConnections,
      int connectionsMax, ReasonCounter<TransportCounter> counters, InboundBudget budget) {
    this.client = client;
    this.dispatch = dispatch;
    this.openConnections = openConnections;
    this.connectionsMax = connectionsMax;
    this.counters = counters;
    this.budget = budget;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    counted = true;
    if (openConnections.incrementAndGet() > connectionsMax) {
      counters.increment(TransportCounter.CLIENT_CONNECTIONS_FULL);
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
      dispatch.onClientFrame(client, frame, budget);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof IdleStateEvent && ctx.channel().isOpen()) {
      counters.increment(TransportCounter.CLIENT_IDLE_CLOSED);
      LOG.debug("client connection idle, closing remote={}", ctx.channel().remoteAddress());
      ctx.close();
      return;
    }
    super.userEventTriggered(ctx, event);
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
