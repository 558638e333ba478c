package io.phalanx.node;

import com.google.protobuf.ByteString;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.ledger.BatchInput;
import io.phalanx.ledger.Ledger;
import io.phalanx.pbft.core.Effect;
import io.phalanx.pbft.core.ExecutedReply;
import io.phalanx.pbft.core.Input;
import io.phalanx.protocol.Payload;
import io.phalanx.protocol.SenderKind;
import io.phalanx.protocol.StateTransferRequest;
import io.phalanx.protocol.StateTransferResponse;
import io.phalanx.wire.Envelopes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catch-up by certified blocks: a replica that is behind a stable checkpoint asks a peer for the
 * blocks after its own last one, checks each against its commit certificate before executing it
 * ({@link CertifiedBlockCheck}), and moves to the next peer when one serves bad blocks or stays
 * silent. Once it reaches the checkpoint, its state digest must equal the certified one. Requests
 * are chunked ({@link #BLOCKS_PER_REQUEST} blocks, {@link #RESPONSE_BYTES_MAX} bytes), so memory
 * stays bounded however far behind it is. Runs on the ledger thread, like the executor.
 */
final class StateTransfer {
  private static final Logger LOG = LoggerFactory.getLogger(StateTransfer.class);
  static final int BLOCKS_PER_REQUEST = 64;
  static final int RESPONSE_BYTES_MAX = 2 << 20;
  private static final long RETRY_MILLIS = 1_000;

  /** Sends a signed envelope to one replica. */
  interface PeerSender {
    void send(int replica, byte[] envelope);
  }

  private final Ledger ledger;
  private final ScheduledExecutorService ledgerThread;
  private final CertifiedBlockCheck check;
  private final int self;
  private final int replicas;
  private final SigningKeyPair keys;
  private final PeerSender peers;
  private final Consumer<Input> consensus;
  private Effect.FetchState target;
  private int peer;
  private long progressMarker = -1;

  StateTransfer(Ledger ledger, ScheduledExecutorService ledgerThread, CertifiedBlockCheck check,
      int self, int replicas, SigningKeyPair keys, PeerSender peers, Consumer<Input> consensus) {
    this.ledger = ledger;
    this.ledgerThread = ledgerThread;
    this.check = check;
    this.self = self;
    this.replicas = replicas;
    this.keys = keys;
    this.peers = peers;
    this.consensus = consensus;
    this.peer = (self + 1) % replicas;
  }

  /** The core asks for the state at a stable checkpoint; called on the ledger thread. */
  void fetch(Effect.FetchState fetch) {
    if (target != null && target.sequence() >= fetch.sequence()) {
      return;
    }
    if (ledger.lastExecutedSequence() >= fetch.sequence()) {
      target = fetch;
      finish();
      return;
    }
    LOG.info("state transfer to checkpoint {} from block {}", fetch.sequence(),
        ledger.lastExecutedSequence() + 1);
    target = fetch;
    advance();
  }

  boolean isFetching() {
    return target != null;
  }

  /** A peer asks for blocks; answered from this replica's ledger. */
  void onRequest(int from, StateTransferRequest request) {
    StateTransferResponse.Builder response = StateTransferResponse.newBuilder()
        .setReplica(self).setCheckpointSequence(request.getCheckpointSequence())
        .setFromHeight(request.getFromHeight());
    long last = Math.min(request.getToHeight(), ledger.lastExecutedSequence());
    long bytes = 0;
    for (long height = Math.max(1, request.getFromHeight());
        height <= last && height < request.getFromHeight() + BLOCKS_PER_REQUEST; height++) {
      Optional<Bytes> block = ledger.block(height);
      if (block.isEmpty() || bytes + block.get().length() > RESPONSE_BYTES_MAX) {
        break;
      }
      bytes += block.get().length();
      response.addBlocks(ByteString.copyFrom(block.get().toByteArray()));
    }
    send(from, Payload.newBuilder().setStateTransferResponse(response).build());
  }

  /**
   * Blocks from a peer: each checked before it is executed. The transfer goes on past the
   * checkpoint to the last block the peer has, since those blocks are committed (certified) too
   * and a replica left at the checkpoint would lag until the next one.
   */
  void onResponse(int from, StateTransferResponse response) {
    if (target == null || from != peer
        || response.getFromHeight() != ledger.lastExecutedSequence() + 1) {
      return;   // not asked for, or a duplicate of blocks already applied
    }
    for (ByteString encoded : response.getBlocksList()) {
      long height = ledger.lastExecutedSequence() + 1;
      StringBuilder why = new StringBuilder();
      Optional<BatchInput> input = check.check(Bytes.wrapOwned(encoded.toByteArray()), height, why);
      if (input.isEmpty()) {
        LOG.warn("replica {} served a bad block: {}; trying another peer", from, why);
        nextPeer();
        advance();
        return;
      }
      ledger.applyBatch(input.get());
      if (height == target.sequence() && !ledger.stateDigest().equals(target.stateDigest())) {
        throw new IllegalStateException("state digest " + ledger.stateDigest() + " at checkpoint "
            + height + " differs from the certified " + target.stateDigest());
      }
    }
    boolean peerHasMore = response.getBlocksCount() > 0;
    if (!peerHasMore && ledger.lastExecutedSequence() >= target.sequence()) {
      finish();
      return;
    }
    if (!peerHasMore) {
      LOG.info("replica {} has no blocks after {}; trying another peer", from,
          ledger.lastExecutedSequence());
      nextPeer();
    }
    advance();
  }

  private void advance() {
    long last = ledger.lastExecutedSequence();
    StateTransferRequest request = StateTransferRequest.newBuilder()
        .setReplica(self).setCheckpointSequence(target.sequence())
        .setFromHeight(last + 1).setToHeight(Long.MAX_VALUE).build();
    send(peer, Payload.newBuilder().setStateTransferRequest(request).build());
    long marker = last;
    progressMarker = marker;
    ledgerThread.schedule(() -> retryIfStuck(marker), RETRY_MILLIS, TimeUnit.MILLISECONDS);
  }

  private void retryIfStuck(long marker) {
    if (target != null && progressMarker == marker && ledger.lastExecutedSequence() == marker) {
      LOG.info("replica {} did not serve blocks after {}; trying another peer", peer, marker);
      nextPeer();
      advance();
    }
  }

  private void finish() {
    Effect.FetchState done = target;
    target = null;
    LOG.info("state transfer past checkpoint {} reached block {}", done.sequence(),
        ledger.lastExecutedSequence());
    List<ExecutedReply> table = new ArrayList<>();
    ledger.clientTable().forEach((client, entry) ->
        table.add(new ExecutedReply(client, entry.lastTimestamp(), entry.reply())));
    consensus.accept(new Input.StateTransferred(ledger.lastExecutedSequence(), ledger.stateDigest(),
        table));
  }

  private void nextPeer() {
    peer = (peer + 1) % replicas;
    if (peer == self) {
      peer = (peer + 1) % replicas;
    }
  }

  private void send(int replica, Payload payload) {
    peers.send(replica, Envelopes.sign(SenderKind.SENDER_KIND_REPLICA, self, payload, keys)
        .toByteArray());
  }
}
