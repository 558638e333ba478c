package io.phalanx.pbft.net;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The messages waiting for one peer, bounded both in count and in bytes. Any thread may offer;
 * only the peer link's event loop polls. An offer beyond either bound is refused, so a slow or
 * dead peer costs at most the bound.
 */
final class OutboundQueue {
  private final int messagesMax;
  private final long bytesMax;
  private final Queue<byte[]> frames = new ConcurrentLinkedQueue<>();
  private final AtomicInteger messages = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();

  OutboundQueue(int messagesMax, long bytesMax) {
    this.messagesMax = messagesMax;
    this.bytesMax = bytesMax;
  }

  /** Queues {@code frame} unless that would pass a bound; false if it was refused. */
  boolean offer(byte[] frame) {
    if (messages.incrementAndGet() > messagesMax) {
      messages.decrementAndGet();
      return false;
    }
    if (bytes.addAndGet(frame.length) > bytesMax) {
      bytes.addAndGet(-frame.length);
      messages.decrementAndGet();
      return false;
    }
    frames.add(frame);
    return true;
  }

  /** The oldest queued frame, or null. */
  byte[] poll() {
    byte[] frame = frames.poll();
    if (frame != null) {
      bytes.addAndGet(-frame.length);
      messages.decrementAndGet();
    }
    return frame;
  }

  void clear() {
    while (poll() != null) {
      // drained
    }
  }

  int messages() {
    return messages.get();
  }

  long bytes() {
    return bytes.get();
  }
}
