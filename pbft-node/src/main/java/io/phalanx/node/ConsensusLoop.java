package io.phalanx.node;

import io.phalanx.node.log.ReplicaLog;
import io.phalanx.node.logging.NodeLogContext;
import io.phalanx.pbft.core.Effect;
import io.phalanx.pbft.core.Input;
import io.phalanx.pbft.core.Output;
import io.phalanx.pbft.core.Replica;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * The one consensus thread: it alone steps the pure {@link Replica}. It drains a batch of inputs,
 * steps each, sends what may leave at once, writes every record the core asked to persist with
 * one synced write (group commit), then tells the core they are durable, which releases the votes
 * that waited for them.
 *
 * <p>Inputs from the network are offered and dropped (counted) when the queue is past its bound;
 * internal inputs (executed blocks, state transfer, ticks) always get in, and are bounded by the
 * protocol itself (at most the water-mark window of blocks in flight).
 */
final class ConsensusLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ConsensusLoop.class);
  private static final int DRAIN_MAX = 256;

  /** Where the core's effects go. */
  interface Effects {
    void send(int replica, Effect.Send send);

    void broadcast(Effect.Broadcast broadcast);

    void execute(Effect.Execute execute);

    void reply(Effect.SendReply reply);

    void fetchState(Effect.FetchState fetch);
  }

  private final Replica replica;
  private final ReplicaLog log;
  private final Effects effects;
  private final FatalError fatal;
  private final NodeMetrics metrics;
  private final int networkInputsMax;
  private final LinkedBlockingQueue<Input> inbox = new LinkedBlockingQueue<>();
  private final List<Effect.Persist> pending = new ArrayList<>();
  private volatile boolean running = true;
  private volatile ReplicaStatus status;

  ConsensusLoop(Replica replica, ReplicaLog log, Effects effects, FatalError fatal,
      NodeMetrics metrics, int networkInputsMax) {
    this.replica = replica;
    this.log = log;
    this.effects = effects;
    this.fatal = fatal;
    this.metrics = metrics;
    this.networkInputsMax = networkInputsMax;
    this.status = ReplicaStatus.of(replica);
  }

  /** A message or request from the network: dropped and counted when the queue is full. */
  boolean offerFromNetwork(Input input) {
    if (inbox.size() >= networkInputsMax) {
      metrics.inboundDropped().increment();
      return false;
    }
    return inbox.offer(input);
  }

  /** An input the node itself produced (executed, state transferred, tick): never dropped. */
  void submit(Input input) {
    inbox.add(input);
  }

  /** What {@code /status} shows; refreshed after every round. */
  ReplicaStatus status() {
    return status;
  }

  int queueDepth() {
    return inbox.size();
  }

  void stop() {
    running = false;
  }

  @Override
  public void run() {
    List<Input> round = new ArrayList<>(DRAIN_MAX);
    try {
      while (running) {
        Input first = inbox.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        round.add(first);
        inbox.drainTo(round, DRAIN_MAX - 1);
        for (Input input : round) {
          carryOut(replica.step(input));
        }
        round.clear();
        flushPersisted();
        refreshStatus();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      fatal.stop("the consensus thread failed", e);
    }
  }

  /** Group commit: one synced write for everything persisted this round, then release votes. */
  private void flushPersisted() {
    while (!pending.isEmpty()) {
      long started = System.nanoTime();
      long upTo = log.append(pending);
      metrics.recordLogWrite(System.nanoTime() - started);
      pending.clear();
      carryOut(replica.step(new Input.Persisted(upTo)));
    }
  }

  private void carryOut(Output output) {
    for (Effect effect : output.effects()) {
      if (effect instanceof Effect.Persist persist) {
        pending.add(persist);
      } else if (effect instanceof Effect.Send send) {
        effects.send(send.replica(), send);
      } else if (effect instanceof Effect.Broadcast broadcast) {
        effects.broadcast(broadcast);
      } else if (effect instanceof Effect.Execute execute) {
        effects.execute(execute);
      } else if (effect instanceof Effect.SendReply reply) {
        effects.reply(reply);
      } else if (effect instanceof Effect.FetchState fetch) {
        effects.fetchState(fetch);
      } else if (effect instanceof Effect.Trace trace) {
        LOG.debug("{}", trace.event());
      } else {
        throw new IllegalStateException("unhandled effect " + effect);
      }
    }
  }

  private void refreshStatus() {
    ReplicaStatus next = ReplicaStatus.of(replica);
    if (next.view() != status.view()) {
      metrics.viewChanges().increment();
      NodeLogContext.progress(next.view(), next.lastExecuted());
      LOG.info("entered view {} (primary {})", next.view(), next.primary());
    }
    NodeLogContext.progress(next.view(), next.lastExecuted());
    status = next;
  }
}
