package io.phalanx.pbft.net;

import io.phalanx.wire.ReasonCounter;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Moves received frames off the event loop: each becomes one task on the inbound executor,
 * which calls the {@link InboundHandler}. The executor should be bounded; when it refuses a
 * task the frame is dropped and counted, never buffered here.
 */
final class InboundDispatch {
  private final Executor executor;
  private final InboundHandler handler;
  private final ReasonCounter<TransportCounter> counters;

  InboundDispatch(Executor executor, InboundHandler handler,
      ReasonCounter<TransportCounter> counters) {
    this.executor = executor;
    this.handler = handler;
    this.counters = counters;
  }

  void onReplicaFrame(int replica, byte[] frame) {
    if (submit(() -> handler.onReplicaEnvelope(replica, frame))) {
      counters.increment(TransportCounter.REPLICA_FRAME_RECEIVED);
    }
  }

  void onClientFrame(ClientChannel channel, byte[] frame) {
    if (submit(() -> handler.onClientEnvelope(channel, frame))) {
      counters.increment(TransportCounter.CLIENT_FRAME_RECEIVED);
    }
  }

  private boolean submit(Runnable task) {
    try {
      executor.execute(task);
      return true;
    } catch (RejectedExecutionException full) {
      counters.increment(TransportCounter.INBOUND_DROPPED);
      return false;
    }
  }
}
