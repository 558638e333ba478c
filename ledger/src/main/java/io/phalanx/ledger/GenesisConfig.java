package io.phalanx.ledger;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.crypto.PublicKey;
import io.phalanx.crypto.Sha256;
import io.phalanx.ledger.state.GovernanceRules;
import io.phalanx.ledger.state.Member;
import io.phalanx.protocol.Genesis;
import io.phalanx.protocol.ReplicaIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The consortium as the ledger needs it, from the protobuf {@code Genesis}.
 *
 * @param replicaKeys the replicas' Ed25519 signing keys, by replica index (0..n-1)
 * @param members the genesis members with their roles
 * @param organisations organisation name to its governance approval key
 * @param governanceThreshold m: distinct organisations a governance proposal needs
 * @param genesisHash SHA-256 of the serialised genesis; a store remembers the one it began with
 */
public record GenesisConfig(String consortiumId, List<PublicKey> replicaKeys, List<Member> members,
    SortedMap<String, PublicKey> organisations, int governanceThreshold, long genesisTimeMillis,
    Digest genesisHash) {

  public GenesisConfig {
    Objects.requireNonNull(consortiumId, "consortiumId");
    replicaKeys = List.copyOf(replicaKeys);
    members = List.copyOf(members);
    organisations = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(organisations));
    Objects.requireNonNull(genesisHash, "genesisHash");
    if (replicaKeys.isEmpty()) {
      throw new IllegalArgumentException("a genesis needs at least one replica");
    }
  }

  /**
   * Reads a protobuf genesis, checking it: replica indexes 0..n-1 each once, valid keys,
   * distinct member ids and organisation names, members of known organisations, 1 <= m <= orgs.
   */
  public static GenesisConfig fromProto(Genesis genesis) {
    PublicKey[] replicas = new PublicKey[genesis.getReplicasCount()];
    for (ReplicaIdentity replica : genesis.getReplicasList()) {
      int index = replica.getIndex();
      if (index < 0 || index >= replicas.length || replicas[index] != null) {
        throw new IllegalArgumentException("replica indexes must be 0..n-1, each once: " + index);
      }
      replicas[index] = PublicKey.of(replica.getSigningKey().toByteArray());
    }
    SortedMap<String, PublicKey> organisations = new TreeMap<>();
    for (io.phalanx.protocol.Organisation organisation : genesis.getOrganisationsList()) {
      if (organisations.put(organisation.getName(),
          PublicKey.of(organisation.getPublicKey().toByteArray())) != null) {
        throw new IllegalArgumentException("organisation twice: " + organisation.getName());
      }
    }
    List<Member> members = new ArrayList<>();
    java.util.TreeSet<Long> ids = new java.util.TreeSet<>();
    for (io.phalanx.protocol.Member member : genesis.getMembersList()) {
      if (!ids.add(member.getId()) || !organisations.containsKey(member.getOrganisation())) {
        throw new IllegalArgumentException("member " + member.getId()
            + " is repeated or of an unknown organisation");
      }
      PublicKey.of(member.getPublicKey().toByteArray());
      members.add(new Member(member.getId(), member.getOrganisation(),
          Bytes.of(member.getPublicKey().toByteArray()), member.getRolesList()));
    }
    GenesisConfig config = new GenesisConfig(genesis.getConsortiumId(), List.of(replicas), members,
        organisations, genesis.getGovernanceThreshold(), genesis.getGenesisTimeMillis(),
        Sha256.hash(genesis.toByteArray()));
    config.governanceRules();
    return config;
  }

  /** n, the number of replicas. */
  public int replicaCount() {
    return replicaKeys.size();
  }

  /** f = (n - 1) / 3, the number of faulty replicas tolerated. */
  public int faultsTolerated() {
    return (replicaKeys.size() - 1) / 3;
  }

  /** 2f + 1, the size of a commit certificate. */
  public int commitQuorum() {
    return 2 * faultsTolerated() + 1;
  }

  public GovernanceRules governanceRules() {
    return new GovernanceRules(organisations, governanceThreshold);
  }
}
