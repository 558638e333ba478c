package io.phalanx.pbft.net;

import io.netty.channel.Channel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many of one connection's frames may wait in the shared inbound executor: at the bound the
 * connection stops reading (its sender's TCP window closes, so it queues on its own side), and
 * it reads again once half have been handled. One flooding peer then holds at most the bound
 * plus one socket read of frames in the executor and cannot crowd the others out of it.
 * {@link #onSubmitted} runs on the connection's event loop, {@link #onHandled} on any thread.
 */
final class InboundBudget {
  private final Channel channel;
  private final int inFlightMax;
  private final AtomicInteger inFlight = new AtomicInteger();

  InboundBudget(Channel channel, int inFlightMax) {
    this.channel = channel;
    this.inFlightMax = inFlightMax;
  }

  void onSubmitted() {
    if (inFlight.incrementAndGet() >= inFlightMax && channel.config().isAutoRead()) {
      channel.config().setAutoRead(false);
      resumeIfCaughtUp();  // the executor may have handled them all while we were pausing
    }
  }

  void onHandled() {
    inFlight.decrementAndGet();
    resumeIfCaughtUp();
  }

  private void resumeIfCaughtUp() {
    if (inFlight.get() <= inFlightMax / 2 && !channel.config().isAutoRead()) {
      channel.config().setAutoRead(true);
    }
  }

  int inFlight() {
    return inFlight.get();
  }
}
