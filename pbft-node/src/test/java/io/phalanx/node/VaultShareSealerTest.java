package io.phalanx.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.phalanx.client.vault.VaultBinding;
import io.phalanx.client.vault.VaultDealer;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.SealingKeyPair;
import io.phalanx.crypto.SealingPublicKey;
import io.phalanx.crypto.Sha256;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.crypto.feldman.FeldmanShare;
import io.phalanx.crypto.seal.Sealer;
import io.phalanx.ledger.BatchInput;
import io.phalanx.ledger.BlockOutcome;
import io.phalanx.ledger.GenesisConfig;
import io.phalanx.ledger.Ledger;
import io.phalanx.ledger.LedgerRequest;
import io.phalanx.ledger.store.MemoryLedgerStore;
import io.phalanx.protocol.Genesis;
import io.phalanx.protocol.LedgerOperation;
import io.phalanx.protocol.Member;
import io.phalanx.protocol.Organisation;
import io.phalanx.protocol.ReplicaIdentity;
import io.phalanx.protocol.VaultGet;
import io.phalanx.protocol.VaultPolicy;
import io.phalanx.protocol.VaultReplicaShare;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replica side of a vault get, on a real in-memory ledger. */
class VaultShareSealerTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final long OWNER = 1;
  private static final long STRANGER = 2;
  private final List<SealingKeyPair> sealing = new ArrayList<>();
  private final Ledger ledger;
  private long timestamp;

  VaultShareSealerTest() {
    Genesis.Builder genesis = Genesis.newBuilder().setVersion(1).setConsortiumId("t")
        .setGovernanceThreshold(1).setGenesisTimeMillis(1_000)
        .addOrganisations(Organisation.newBuilder().setName("o").setPublicKey(key()));
    for (int i = 0; i < 4; i++) {
      sealing.add(SealingKeyPair.generate(RANDOM));
      genesis.addReplicas(ReplicaIdentity.newBuilder().setIndex(i).setSigningKey(key())
          .setSealingKey(ByteString.copyFrom(sealing.get(i).publicKey().toByteArray())));
    }
    for (long member : new long[] {OWNER, STRANGER}) {
      genesis.addMembers(Member.newBuilder().setId(member).setOrganisation("o")
          .setPublicKey(key()));
    }
    ledger = Ledger.open(new MemoryLedgerStore(), GenesisConfig.fromProto(genesis.build()));
  }

  private static ByteString key() {
    return ByteString.copyFrom(SigningKeyPair.generate(RANDOM).publicKey().toByteArray());
  }

  private List<SealingPublicKey> publicKeys() {
    return sealing.stream().map(SealingKeyPair::publicKey).toList();
  }

  /** Executes one request as a block; this replica's (replica 1's) replica_share for it. */
  private Bytes execute(long client, LedgerOperation operation) {
    long sequence = ledger.lastExecutedSequence() + 1;
    List<LedgerRequest> requests = List.of(new LedgerRequest(client, ++timestamp,
        Bytes.wrapOwned(operation.toByteArray())));
    BlockOutcome outcome = ledger.applyBatch(new BatchInput(sequence, 0, 10_000 + sequence,
        Sha256.hash(new byte[] {(byte) sequence}), requests, Bytes.empty()));
    return new VaultShareSealer(ledger, sealing.get(1), 1, RANDOM)
        .replicaShares(requests, outcome.results()).get(0);
  }

  private static LedgerOperation get(SealingKeyPair ephemeral) {
    return LedgerOperation.newBuilder().setVaultGet(VaultGet.newBuilder().setName("s")
        .setEphemeralPublicKey(ByteString.copyFrom(ephemeral.publicKey().toByteArray())))
        .build();
  }

  private LedgerOperation put(List<SealingPublicKey> keys) {
    return LedgerOperation.newBuilder().setVaultPut(VaultDealer.put(new byte[] {1, 2, 3}, "s",
        1, VaultPolicy.newBuilder().setOwner(OWNER).build(), keys, RANDOM)).build();
  }

  @Test
  void anAllowedGetGetsThisReplicasShareResealedToTheReader() throws Exception {
    assertEquals(Bytes.empty(), execute(OWNER, put(publicKeys())), "a put carries no share");
    SealingKeyPair ephemeral = SealingKeyPair.generate(RANDOM);
    VaultReplicaShare share = VaultReplicaShare.parseFrom(
        execute(OWNER, get(ephemeral)).toByteArray());
    assertFalse(share.getShareInvalid());
    assertEquals(1, share.getReplica());
    FeldmanShare opened = FeldmanShare.fromBytes(Bytes.wrapOwned(Sealer.open(ephemeral,
        share.getBox().toByteArray(), VaultBinding.reshare("s", 1, 1))));
    assertEquals(2, opened.index());
    assertFalse(share.toString().contains(opened.value().toHex()));
  }

  @Test
  void aRefusedGetGetsNoShare() {
    execute(OWNER, put(publicKeys()));
    assertEquals(Bytes.empty(), execute(STRANGER, get(SealingKeyPair.generate(RANDOM))));
  }

  @Test
  void aShareSealedToTheWrongKeyIsReportedInvalid() throws Exception {
    List<SealingPublicKey> wrong = new ArrayList<>(publicKeys());
    wrong.set(1, SealingKeyPair.generate(RANDOM).publicKey());
    execute(OWNER, put(wrong));
    VaultReplicaShare share = VaultReplicaShare.parseFrom(
        execute(OWNER, get(SealingKeyPair.generate(RANDOM))).toByteArray());
    assertTrue(share.getShareInvalid());
    assertTrue(share.getBox().isEmpty());
  }
}
