package io.phalanx.pbft.codec;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.pbft.core.Batch;
import io.phalanx.pbft.core.Message;
import io.phalanx.pbft.core.MessageSigner;
import io.phalanx.pbft.core.Reply;
import io.phalanx.pbft.core.SignedMessage;
import io.phalanx.protocol.SenderKind;
import java.util.Objects;

/** A replica's {@link MessageSigner}: protobuf payloads signed with its Ed25519 key. */
public final class EnvelopeSigner implements MessageSigner {
  private final int replica;
  private final SigningKeyPair keys;

  public EnvelopeSigner(int replica, SigningKeyPair keys) {
    this.replica = replica;
    this.keys = Objects.requireNonNull(keys, "keys");
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
    return new SignedMessage(message,
        Envelopes.seal(SenderKind.SENDER_KIND_REPLICA, replica, PayloadCodec.encode(message), keys));
  }

  @Override
  public Bytes signReply(Reply reply) {
    return Envelopes.seal(SenderKind.SENDER_KIND_REPLICA, replica, PayloadCodec.encodeReply(reply), keys);
  }
}
