package io.phalanx.pbft.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads frames from an authenticated replica link: copies each out of its buffer, releases the
 * buffer, and hands the copy off the event loop. No parsing, no verification here.
 */
final class ReplicaFrameHandler extends ChannelInboundHandlerAdapter {
  static final String NAME = "replica-frames";
  private static final Logger LOG = LoggerFactory.getLogger(ReplicaFrameHandler.class);

  private final int peer;
  private final LinkContext link;
  private final LinkListener listener;
  private final InboundBudget budget;

  ReplicaFrameHandler(int peer, LinkContext link, LinkListener listener, InboundBudget budget) {
    this.peer = peer;
    this.link = link;
    this.listener = listener;
    this.budget = budget;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    byte[] frame;
    try {
      frame = ByteBufUtil.getBytes((ByteBuf) msg);
    } finally {
      ReferenceCountUtil.release(msg);
    }
    link.dispatch().onReplicaFrame(peer, frame, budget);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    listener.onWritabilityChanged(ctx.channel());
    super.channelWritabilityChanged(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("replica={} peer={} link failed remote={}", link.self(), peer,
        ctx.channel().remoteAddress(), cause);
    ctx.close();
  }
}
