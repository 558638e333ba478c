package io.phalanx.pbft.sim;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.crypto.Sha256;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.pbft.codec.Envelopes;
import io.phalanx.pbft.codec.PayloadCodec;
import io.phalanx.pbft.core.Batch;
import io.phalanx.pbft.core.Message;
import io.phalanx.pbft.core.MessageSigner;
import io.phalanx.pbft.core.Reply;
import io.phalanx.pbft.core.SignedMessage;
import io.phalanx.protocol.SenderKind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulator's signer: the production envelope format, with signatures memoised by payload
 * digest (Ed25519 is deterministic, so this changes no byte; it only saves the second run of a
 * seed from signing everything again). Bounded.
 */
final class MemoizingSigner implements MessageSigner {
  /** Shared by every replica of every run in one simulator; keys are per replica, so the key includes the replica. */
  static final class Memo {
    private final int entriesMax;
    private final LinkedHashMap<String, Bytes> envelopes = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Bytes> eldest) {
        return size() > entriesMax;
      }
    };

    Memo(int entriesMax) {
      this.entriesMax = entriesMax;
    }
  }

  private final int replica;
  private final SigningKeyPair keys;
  private final Memo memo;

  MemoizingSigner(int replica, Memo memo) {
    this.replica = replica;
    this.keys = SimKeys.replica(replica);
    this.memo = memo;
  }

  @Override
  public Bytes encodeBatch(Batch batch) {
    return PayloadCodec.encodeBatch(batch);
  }

  @Override
  public SignedMessage sign(Message message) {
    if (message.replica() != replica) {
      throw new IllegalArgumentException("replica " + replica + " asked to sign for " + message.replica());
    }
    return new SignedMessage(message, seal(PayloadCodec.encode(message)));
  }

  @Override
  public Bytes signReply(Reply reply) {
    return seal(PayloadCodec.encodeReply(reply));
  }

  private Bytes seal(byte[] payload) {
    Digest digest = Sha256.hash(payload);
    String key = replica + "/" + digest.toHex();
    synchronized (memo) {
      Bytes known = memo.envelopes.get(key);
      if (known != null) {
        return known;
      }
    }
    Bytes envelope = Envelopes.seal(SenderKind.SENDER_KIND_REPLICA, replica, payload, keys);
    synchronized (memo) {
      memo.envelopes.put(key, envelope);
    }
    return envelope;
  }
}
