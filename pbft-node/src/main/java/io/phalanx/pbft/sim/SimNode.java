package io.phalanx.pbft.sim;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.pbft.core.Effect;
import io.phalanx.pbft.core.Input;
import io.phalanx.pbft.core.LogRecord;
import io.phalanx.pbft.core.MessageSigner;
import io.phalanx.pbft.core.Output;
import io.phalanx.pbft.core.Replica;
import io.phalanx.pbft.core.ReplicaConfig;
import io.phalanx.pbft.verify.Verification;
import io.phalanx.pbft.verify.Verifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives one {@link Replica}: feeds it verified inputs one at a time, carries out its effects,
 * keeps its durable records (losing unwritten ones on a crash) and its executor.
 */
final class SimNode {
  final int index;
  final ReplicaConfig config;
  private final MessageSigner signer;
  private final Verifier verifier;
  private final NodeListener listener;
  final ReferenceApplication application = new ReferenceApplication();
  final List<LogRecord> durable = new ArrayList<>();
  private final List<Effect.Persist> pendingWrites = new ArrayList<>();
  private final ArrayDeque<Input> inputs = new ArrayDeque<>();
  private boolean draining;
  private final java.util.TreeSet<Digest> durableOwnEnvelopes = new java.util.TreeSet<>();
  Replica replica;
  long crashes;

  /** Whether this replica's own signed envelope is in its durable records. */
  boolean isDurableOwn(Bytes envelope) {
    return durableOwnEnvelopes.contains(io.phalanx.crypto.Sha256.hash(envelope));
  }

  SimNode(int index, ReplicaConfig config, MessageSigner signer, Verifier verifier, NodeListener listener) {
    this.index = index;
    this.config = config;
    this.signer = signer;
    this.verifier = verifier;
    this.listener = listener;
    this.replica = new Replica(config, signer);
  }

  boolean isUp() {
    return replica != null;
  }

  /** An envelope arrived from the network: verify it, then hand it to the core. */
  void receive(Bytes envelope) {
    if (!isUp()) {
      return;
    }
    Verification verification = verifier.verify(envelope);
    if (verification instanceof Verification.VerifiedMessage message) {
      listener.delivered(this, message.message());
      input(new Input.ReceiveMessage(message.message()));
    } else if (verification instanceof Verification.VerifiedRequest request) {
      input(new Input.ReceiveRequest(request.request()));
    }
  }

  void input(Input input) {
    if (!isUp()) {
      return;
    }
    inputs.add(input);
    if (draining) {
      return;
    }
    draining = true;
    try {
      while (!inputs.isEmpty() && isUp()) {
        handle(replica.step(inputs.poll()));
      }
    } finally {
      draining = false;
      inputs.clear();
    }
  }

  private void handle(Output output) {
    long persistUpTo = -1;
    for (Effect effect : output.effects()) {
      if (effect instanceof Effect.Persist persist) {
        pendingWrites.add(persist);
        persistUpTo = persist.recordId();
      } else if (effect instanceof Effect.Send send) {
        listener.send(this, send.replica(), send.envelope());
      } else if (effect instanceof Effect.Broadcast broadcast) {
        listener.send(this, -1, broadcast.envelope());
      } else if (effect instanceof Effect.Execute execute) {
        ReferenceApplication.Outcome outcome =
            application.execute(execute.sequence(), execute.batch(), config.checkpointInterval());
        listener.executed(this, execute.sequence(), execute.batchDigest(), execute.batch(), outcome);
        inputs.add(new Input.Executed(execute.sequence(), outcome.stateDigest(), outcome.replies()));
      } else if (effect instanceof Effect.SendReply reply) {
        listener.reply(this, reply.clientId(), reply.envelope());
      } else if (effect instanceof Effect.FetchState fetch) {
        listener.fetchState(this, fetch.sequence(), fetch.stateDigest());
      } else if (effect instanceof Effect.Trace trace) {
        listener.trace(this, trace.event());
      }
    }
    if (persistUpTo >= 0) {
      listener.persistRequested(this, persistUpTo);
    }
  }

  /** The disk finished writing every record up to {@code upToRecordId}. */
  void completePersist(long upToRecordId) {
    if (!isUp()) {
      return;
    }
    long done = -1;
    while (!pendingWrites.isEmpty() && pendingWrites.get(0).recordId() <= upToRecordId) {
      Effect.Persist write = pendingWrites.remove(0);
      durable.add(write.record());
      if (write.record() instanceof LogRecord.OwnMessage own) {
        durableOwnEnvelopes.add(io.phalanx.crypto.Sha256.hash(own.message().envelope()));
      }
      done = write.recordId();
    }
    if (done >= 0) {
      input(new Input.Persisted(done));
    }
  }

  /** Installs a peer's snapshot (checked against the certified digest) and tells the core. */
  void installState(long sequence, ReferenceApplication.State snapshot) {
    if (!isUp() || application.lastExecuted() >= sequence) {
      return;
    }
    application.install(sequence, snapshot);
    input(new Input.StateTransferred(sequence, snapshot.digest(), snapshot.lastReplies()));
  }

  /** Loses the replica's memory and every record not yet written. */
  void crash() {
    replica = null;
    pendingWrites.clear();
    inputs.clear();
    crashes++;
  }

  void restart() {
    replica = Replica.restart(config, signer, durable, application.lastExecuted());
  }

  Digest stateDigest() {
    return application.stateDigest();
  }
}
