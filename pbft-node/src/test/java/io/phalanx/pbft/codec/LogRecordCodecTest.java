package io.phalanx.pbft.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.crypto.Sha256;
import io.phalanx.pbft.core.Batch;
import io.phalanx.pbft.core.Checkpoint;
import io.phalanx.pbft.core.LogRecord;
import io.phalanx.pbft.core.PrePrepare;
import io.phalanx.pbft.core.Prepare;
import io.phalanx.pbft.core.PreparedCertificate;
import io.phalanx.pbft.core.SignedMessage;
import io.phalanx.pbft.sim.SimKeys;
import io.phalanx.pbft.verify.Verifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogRecordCodecTest {
  private final Verifier verifier = new Verifier(SimKeys.membership(4, List.of()), 100);

  private static EnvelopeSigner signer(int replica) {
    return new EnvelopeSigner(replica, SimKeys.replica(replica));
  }

  private LogRecord roundTrip(LogRecord record) {
    return LogRecordCodec.decode(LogRecordCodec.encode(record), verifier);
  }

  @Test
  void everyKindOfRecordSurvivesTheDiskWithItsEnvelopesByteForByte() {
    Batch batch = new Batch(List.of(), 5, false);
    Bytes bytes = PayloadCodec.encodeBatch(batch);
    Digest digest = Sha256.hash(bytes);
    SignedMessage prePrepare = signer(0).sign(new PrePrepare(0, 1, digest, bytes, batch, 0));
    List<SignedMessage> prepares = List.of(signer(1).sign(new Prepare(0, 1, digest, 1)),
        signer(2).sign(new Prepare(0, 1, digest, 2)));
    Digest state = Sha256.hash(new byte[] {8});
    List<SignedMessage> proof = List.of(signer(0).sign(new Checkpoint(8, state, 0)),
        signer(1).sign(new Checkpoint(8, state, 1)), signer(2).sign(new Checkpoint(8, state, 2)));

    for (LogRecord record : List.of(new LogRecord.OwnMessage(prepares.get(0)),
        new LogRecord.AcceptedMessage(prePrepare),
        new LogRecord.Prepared(new PreparedCertificate(prePrepare, prepares)),
        new LogRecord.ViewState(3, false),
        new LogRecord.StableCheckpoint(8, state, proof))) {
      assertEquals(record, roundTrip(record));
    }
  }

  @Test
  void aCorruptedRecordStopsTheNodeInsteadOfBeingTrusted() {
    byte[] encoded = LogRecordCodec.encode(new LogRecord.OwnMessage(
        signer(1).sign(new Prepare(0, 1, Sha256.hash(new byte[] {1}), 1)))).toByteArray();
    encoded[encoded.length - 3] ^= 1;
    assertThrows(IllegalStateException.class,
        () -> LogRecordCodec.decode(Bytes.of(encoded), verifier));
  }
}
