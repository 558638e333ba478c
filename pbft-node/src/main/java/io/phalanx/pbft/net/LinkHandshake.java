package io.phalanx.pbft.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.phalanx.crypto.Bytes;
import io.phalanx.wire.Framing;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates one replica link, then replaces itself with a {@link ReplicaFrameHandler}.
 * Runs the same on both ends: send a challenge; on the peer's challenge, send the proof; on the
 * peer's valid proof, the link is authenticated. Any refusal, or no proof within the timeout,
 * closes the connection and is counted. Owned by the channel's event loop; one per channel.
 *
 * <p>Nothing but the two hellos is read before authentication; TCP's order means that a peer
 * reads our proof before anything we send after it, so no data frame is ever delivered from a
 * direction that has not been verified.
 */
final class LinkHandshake extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(LinkHandshake.class);

  private final LinkContext link;
  private final OptionalInt expectedPeer;
  private final LinkListener listener;
  private final int frameBytesMax;
  private final Bytes myChallenge;
  private LinkHellos.Challenge peerChallenge;
  private ScheduledFuture<?> timeout;

  /**
   * @param expectedPeer the replica we dialled, or empty on a link a peer opened to us
   * @param frameBytesMax the frame limit restored once the link is authenticated
   */
  LinkHandshake(LinkContext link, OptionalInt expectedPeer, LinkListener listener,
      int frameBytesMax) {
    this.link = link;
    this.expectedPeer = expectedPeer;
    this.listener = listener;
    this.frameBytesMax = frameBytesMax;
    this.myChallenge = link.freshChallenge();
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    timeout = ctx.executor().schedule(() -> onTimeout(ctx), link.handshakeTimeoutMillis(),
        TimeUnit.MILLISECONDS);
    write(ctx, link.hellos().challengeFrame(myChallenge));
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
    if (!ctx.channel().isOpen()) {
      return;
    }
    if (peerChallenge == null) {
      onChallenge(ctx, frame);
    } else {
      onProof(ctx, frame);
    }
  }

  private void onChallenge(ChannelHandlerContext ctx, byte[] frame) {
    LinkHellos.ChallengeOutcome outcome = link.hellos().readChallenge(frame);
    if (outcome.rejection().isPresent()) {
      reject(ctx, outcome.rejection().get());
      return;
    }
    LinkHellos.Challenge challenge = outcome.challenge().orElseThrow();
    if (expectedPeer.isPresent() && expectedPeer.getAsInt() != challenge.replica()) {
      reject(ctx, TransportCounter.HELLO_WRONG_PEER);
      return;
    }
    peerChallenge = challenge;
    write(ctx, link.hellos().proofFrame(myChallenge, challenge.challenge()));
  }

  private void onProof(ChannelHandlerContext ctx, byte[] frame) {
    Optional<TransportCounter> rejection = link.hellos().readProof(frame, peerChallenge, myChallenge);
    if (rejection.isPresent()) {
      reject(ctx, rejection.get());
      return;
    }
    int peer = peerChallenge.replica();
    SslHandler tls = ctx.pipeline().get(SslHandler.class);
    if (tls != null && !TlsIdentity.certifies(tls.engine().getSession(), peer)) {
      reject(ctx, TransportCounter.HELLO_TLS_MISMATCH);
      return;
    }
    timeout.cancel(false);
    Framing.limitFrameBytes(ctx.pipeline(), frameBytesMax);
    ctx.pipeline().replace(this, ReplicaFrameHandler.NAME,
        new ReplicaFrameHandler(peer, link, listener,
            new InboundBudget(ctx.channel(), link.inboundFramesInFlightMax())));
    link.counters().increment(TransportCounter.LINK_AUTHENTICATED);
    LOG.debug("replica={} peer={} link authenticated remote={}", link.self(), peer,
        ctx.channel().remoteAddress());
    listener.onAuthenticated(ctx.channel(), peer);
  }

  private void onTimeout(ChannelHandlerContext ctx) {
    if (ctx.channel().isOpen()) {
      reject(ctx, TransportCounter.HELLO_TIMEOUT);
    }
  }

  private void reject(ChannelHandlerContext ctx, TransportCounter reason) {
    link.counters().increment(reason);
    LOG.debug("replica={} link refused reason={} remote={}", link.self(), reason,
        ctx.channel().remoteAddress());
    ctx.close();
  }

  private static void write(ChannelHandlerContext ctx, byte[] frame) {
    ctx.writeAndFlush(Unpooled.wrappedBuffer(frame), ctx.voidPromise());
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof SslHandshakeCompletionEvent done && !done.isSuccess()) {
      LOG.debug("replica={} TLS handshake failed remote={}: {}", link.self(),
          ctx.channel().remoteAddress(), done.cause().toString());
      reject(ctx, TransportCounter.TLS_HANDSHAKE_FAILED);
    }
    super.userEventTriggered(ctx, event);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (timeout != null) {
      timeout.cancel(false);
    }
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("replica={} link failed while authenticating remote={}", link.self(),
        ctx.channel().remoteAddress(), cause);
    ctx.close();
  }
}
