package io.phalanx.pbft.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Sha256;
import io.phalanx.pbft.codec.EnvelopeSigner;
import io.phalanx.pbft.codec.PayloadCodec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** O computed from V: the highest-view certificate per sequence, null batches for gaps. */
class NewViewBuilderTest {
  private static final ReplicaConfig CONFIG = ReplicaConfig.defaults(4, 0);
  private final CertificateRules rules = new CertificateRules(CONFIG);
  private final NewViewBuilder builder =
      new NewViewBuilder(CONFIG, rules, PayloadCodec.encodeBatch(Batch.empty()));

  private static EnvelopeSigner signer(int replica) {
    return new EnvelopeSigner(replica, TestKeys.replica(replica));
  }

  /** A valid certificate for (view, sequence) over a batch with this ledger time. */
  static PreparedCertificate certificate(long view, long sequence, long ledgerTime) {
    Batch batch = new Batch(List.of(), ledgerTime, false);
    Bytes bytes = PayloadCodec.encodeBatch(batch);
    int primary = (int) (view % 4);
    SignedMessage prePrepare = signer(primary).sign(
        new PrePrepare(view, sequence, Sha256.hash(bytes), bytes, batch, primary));
    List<SignedMessage> prepares = new ArrayList<>();
    for (int replica = 0; replica < 4 && prepares.size() < 2; replica++) {
      if (replica != primary) {
        prepares.add(signer(replica).sign(new Prepare(view, sequence, Sha256.hash(bytes), replica)));
      }
    }
    return new PreparedCertificate(prePrepare, prepares);
  }

  private static ViewChange viewChange(int replica, long newView, PreparedCertificate... prepared) {
    return new ViewChange(newView, 0, List.of(), List.of(prepared), replica);
  }

  @Test
  void theCertificateFromTheHighestViewWinsAndGapsBecomeNullBatches() {
    PreparedCertificate old = certificate(0, 1, 100);
    PreparedCertificate newer = certificate(1, 1, 200);
    PreparedCertificate third = certificate(0, 3, 300);
    NewViewPlan plan = builder.plan(List.of(viewChange(1, 2, old), viewChange(2, 2, newer, third),
        viewChange(3, 2)));

    assertEquals(0, plan.minSequence());
    assertEquals(3, plan.maxSequence());
    assertEquals(newer.prePrepareMessage().batchDigest(), plan.entries().get(1L).batchDigest());
    assertTrue(plan.entries().get(2L).batch().nullBatch());
    assertEquals(third.prePrepareMessage().batchDigest(), plan.entries().get(3L).batchDigest());
  }

  @Test
  void aCertificateNeedsTwoFPreparesFromBackupsOfThePrimaryOfItsView() {
    PreparedCertificate valid = certificate(1, 1, 100);
    assertTrue(rules.isValid(valid));
    assertFalse(rules.isValid(new PreparedCertificate(valid.prePrepare(), valid.prepares().subList(0, 1))));
    assertFalse(rules.isValid(new PreparedCertificate(valid.prePrepare(),
        List.of(valid.prepares().get(0), valid.prepares().get(0)))), "distinct backups");
    PreparedCertificate wrongPrimary = certificate(2, 1, 100);
    assertFalse(rules.isValid(new PreparedCertificate(wrongPrimary.prePrepare(), valid.prepares())));
  }

  @Test
  void aViewChangeWithACertificateFromItsOwnOrALaterViewIsInvalid() {
    assertTrue(rules.isValid(viewChange(1, 2, certificate(1, 1, 100))));
    assertFalse(rules.isValid(viewChange(1, 1, certificate(1, 1, 100))));
  }

  @Test
  void aCheckpointProofNeedsTwoFPlusOneMatchingVotes() {
    List<SignedMessage> votes = new ArrayList<>();
    for (int replica = 0; replica < 3; replica++) {
      votes.add(signer(replica).sign(new Checkpoint(8, Sha256.hash(new byte[] {8}), replica)));
    }
    assertTrue(rules.checkpointProofDigest(8, votes).isPresent());
    assertTrue(rules.checkpointProofDigest(8, votes.subList(0, 2)).isEmpty());
    assertTrue(rules.checkpointProofDigest(16, votes).isEmpty());
    assertTrue(rules.checkpointProofDigest(0, List.of()).isPresent(), "the genesis checkpoint");
  }
}
