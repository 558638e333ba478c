package io.phalanx.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ResourceLeakDetector;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FramingTest {
  private static final int FRAME_BYTES_MAX = 64;

  private final List<FrameRejection> rejections = new ArrayList<>();

  @BeforeAll
  static void paranoidLeakDetection() {
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
  }

  private EmbeddedChannel channel() {
    EmbeddedChannel channel = new EmbeddedChannel();
    Framing.addTo(channel.pipeline(), FRAME_BYTES_MAX, rejections::add);
    return channel;
  }

  @Test
  void aValidStreamSplitAtEveryOffsetDecodesToTheSameFrames() throws IOException {
    List<byte[]> frames = sampleFrames();
    byte[] stream = encode(frames);
    for (int split = 0; split <= stream.length; split++) {
      EmbeddedChannel channel = channel();
      ByteBuf head = Unpooled.buffer(split).writeBytes(stream, 0, split);
      ByteBuf tail = Unpooled.buffer().writeBytes(stream, split, stream.length - split);
      channel.writeInbound(head);
      channel.writeInbound(tail);
      assertEquals(frames.size(), readAll(channel, frames), "split at " + split);
      assertFalse(channel.finishAndReleaseAll(), "split at " + split);
      assertEquals(0, head.refCnt() + tail.refCnt(), "split at " + split);
    }
    assertTrue(rejections.isEmpty(), rejections.toString());
  }

  @Test
  void aStreamFedOneByteAtATimeDecodesToTheSameFrames() throws IOException {
    List<byte[]> frames = sampleFrames();
    byte[] stream = encode(frames);
    EmbeddedChannel channel = channel();
    for (byte b : stream) {
      channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
    }
    assertEquals(frames.size(), readAll(channel, frames));
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void aFrameOfExactlyTheMaximumIsAccepted() throws IOException {
    List<byte[]> frames = List.of(new byte[FRAME_BYTES_MAX]);
    EmbeddedChannel channel = channel();
    channel.writeInbound(Unpooled.wrappedBuffer(encode(frames)));
    assertEquals(1, readAll(channel, frames));
    assertTrue(rejections.isEmpty());
    channel.finishAndReleaseAll();
  }

  @Test
  void anOversizedLengthPrefixClosesTheChannelWithoutWaitingForTheBody() {
    EmbeddedChannel channel = channel();
    ByteBuf prefix = Unpooled.buffer().writeInt(FRAME_BYTES_MAX + 1).writeBytes(new byte[10]);
    channel.writeInbound(prefix);
    assertNull(channel.readInbound());
    assertFalse(channel.isOpen());
    assertEquals(List.of(FrameRejection.TOO_LONG), rejections);
    assertEquals(0, prefix.refCnt());
  }

  @Test
  void aNegativeLengthPrefixReadsAsOversizedAndClosesTheChannel() {
    EmbeddedChannel channel = channel();
    channel.writeInbound(Unpooled.buffer().writeInt(-1).writeBytes(new byte[3]));
    assertNull(channel.readInbound());
    assertFalse(channel.isOpen());
    assertEquals(List.of(FrameRejection.TOO_LONG), rejections);
  }

  @Test
  void aTruncatedFrameYieldsNothingAndIsReportedWhenTheConnectionCloses() {
    EmbeddedChannel channel = channel();
    channel.writeInbound(Unpooled.buffer().writeInt(20).writeBytes(new byte[7]));
    assertNull(channel.readInbound());
    assertTrue(rejections.isEmpty());
    assertFalse(channel.finishAndReleaseAll());
    assertEquals(List.of(FrameRejection.TRUNCATED), rejections);
  }

  @Test
  void outboundBodiesGetABigEndianLengthPrefix() {
    EmbeddedChannel channel = channel();
    channel.writeOutbound(Unpooled.wrappedBuffer(new byte[] {7, 8, 9}));
    ByteBuf out = Unpooled.buffer();
    for (ByteBuf part; (part = channel.readOutbound()) != null; ) {
      out.writeBytes(part);
      part.release();
    }
    assertArrayEquals(new byte[] {0, 0, 0, 3, 7, 8, 9}, ByteBufUtil.getBytes(out));
    out.release();
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void aLoweredLimitRefusesLongerFramesAndCanBeRaisedBackToTheMaximum() throws IOException {
    EmbeddedChannel channel = channel();
    assertThrows(IllegalArgumentException.class,
        () -> Framing.limitFrameBytes(channel.pipeline(), FRAME_BYTES_MAX + 1));
    Framing.limitFrameBytes(channel.pipeline(), 5);
    List<byte[]> small = List.of(new byte[5]);
    channel.writeInbound(Unpooled.wrappedBuffer(encode(small)));
    assertEquals(1, readAll(channel, small));
    Framing.limitFrameBytes(channel.pipeline(), FRAME_BYTES_MAX);
    List<byte[]> large = List.of(new byte[FRAME_BYTES_MAX]);
    channel.writeInbound(Unpooled.wrappedBuffer(encode(large)));
    assertEquals(1, readAll(channel, large));
    Framing.limitFrameBytes(channel.pipeline(), 5);
    channel.writeInbound(Unpooled.buffer().writeInt(6));
    assertFalse(channel.isOpen());
    assertEquals(List.of(FrameRejection.TOO_LONG), rejections);
  }

  @Test
  void anImpossibleMaximumIsRefused() {
    EmbeddedChannel channel = new EmbeddedChannel();
    assertThrows(IllegalArgumentException.class,
        () -> Framing.addTo(channel.pipeline(), 0, rejections::add));
    assertThrows(IllegalArgumentException.class,
        () -> Framing.addTo(channel.pipeline(), Integer.MAX_VALUE, rejections::add));
  }

  private static int readAll(EmbeddedChannel channel, List<byte[]> expected) {
    int count = 0;
    for (ByteBuf frame; (frame = channel.readInbound()) != null; count++) {
      try {
        assertArrayEquals(expected.get(count), ByteBufUtil.getBytes(frame), "frame " + count);
      } finally {
        frame.release();
      }
    }
    return count;
  }

  private static List<byte[]> sampleFrames() {
    SplittableRandom random = new SplittableRandom(5);
    List<byte[]> frames = new ArrayList<>();
    frames.add(new byte[0]);
    for (int length : new int[] {1, 3, 4, 5, 17, FRAME_BYTES_MAX}) {
      byte[] frame = new byte[length];
      random.nextBytes(frame);
      frames.add(frame);
    }
    return frames;
  }

  private static byte[] encode(List<byte[]> frames) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    for (byte[] frame : frames) {
      out.writeInt(frame.length);
      out.write(frame);
    }
    return bytes.toByteArray();
  }
}
