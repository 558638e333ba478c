package io.phalanx.pbft.net;

import io.phalanx.wire.ReasonCounter;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Moves received frames off the event loop: each becomes one task on the inbound executor,
 * which calls the {@link InboundHandler}. The executor should be bounded; when it refuses a
 * task the frame is dropped and counted, never buffered here. Each connection's share of the
 * executor is bounded by its {@link InboundBudget}.
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

  /** On the link's event loop. */
  void onReplicaFrame(int replica, byte[] frame, InboundBudget budget) {
    if (submit(() -> handler.onReplicaEnvelope(replica, frame), budget)) {
      counters.increment(TransportCounter.REPLICA_FRAME_RECEIVED);
    }
  }

  /** On the client connection's event loop. */
  void onClientFrame(ClientChannel channel, byte[] frame, InboundBudget budget) {
    if (submit(() -> handler.onClientEnvelope(channel, frame), budget)) {
      counters.increment(TransportCounter.CLIENT_FRAME_RECEIVED);
    }
  }

  private boolean submit(Runnable task, InboundBudget budget) {
    budget.onSubmitted();
    try {
      executor.execute(() -> {
        try {
          task.run();
        } finally {
          budget.onHandled();
        }
      });
      return true;
    } catch (RejectedExecutionException full) {
      budget.onHandled();
      counters.increment(TransportCounter.INBOUND_DROPPED);
      return false;
    }
  }
}
