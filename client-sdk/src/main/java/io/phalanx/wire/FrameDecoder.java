package io.phalanx.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Netty's {@link LengthFieldBasedFrameDecoder} for the frame format of {@link Framing}, which
 * also reports how a peer broke the format: an oversized length prefix closes the
 * connection at once (fail fast, nothing of the body is buffered), and a connection that closes
 * in the middle of a frame is reported as truncated. Emits each frame's body without its prefix.
 */
final class FrameDecoder extends LengthFieldBasedFrameDecoder {
  private final int frameBytesMax;
  private final FrameRejectionListener listener;
  private int frameBytesLimit;

  FrameDecoder(int frameBytesMax, FrameRejectionListener listener) {
    super(ByteOrder.BIG_ENDIAN, frameBytesMax + Framing.LENGTH_FIELD_BYTES, 0,
        Framing.LENGTH_FIELD_BYTES, 0, Framing.LENGTH_FIELD_BYTES, true);
    this.frameBytesMax = frameBytesMax;
    this.frameBytesLimit = frameBytesMax;
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Sets the largest body accepted from now on, at most the maximum. On the event loop. */
  void limit(int frameBytes) {
    if (frameBytes < 1 || frameBytes > frameBytesMax) {
      throw new IllegalArgumentException(
          "limit " + frameBytes + " is outside 1.." + frameBytesMax);
    }
    this.frameBytesLimit = frameBytes;
  }

  /** Refuses a frame above the current limit as soon as its prefix is readable. */
  @Override
  protected long getUnadjustedFrameLength(ByteBuf buf, int offset, int length, ByteOrder order) {
    long frameBytes = super.getUnadjustedFrameLength(buf, offset, length, order);
    if (frameBytes > frameBytesLimit) {
      throw new TooLongFrameException(
          "frame of " + frameBytes + " bytes, limit " + frameBytesLimit);
    }
    return frameBytes;
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
    if (cause instanceof TooLongFrameException || cause instanceof CorruptedFrameException) {
      reject(ctx, FrameRejection.TOO_LONG);
    } else {
      super.exceptionCaught(ctx, cause);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (actualReadableBytes() > 0) {
      listener.onFrameRejected(FrameRejection.TRUNCATED);
    }
    super.channelInactive(ctx);
  }

  private void reject(ChannelHandlerContext ctx, FrameRejection reason) {
    if (ctx.channel().isOpen()) {
      listener.onFrameRejected(reason);
      // Whatever the peer sent after a broken prefix is meaningless: drop it with the link.
      internalBuffer().skipBytes(actualReadableBytes());
      ctx.close();
    }
  }
}
