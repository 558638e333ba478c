package io.phalanx.wire;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LengthFieldPrepender;
import java.util.Objects;

/**
 * The frame format every Phalanx connection speaks: a 4-byte big-endian length, then that many
 * bytes holding one serialised {@code SignedEnvelope}. The length counts the body only and may
 * not exceed the receiver's configured maximum; a receiver closes a connection that announces
 * more, sends a negative length, or ends inside a frame.
 *
 * <p>After {@link #addTo}, the pipeline reads body {@code ByteBuf}s (the handler that reads them
 * must release them) and writes body {@code ByteBuf}s, which get their prefix on the way out.
 */
public final class Framing {
  public static final int LENGTH_FIELD_BYTES = 4;
  /** The default largest frame body: 4 MiB. */
  public static final int DEFAULT_FRAME_BYTES_MAX = 4 * 1024 * 1024;
  public static final String DECODER_NAME = "frame-decoder";
  public static final String PREPENDER_NAME = "frame-prepender";

  private Framing() {}

  /**
   * Adds the frame decoder and the length prepender at the end of {@code pipeline}.
   *
   * @param frameBytesMax the largest frame body accepted, 1 ≤ max ≤ 2^31 − 5
   * @param listener told (on the event loop) of every broken frame; the connection is closed
   */
  public static void addTo(ChannelPipeline pipeline, int frameBytesMax,
      FrameRejectionListener listener) {
    Objects.requireNonNull(pipeline, "pipeline");
    checkFrameBytesMax(frameBytesMax);
    pipeline.addLast(DECODER_NAME, new FrameDecoder(frameBytesMax, listener));
    pipeline.addLast(PREPENDER_NAME, new LengthFieldPrepender(LENGTH_FIELD_BYTES));
  }

  /**
   * Lowers (or raises again, up to the maximum given to {@link #addTo}) the largest frame body
   * {@code pipeline} accepts from now on; a longer prefix is a {@link FrameRejection#TOO_LONG}.
   * For example a link that has not authenticated yet needs only small frames. Call it on the
   * channel's event loop.
   */
  public static void limitFrameBytes(ChannelPipeline pipeline, int frameBytes) {
    FrameDecoder decoder = (FrameDecoder) pipeline.get(DECODER_NAME);
    if (decoder == null) {
      throw new IllegalStateException("no frame decoder in the pipeline: call addTo first");
    }
    decoder.limit(frameBytes);
  }

  /** Returns {@code frameBytesMax} if it is a usable maximum, else throws. */
  public static int checkFrameBytesMax(int frameBytesMax) {
    if (frameBytesMax < 1 || frameBytesMax > Integer.MAX_VALUE - LENGTH_FIELD_BYTES) {
      throw new IllegalArgumentException("frameBytesMax out of range: " + frameBytesMax);
    }
    return frameBytesMax;
  }
}
