package io.phalanx.node;

import com.google.protobuf.InvalidProtocolBufferException;
import io.phalanx.client.vault.ShareResealer;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.CryptoException;
import io.phalanx.crypto.SealingKeyPair;
import io.phalanx.crypto.SealingPublicKey;
import io.phalanx.ledger.Ledger;
import io.phalanx.ledger.LedgerRequest;
import io.phalanx.ledger.state.VaultRecord;
import io.phalanx.ledger.state.VaultShareLayer;
import io.phalanx.protocol.LedgerOperation;
import io.phalanx.protocol.LedgerResult;
import io.phalanx.protocol.ResultCode;
import io.phalanx.protocol.VaultReplicaShare;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a block executes, this replica's own share for each vault get the ledger answered OK:
 * opened from the stored record with the replica's sealing key and re-sealed to the get's
 * ephemeral key ({@link ShareResealer}). The answer goes in {@code ClientReply.replica_share},
 * outside the matched result. A share that does not open or verify is answered with the
 * {@code share_invalid} flag (evidence against the dealer). If a later request of the same block
 * already changed the secret's version, this replica answers no share (the reader counts it as
 * missing). Runs on the ledger thread; never logs share or key material.
 */
final class VaultShareSealer {
  private static final Logger LOG = LoggerFactory.getLogger(VaultShareSealer.class);

  private final Ledger ledger;
  private final SealingKeyPair sealingKey;
  private final int self;
  private final SecureRandom random;

  VaultShareSealer(Ledger ledger, SealingKeyPair sealingKey, int self, SecureRandom random) {
    this.ledger = ledger;
    this.sealingKey = sealingKey;
    this.self = self;
    this.random = random;
  }

  /** One entry per request, in order: a serialised VaultReplicaShare or empty. */
  List<Bytes> replicaShares(List<LedgerRequest> requests, List<Bytes> results) {
    List<Bytes> shares = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      shares.add(replicaShare(requests.get(i).operation(), results.get(i))
          .map(share -> Bytes.wrapOwned(share.toByteArray())).orElse(Bytes.empty()));
    }
    return shares;
  }

  private Optional<VaultReplicaShare> replicaShare(Bytes operationBytes, Bytes resultBytes) {
    LedgerOperation operation;
    LedgerResult result;
    try {
      operation = LedgerOperation.parseFrom(operationBytes.toByteArray());
      result = LedgerResult.parseFrom(resultBytes.toByteArray());
    } catch (InvalidProtocolBufferException e) {
      return Optional.empty();
    }
    if (operation.getKindCase() != LedgerOperation.KindCase.VAULT_GET
        || result.getKindCase() != LedgerResult.KindCase.VAULT
        || result.getVault().getCode() != ResultCode.RESULT_OK_VALUE) {
      return Optional.empty();
    }
    String name = result.getVault().getName();
    long version = result.getVault().getVersion();
    Optional<VaultRecord> record = ledger.vault(name);
    if (record.isEmpty() || record.get().version() != version || record.get().deleted()) {
      LOG.debug("replica={} vault get of a secret changed later in the block: no share", self);
      return Optional.empty();
    }
    SealingPublicKey ephemeral;
    try {
      ephemeral = SealingPublicKey.of(operation.getVaultGet().getEphemeralPublicKey()
          .toByteArray());
    } catch (CryptoException e) {
      return Optional.empty();
    }
    VaultReplicaShare share = ShareResealer.reseal(sealingKey, self, name, version,
        layers(record.get()), record.get().commitments(), ephemeral, random);
    if (share.getShareInvalid()) {
      LOG.warn("replica={} its stored share of vault secret version {} does not open or verify: "
          + "evidence against the dealer", self, version);
    }
    return Optional.of(share);
  }

  private List<ShareResealer.Layer> layers(VaultRecord record) {
    List<ShareResealer.Layer> layers = new ArrayList<>();
    for (VaultShareLayer layer : record.layers()) {
      if (self >= layer.boxes().size()) {
        return List.of();
      }
      layers.add(new ShareResealer.Layer(layer.version(), layer.commitments(),
          layer.boxes().get(self)));
    }
    return layers;
  }
}
