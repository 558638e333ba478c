package io.phalanx.ledger;

import com.google.protobuf.ByteString;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.crypto.PrivateKey;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.protocol.Commit;
import io.phalanx.protocol.CommitCertificate;
import io.phalanx.protocol.Genesis;
import io.phalanx.protocol.Member;
import io.phalanx.protocol.Organisation;
import io.phalanx.protocol.Payload;
import io.phalanx.protocol.ReplicaIdentity;
import io.phalanx.protocol.SenderKind;
import io.phalanx.protocol.SignedEnvelope;
import java.util.List;

/**
 * A fixed test consortium: 4 replicas (f = 1), organisations alpha, beta, gamma (m = 2) and
 * members 1 (alpha, issuer), 2 (beta), 3 (gamma). Keys come from fixed seeds.
 */
public final class TestConsortium {
  public static final long ISSUER = 1;
  public static final long ALICE = 2;
  public static final long BOB = 3;
  public static final long GENESIS_TIME_MILLIS = 1_700_000_000_000L;
  public static final List<String> ORGANISATIONS = List.of("alpha", "beta", "gamma");

  private TestConsortium() {}

  public static SigningKeyPair key(int seed) {
    byte[] bytes = new byte[32];
    java.util.Arrays.fill(bytes, (byte) seed);
    return SigningKeyPair.of(PrivateKey.of(bytes));
  }

  public static SigningKeyPair replicaKey(int index) {
    return key(10 + index);
  }

  public static SigningKeyPair organisationKey(String name) {
    return key(20 + ORGANISATIONS.indexOf(name));
  }

  public static SigningKeyPair memberKey(long id) {
    return key(30 + (int) id);
  }

  public static Genesis genesis() {
    Genesis.Builder genesis = Genesis.newBuilder().setVersion(1).setConsortiumId("test")
        .setGovernanceThreshold(2).setGenesisTimeMillis(GENESIS_TIME_MILLIS);
    for (int i = 0; i < 4; i++) {
      genesis.addReplicas(ReplicaIdentity.newBuilder().setIndex(i)
          .setSigningKey(ByteString.copyFrom(replicaKey(i).publicKey().toByteArray())));
    }
    for (String name : ORGANISATIONS) {
      genesis.addOrganisations(Organisation.newBuilder().setName(name)
          .setPublicKey(ByteString.copyFrom(organisationKey(name).publicKey().toByteArray())));
    }
    genesis.addMembers(member(ISSUER, "alpha", "issuer"));
    genesis.addMembers(member(ALICE, "beta"));
    genesis.addMembers(member(BOB, "gamma"));
    return genesis.build();
  }

  private static Member member(long id, String organisation, String... roles) {
    return Member.newBuilder().setId(id).setOrganisation(organisation)
        .setPublicKey(ByteString.copyFrom(memberKey(id).publicKey().toByteArray()))
        .addAllRoles(List.of(roles)).build();
  }

  public static GenesisConfig config() {
    return GenesisConfig.fromProto(genesis());
  }

  public static SignedEnvelope commit(int replica, long view, long sequence, Digest digest) {
    byte[] payload = Payload.newBuilder().setCommit(Commit.newBuilder().setView(view)
        .setSequence(sequence).setBatchDigest(ByteString.copyFrom(digest.toByteArray()))
        .setReplica(replica)).build().toByteArray();
    return SignedEnvelope.newBuilder().setVersion(1).setSenderKind(SenderKind.SENDER_KIND_REPLICA)
        .setSenderId(replica).setPayload(ByteString.copyFrom(payload))
        .setSignature(ByteString.copyFrom(replicaKey(replica).sign(payload).toByteArray()))
        .build();
  }

  /** A certificate of commits from {@code replicas}. */
  public static Bytes certificate(long view, long sequence, Digest digest, int... replicas) {
    CommitCertificate.Builder certificate = CommitCertificate.newBuilder();
    for (int replica : replicas) {
      certificate.addCommits(commit(replica, view, sequence, digest));
    }
    return Bytes.wrapOwned(certificate.build().toByteArray());
  }
}
