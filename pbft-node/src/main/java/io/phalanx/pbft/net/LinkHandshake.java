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
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates one replica link, then replaces itself with a {@link ReplicaFrameHandler}:
 *
 * <pre>
 * acceptor → dialler   opening  {challenge = cA}
 * dialler  → acceptor  proof    {challenge = cD, peer_challenge = binding(cA, acceptor)}, signed
 * acceptor → dialler   proof    {challenge = cA, peer_challenge = binding(cD, dialler)}, signed
 * </pre>
 *
 * The acceptor signs nothing before it has verified the dialler, so a stranger cannot use it to
 * sign for him; the dialler signs only on links it dialled to a configured peer address. Any
 * refusal, or no authentication within the timeout, closes the connection and is counted.
 * Owned by the channel's event loop; one per channel.
 *
 * <p>Nothing but hellos is read before authentication. The dialler sends data only after it
 * verified the acceptor's proof, which the acceptor sent only after verifying the dialler's; and
 * TCP keeps order, so the dialler reads the acceptor's proof before any of its data. No data
 * frame is ever delivered from a direction that has not been verified.
 */
final class LinkHandshake extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(LinkHandshake.class);

  private final LinkContext link;
  private final OptionalInt dialledPeer;
  private final LinkListener listener;
  private final int frameBytesMax;
  private final Bytes myChallenge;
  private Bytes acceptorChallenge;
  private ScheduledFuture<?> timeout;

  /**
   * @param dialledPeer the replica we dialled, or empty on a link a peer opened to us
   * @param frameBytesMax the frame limit restored once the link is authenticated
   */
  LinkHandshake(LinkContext link, OptionalInt dialledPeer, LinkListener listener,
      int frameBytesMax) {
    this.link = link;
    this.dialledPeer = dialledPeer;
    this.listener = listener;
    this.frameBytesMax = frameBytesMax;
    this.myChallenge = link.freshChallenge();
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    timeout = ctx.executor().schedule(() -> onTimeout(ctx), link.handshakeTimeoutMillis(),
        TimeUnit.MILLISECONDS);
    if (dialledPeer.isEmpty()) {
      write(ctx, link.hellos().openingFrame(myChallenge));
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
    if (!ctx.channel().isOpen()) {
      return;
    }
    if (dialledPeer.isEmpty()) {
      onDiallerProof(ctx, frame);
    } else if (acceptorChallenge == null) {
      onOpening(ctx, frame);
    } else {
      onAcceptorProof(ctx, frame);
    }
  }

  /** As acceptor: verify the dialler, then prove ourselves to it. */
  private void onDiallerProof(ChannelHandlerContext ctx, byte[] frame) {
    LinkHellos.Outcome outcome = link.hellos().readProof(frame, myChallenge);
    if (outcome.rejection().isPresent()) {
      reject(ctx, outcome.rejection().get());
      return;
    }
    LinkHellos.Hello dialler = outcome.hello().orElseThrow();
    if (!isCertifiedByTls(ctx, dialler.replica())) {
      reject(ctx, TransportCounter.HELLO_TLS_MISMATCH);
      return;
    }
    write(ctx, link.hellos().proofFrame(myChallenge, dialler.challenge(), dialler.replica()));
    onAuthenticated(ctx, dialler.replica());
  }

  /** As dialler: the acceptor's opening, answered with our proof. */
  private void onOpening(ChannelHandlerContext ctx, byte[] frame) {
    LinkHellos.Outcome outcome = link.hellos().readOpening(frame);
    if (outcome.rejection().isPresent()) {
      reject(ctx, outcome.rejection().get());
      return;
    }
    LinkHellos.Hello acceptor = outcome.hello().orElseThrow();
    if (acceptor.replica() != dialledPeer.getAsInt()) {
      reject(ctx, TransportCounter.HELLO_WRONG_PEER);
      return;
    }
    acceptorChallenge = acceptor.challenge();
    write(ctx, link.hellos().proofFrame(myChallenge, acceptorChallenge, acceptor.replica()));
  }

  /** As dialler: the acceptor's proof, over the challenge it opened with and ours. */
  private void onAcceptorProof(ChannelHandlerContext ctx, byte[] frame) {
    LinkHellos.Outcome outcome = link.hellos().readProof(frame, myChallenge);
    if (outcome.rejection().isPresent()) {
      reject(ctx, outcome.rejection().get());
      return;
    }
    LinkHellos.Hello acceptor = outcome.hello().orElseThrow();
    if (acceptor.replica() != dialledPeer.getAsInt()) {
      reject(ctx, TransportCounter.HELLO_WRONG_PEER);
    } else if (!acceptor.challenge().equals(acceptorChallenge)) {
      reject(ctx, TransportCounter.HELLO_MALFORMED);
    } else if (!isCertifiedByTls(ctx, acceptor.replica())) {
      reject(ctx, TransportCounter.HELLO_TLS_MISMATCH);
    } else {
      onAuthenticated(ctx, acceptor.replica());
    }
  }

  /** Without TLS, true; with TLS, whether the peer's certificate names {@code replica}. */
  private static boolean isCertifiedByTls(ChannelHandlerContext ctx, int replica) {
    SslHandler tls = ctx.pipeline().get(SslHandler.class);
    return tls == null || TlsIdentity.certifies(tls.engine().getSession(), replica);
  }

  private void onAuthenticated(ChannelHandlerContext ctx, int peer) {
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
