package io.phalanx.node.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Sha256;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.ledger.store.LevelDbLedgerStore;
import io.phalanx.ledger.store.StoreEntry;
import io.phalanx.ledger.store.WriteBatch;
import io.phalanx.pbft.codec.EnvelopeSigner;
import io.phalanx.pbft.core.Effect;
import io.phalanx.pbft.core.LogRecord;
import io.phalanx.pbft.core.Prepare;
import io.phalanx.pbft.verify.Membership;
import io.phalanx.pbft.verify.Verifier;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replica log on real LevelDB: order kept across reopen, a flipped byte refused. */
class ReplicaLogTest {
  @TempDir
  Path directory;

  private final List<SigningKeyPair> keys = new ArrayList<>();
  private final Verifier verifier;

  ReplicaLogTest() {
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < 4; i++) {
      keys.add(SigningKeyPair.generate(random));
    }
    verifier = new Verifier(new Membership(keys.stream().map(SigningKeyPair::publicKey).toList(),
        new TreeMap<>()), 0);
  }

  @Test
  void recordsComeBackInOrderAfterReopenAndNewOnesAppendAfterThem() {
    try (ReplicaLog log = ReplicaLog.open(LevelDbLedgerStore.open(directory))) {
      assertEquals(3, log.append(List.of(persist(1, 1), persist(2, 2), persist(3, 3))));
    }
    try (ReplicaLog log = ReplicaLog.open(LevelDbLedgerStore.open(directory))) {
      assertEquals(3, log.size());
      // The core numbers records from 1 again after a restart; the log keeps its own positions.
      log.append(List.of(persist(1, 4)));
      List<LogRecord> records = log.readAll(verifier);
      assertEquals(List.of(1L, 2L, 3L, 4L), records.stream()
          .map(record -> ((LogRecord.OwnMessage) record).message().as(Prepare.class).sequence())
          .toList());
    }
  }

  @Test
  void aFlippedByteOnDiskIsACorruptLogNotAVoteToTrust() {
    LevelDbLedgerStore store = LevelDbLedgerStore.open(directory);
    try (ReplicaLog log = ReplicaLog.open(store)) {
      log.append(List.of(persist(1, 1), persist(2, 2)));
      StoreEntry second = store.scan(Bytes.empty(), Bytes.fromHex("ff"), false, 10).get(1);
      byte[] value = second.value().toByteArray();
      value[value.length - 5] ^= 0x01;
      store.write(new WriteBatch().put(second.key(), Bytes.wrapOwned(value)));

      assertThrows(CorruptLogException.class, () -> log.readAll(verifier));
    }
  }

  private Effect.Persist persist(long recordId, long sequence) {
    EnvelopeSigner signer = new EnvelopeSigner(1, keys.get(1));
    Prepare prepare = new Prepare(0, sequence, Sha256.hash(new byte[] {(byte) sequence}), 1);
    return new Effect.Persist(recordId, new LogRecord.OwnMessage(signer.sign(prepare)));
  }
}
