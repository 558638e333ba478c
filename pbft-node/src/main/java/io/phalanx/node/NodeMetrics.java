package io.phalanx.node;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** The node's Micrometer meters, served as Prometheus text on {@code /metrics}. */
final class NodeMetrics {
  private final Counter committedRequests;
  private final Counter blocks;
  private final Counter queries;
  private final Counter viewChanges;
  private final Counter inboundDropped;
  private final DistributionSummary batchSize;
  private final Timer blockApply;
  private final Timer logWrite;

  NodeMetrics(MeterRegistry registry) {
    committedRequests = Counter.builder("phalanx.committed.requests")
        .description("client requests executed in committed batches").register(registry);
    blocks = Counter.builder("phalanx.blocks").description("blocks applied").register(registry);
    queries = Counter.builder("phalanx.queries").description("read-only queries answered")
        .register(registry);
    viewChanges = Counter.builder("phalanx.view.changes").description("views entered after view 0")
        .register(registry);
    inboundDropped = Counter.builder("phalanx.inbound.dropped")
        .description("inputs dropped because the consensus queue was full").register(registry);
    batchSize = DistributionSummary.builder("phalanx.batch.size").description("requests per block")
        .publishPercentiles(0.5, 0.99).register(registry);
    blockApply = Timer.builder("phalanx.block.apply").description("time to apply one block")
        .publishPercentiles(0.5, 0.99).register(registry);
    logWrite = Timer.builder("phalanx.log.write").description("one synced replica-log write")
        .publishPercentiles(0.5, 0.99).register(registry);
  }

  void recordBlock(int requests, long nanos) {
    blocks.increment();
    committedRequests.increment(requests);
    batchSize.record(requests);
    blockApply.record(nanos, TimeUnit.NANOSECONDS);
  }

  void recordLogWrite(long nanos) {
    logWrite.record(nanos, TimeUnit.NANOSECONDS);
  }

  Counter queries() {
    return queries;
  }

  Counter viewChanges() {
    return viewChanges;
  }

  Counter inboundDropped() {
    return inboundDropped;
  }
}
