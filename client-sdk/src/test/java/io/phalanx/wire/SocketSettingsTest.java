package io.phalanx.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SocketSettingsTest {
  @Test
  void everyOptionIsSetExplicitlyOnABootstrap() {
    SocketSettings settings = SocketSettings.builder().connectTimeoutMillis(1234)
        .writeBufferWaterMarks(10, 20).allocator(UnpooledByteBufAllocator.DEFAULT).build();
    Bootstrap bootstrap = new Bootstrap();
    settings.applyTo(bootstrap);
    Map<ChannelOption<?>, Object> options = bootstrap.config().options();
    assertEquals(true, options.get(ChannelOption.TCP_NODELAY));
    assertEquals(true, options.get(ChannelOption.SO_KEEPALIVE));
    assertEquals(1234, options.get(ChannelOption.CONNECT_TIMEOUT_MILLIS));
    WriteBufferWaterMark marks = (WriteBufferWaterMark) options.get(
        ChannelOption.WRITE_BUFFER_WATER_MARK);
    assertEquals(10, marks.low());
    assertEquals(20, marks.high());
    assertEquals(UnpooledByteBufAllocator.DEFAULT, options.get(ChannelOption.ALLOCATOR));
  }

  @Test
  void aLowMarkAboveTheHighMarkIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> SocketSettings.builder().writeBufferWaterMarks(30, 20).build());
    assertThrows(IllegalArgumentException.class,
        () -> SocketSettings.builder().connectTimeoutMillis(0));
  }
}
