package io.phalanx.wire;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import java.util.Objects;

/**
 * Every socket option a Phalanx connection uses, set explicitly rather than left to Netty's or
 * the OS's defaults. Immutable; build with {@link #builder()}.
 *
 * <p>The write-buffer water marks bound what Netty buffers for one connection: once more than
 * the high mark is waiting, the channel reports itself unwritable and Phalanx stops writing to
 * it (queueing, then dropping, in its own bounded queues) until it drains below the low mark.
 */
public final class SocketSettings {
  private final int connectTimeoutMillis;
  private final int writeBufferLowBytes;
  private final int writeBufferHighBytes;
  private final int backlog;
  private final ByteBufAllocator allocator;

  private SocketSettings(Builder builder) {
    this.connectTimeoutMillis = builder.connectTimeoutMillis;
    this.writeBufferLowBytes = builder.writeBufferLowBytes;
    this.writeBufferHighBytes = builder.writeBufferHighBytes;
    this.backlog = builder.backlog;
    this.allocator = builder.allocator;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The defaults: 5 s connect timeout, water marks 256 KiB / 1 MiB, backlog 128, pooled buffers. */
  public static SocketSettings defaults() {
    return builder().build();
  }

  /** Sets every option on an outgoing connection's bootstrap. */
  public void applyTo(Bootstrap bootstrap) {
    bootstrap.option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.SO_KEEPALIVE, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
        .option(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark())
        .option(ChannelOption.ALLOCATOR, allocator)
        .option(ChannelOption.AUTO_READ, true);
  }

  /** Sets every option on a listener and on each connection it accepts. */
  public void applyTo(ServerBootstrap bootstrap) {
    bootstrap.option(ChannelOption.SO_BACKLOG, backlog)
        .option(ChannelOption.SO_REUSEADDR, true)
        .option(ChannelOption.ALLOCATOR, allocator)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.SO_KEEPALIVE, true)
        .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark())
        .childOption(ChannelOption.ALLOCATOR, allocator)
        .childOption(ChannelOption.AUTO_READ, true);
  }

  private WriteBufferWaterMark waterMark() {
    return new WriteBufferWaterMark(writeBufferLowBytes, writeBufferHighBytes);
  }

  public int connectTimeoutMillis() {
    return connectTimeoutMillis;
  }

  public int writeBufferLowBytes() {
    return writeBufferLowBytes;
  }

  public int writeBufferHighBytes() {
    return writeBufferHighBytes;
  }

  public ByteBufAllocator allocator() {
    return allocator;
  }

  @Override
  public String toString() {
    return "SocketSettings[connectTimeoutMillis=" + connectTimeoutMillis
        + ", writeBufferLowBytes=" + writeBufferLowBytes
        + ", writeBufferHighBytes=" + writeBufferHighBytes + ", backlog=" + backlog + "]";
  }

  /** A validating builder; {@link #build()} checks that the low mark is not above the high one. */
  public static final class Builder {
    private int connectTimeoutMillis = 5_000;
    private int writeBufferLowBytes = 256 * 1024;
    private int writeBufferHighBytes = 1024 * 1024;
    private int backlog = 128;
    private ByteBufAllocator allocator = PooledByteBufAllocator.DEFAULT;

    private Builder() {}

    public Builder connectTimeoutMillis(int millis) {
      this.connectTimeoutMillis = positive(millis, "connectTimeoutMillis");
      return this;
    }

    public Builder writeBufferWaterMarks(int lowBytes, int highBytes) {
      this.writeBufferLowBytes = positive(lowBytes, "lowBytes");
      this.writeBufferHighBytes = positive(highBytes, "highBytes");
      return this;
    }

    public Builder backlog(int backlog) {
      this.backlog = positive(backlog, "backlog");
      return this;
    }

    public Builder allocator(ByteBufAllocator allocator) {
      this.allocator = Objects.requireNonNull(allocator, "allocator");
      return this;
    }

    public SocketSettings build() {
      if (writeBufferLowBytes > writeBufferHighBytes) {
        throw new IllegalArgumentException("write buffer low water mark " + writeBufferLowBytes
            + " is above the high water mark " + writeBufferHighBytes);
      }
      return new SocketSettings(this);
    }

    private static int positive(int value, String name) {
      if (value <= 0) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
      return value;
    }
  }
}
