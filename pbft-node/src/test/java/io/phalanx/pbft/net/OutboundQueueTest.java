package io.phalanx.pbft.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OutboundQueueTest {
  @Test
  void refusesBeyondTheMessageBoundAndTakesAgainOnceDrained() {
    OutboundQueue queue = new OutboundQueue(2, 1_000);
    assertTrue(queue.offer(new byte[] {1}));
    assertTrue(queue.offer(new byte[] {2}));
    assertFalse(queue.offer(new byte[] {3}));
    assertArrayEquals(new byte[] {1}, queue.poll());
    assertTrue(queue.offer(new byte[] {4}));
    assertEquals(2, queue.messages());
    assertEquals(2, queue.bytes());
  }

  @Test
  void refusesBeyondTheByteBoundWithoutCountingTheRefusedMessage() {
    OutboundQueue queue = new OutboundQueue(100, 10);
    assertTrue(queue.offer(new byte[6]));
    assertFalse(queue.offer(new byte[5]));
    assertTrue(queue.offer(new byte[4]));
    assertEquals(2, queue.messages());
    assertEquals(10, queue.bytes());
    queue.clear();
    assertEquals(0, queue.messages());
    assertEquals(0, queue.bytes());
    assertNull(queue.poll());
  }
}
