package io.phalanx.pbft.sim;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.crypto.Sha256;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.pbft.codec.EnvelopeSigner;
import io.phalanx.pbft.codec.PayloadCodec;
import io.phalanx.pbft.codec.RequestSigner;
import io.phalanx.pbft.core.Batch;
import io.phalanx.pbft.core.Checkpoint;
import io.phalanx.pbft.core.Commit;
import io.phalanx.pbft.core.Message;
import io.phalanx.pbft.core.PrePrepare;
import io.phalanx.pbft.core.Prepare;
import io.phalanx.pbft.core.PreparedCertificate;
import io.phalanx.pbft.core.Request;
import io.phalanx.pbft.core.SignedMessage;
import io.phalanx.pbft.core.ViewChange;
import io.phalanx.protocol.SignedEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A Byzantine replica: it runs the correct core (so it knows the protocol state) and lies on the
 * way out according to its {@link ByzantineStrategy}. It holds its own key, so what it sends is
 * validly signed unless the strategy is to forge.
 */
final class ByzantineReplica {
  record Outgoing(int to, Bytes envelope) {}

  private static final int REPLAY_HISTORY_MAX = 256;

  final int index;
  final ByzantineStrategy strategy;
  private final int replicas;
  private final SigningKeyPair keys;
  private final EnvelopeSigner signer;
  private final Collusion collusion;
  private final SplittableRandom random;
  private final List<Bytes> received = new ArrayList<>();

  ByzantineReplica(int index, ByzantineStrategy strategy, int replicas, Collusion collusion,
      SplittableRandom random) {
    this.index = index;
    this.strategy = strategy;
    this.replicas = replicas;
    this.keys = SimKeys.replica(index);
    this.signer = new EnvelopeSigner(index, keys);
    this.collusion = collusion;
    this.random = random;
  }

  void onReceived(Bytes envelope) {
    if (received.size() < REPLAY_HISTORY_MAX) {
      received.add(envelope);
    } else {
      received.set(random.nextInt(REPLAY_HISTORY_MAX), envelope);
    }
  }

  /** What actually leaves when the core sends {@code envelope} ({@code message} if it is one). */
  List<Outgoing> onSend(int to, Bytes envelope, Message message, SimNode node) {
    List<Outgoing> out = new ArrayList<>();
    switch (strategy) {
      case EQUIVOCATING_PRIMARY -> equivocate(to, envelope, message, out);
      case SILENT_PRIMARY -> {
        if (node.replica == null || !node.replica.isPrimary()) {
          out.add(new Outgoing(to, envelope));
        }
      }
      case CONFLICTING_VOTES -> conflict(to, envelope, message, out);
      case FORGED_SIGNATURES -> {
        out.add(new Outgoing(to, envelope));
        if (random.nextInt(3) == 0) {
          out.add(new Outgoing(to, forge(envelope)));
        }
      }
      case REPLAY, FABRICATED_VIEW_CHANGES, FUTURE_VIEW_FLOOD -> out.add(new Outgoing(to, envelope));
    }
    return out;
  }

  /** Unprompted mischief on the replica's timer. */
  List<Outgoing> onTick(SimNode node, long nowMillis) {
    List<Outgoing> out = new ArrayList<>();
    if (node.replica == null) {
      return out;
    }
    long view = node.replica.view();
    switch (strategy) {
      case REPLAY -> replay(node, nowMillis, out);
      case FABRICATED_VIEW_CHANGES -> {
        if (random.nextInt(20) == 0) {
          out.add(new Outgoing(-1, fabricatedViewChange(node, view + 1)));
        }
      }
      case FUTURE_VIEW_FLOOD -> {
        if (random.nextInt(10) == 0) {
          for (long future = view + 2; future <= view + 12; future++) {
            out.add(new Outgoing(-1, signer.sign(new ViewChange(future, 0, List.of(), List.of(), index)).envelope()));
          }
        }
      }
      case FORGED_SIGNATURES -> {
        if (random.nextInt(10) == 0) {
          Request forged = new Request(1, 1_000 + random.nextInt(1000), false,
              ReferenceApplication.transfer(0, 1, 999));
          out.add(new Outgoing(-1, RequestSigner.sign(forged, SimKeys.impostor(index)).envelope()));
        }
      }
      case EQUIVOCATING_PRIMARY, SILENT_PRIMARY, CONFLICTING_VOTES -> { }
    }
    return out;
  }

  private void equivocate(int to, Bytes envelope, Message message, List<Outgoing> out) {
    if (message instanceof PrePrepare prePrepare && prePrepare.replica() == index && to < 0
        && !prePrepare.batch().nullBatch()) {
      PrePrepare other = alternative(prePrepare);
      Bytes otherEnvelope = signer.sign(other).envelope();
      for (int replica = 0; replica < replicas; replica++) {
        if (replica == index) {
          continue;
        }
        boolean odd = replica % 2 == 1;
        Digest told = odd ? other.batchDigest() : prePrepare.batchDigest();
        collusion.tell(prePrepare.view(), prePrepare.sequence(), replica, told);
        out.add(new Outgoing(replica, odd ? otherEnvelope : envelope));
        out.add(new Outgoing(replica, signer.sign(
            new Commit(prePrepare.view(), prePrepare.sequence(), told, index)).envelope()));
      }
      return;
    }
    if (message instanceof Prepare prepare && prepare.replica() == index) {
      for (int replica = 0; replica < replicas; replica++) {
        if (replica != index && (to < 0 || to == replica)) {
          Digest told = collusion.told(prepare.view(), prepare.sequence(), replica).orElse(prepare.batchDigest());
          out.add(new Outgoing(replica, signer.sign(new Prepare(prepare.view(), prepare.sequence(), told, index)).envelope()));
          out.add(new Outgoing(replica, signer.sign(new Commit(prepare.view(), prepare.sequence(), told, index)).envelope()));
        }
      }
      return;
    }
    out.add(new Outgoing(to, envelope));
  }

  private PrePrepare alternative(PrePrepare prePrepare) {
    Batch batch = prePrepare.batch();
    Batch other = batch.requests().size() >= 2
        ? new Batch(batch.requests().subList(0, batch.requests().size() - 1), batch.ledgerTimeMillis(), false)
        : new Batch(batch.requests(), batch.ledgerTimeMillis() + 1, false);
    Bytes bytes = PayloadCodec.encodeBatch(other);
    return new PrePrepare(prePrepare.view(), prePrepare.sequence(), Sha256.hash(bytes), bytes, other, index);
  }

  private void conflict(int to, Bytes envelope, Message message, List<Outgoing> out) {
    Message fake = null;
    Digest bogus = Sha256.hash(Bytes.wrapOwned(longBytes(random.nextLong())));
    if (message instanceof Prepare prepare && prepare.replica() == index) {
      fake = new Prepare(prepare.view(), prepare.sequence(), bogus, index);
    } else if (message instanceof Commit commit && commit.replica() == index) {
      fake = new Commit(commit.view(), commit.sequence(), bogus, index);
    } else if (message instanceof Checkpoint checkpoint && checkpoint.replica() == index) {
      fake = new Checkpoint(checkpoint.sequence(), bogus, index);
    }
    if (fake == null || to >= 0) {
      out.add(new Outgoing(to, envelope));
      return;
    }
    Bytes fakeEnvelope = signer.sign(fake).envelope();
    for (int replica = 0; replica < replicas; replica++) {
      if (replica != index) {
        out.add(new Outgoing(replica, replica % 2 == 0 ? envelope : fakeEnvelope));
      }
    }
  }

  /** A broken signature, another replica's id, or an impostor's key over the same payload. */
  private Bytes forge(Bytes envelope) {
    SignedEnvelope parsed;
    try {
      parsed = SignedEnvelope.parseFrom(envelope.toByteArray());
    } catch (InvalidProtocolBufferException e) {
      return envelope;
    }
    SignedEnvelope.Builder forged = parsed.toBuilder();
    switch (random.nextInt(3)) {
      case 0 -> {
        byte[] signature = parsed.getSignature().toByteArray();
        signature[random.nextInt(signature.length)] ^= 1;
        forged.setSignature(ByteString.copyFrom(signature));
      }
      case 1 -> forged.setSenderId((parsed.getSenderId() + 1) % replicas);
      default -> forged.setSignature(ByteString.copyFrom(
          SimKeys.impostor(index).sign(parsed.getPayload().toByteArray()).toByteArray()));
    }
    return Bytes.wrapOwned(forged.build().toByteArray());
  }

  private void replay(SimNode node, long nowMillis, List<Outgoing> out) {
    if (!received.isEmpty() && random.nextInt(4) == 0) {
      out.add(new Outgoing(random.nextInt(replicas), received.get(random.nextInt(received.size()))));
    }
    if (!node.replica.isPrimary() || !node.replica.isViewActive() || random.nextInt(10) != 0) {
      return;
    }
    long stable = node.replica.stableSequence();
    long sequence = stable > 0 && random.nextBoolean()
        ? 1 + random.nextLong(stable)
        : stable + node.config.watermarkWindow() + 1 + random.nextInt(3);
    Batch batch = new Batch(List.of(), nowMillis - 1 - random.nextInt(50), false);
    Bytes bytes = PayloadCodec.encodeBatch(batch);
    out.add(new Outgoing(-1, signer.sign(new PrePrepare(node.replica.view(), sequence,
        Sha256.hash(bytes), bytes, batch, index)).envelope()));
  }

  private Bytes fabricatedViewChange(SimNode node, long newView) {
    long stable = node.replica.stableSequence();
    int kind = random.nextInt(3);
    if (kind == 0) {
      // A stale checkpoint and no certificates: valid, but hides what prepared.
      return signer.sign(new ViewChange(newView, 0, List.of(), List.of(), index)).envelope();
    }
    if (kind == 1) {
      // A checkpoint "proof" with only this replica's vote for a state nobody reached.
      long claimed = stable + node.config.checkpointInterval();
      SignedMessage vote = signer.sign(new Checkpoint(claimed, Sha256.hash(Bytes.wrapOwned(longBytes(claimed))), index));
      return signer.sign(new ViewChange(newView, claimed, List.of(vote), List.of(), index)).envelope();
    }
    // A prepared certificate made up by this replica alone, for a view it is not primary of.
    long view = newView - 1;
    Batch batch = new Batch(List.of(), 1, false);
    Bytes bytes = PayloadCodec.encodeBatch(batch);
    PrePrepare prePrepare = new PrePrepare(view, stable + 1, Sha256.hash(bytes), bytes, batch, index);
    SignedMessage prepare = signer.sign(new Prepare(view, stable + 1, prePrepare.batchDigest(), index));
    PreparedCertificate certificate =
        new PreparedCertificate(signer.sign(prePrepare), List.of(prepare, prepare));
    return signer.sign(new ViewChange(newView, stable, node.replica.stableSequence() == 0
        ? List.of() : List.of(), List.of(certificate), index)).envelope();
  }

  private static byte[] longBytes(long value) {
    return java.nio.ByteBuffer.allocate(8).putLong(value).array();
  }
}
