package io.phalanx.ledger;

import com.google.protobuf.InvalidProtocolBufferException;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.crypto.Sha256;
import io.phalanx.ledger.state.ResultCode;
import io.phalanx.ledger.store.LedgerStore;
import io.phalanx.ledger.store.MemoryLedgerStore;
import io.phalanx.protocol.EventResult;
import io.phalanx.protocol.LedgerResult;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Drives a {@link Ledger} as a node would: one block per call, fresh client timestamps, a valid
 * 3-of-4 commit certificate, ledger time advancing by one second per block.
 */
public final class LedgerDriver {
  private final Ledger ledger;
  private final TreeMap<Long, Long> clientTimestamps = new TreeMap<>();
  private long timeMillis = TestConsortium.GENESIS_TIME_MILLIS;

  public LedgerDriver(Ledger ledger) {
    this.ledger = ledger;
  }

  public static LedgerDriver inMemory() {
    return new LedgerDriver(Ledger.open(new MemoryLedgerStore(), TestConsortium.config()));
  }

  public static LedgerDriver on(LedgerStore store) {
    return new LedgerDriver(Ledger.open(store, TestConsortium.config()));
  }

  public Ledger ledger() {
    return ledger;
  }

  public long timeMillis() {
    return timeMillis;
  }

  public void advanceMillis(long millis) {
    timeMillis += millis;
  }

  public long nextTimestamp(long clientId) {
    long next = clientTimestamps.getOrDefault(clientId, 0L) + 1;
    clientTimestamps.put(clientId, next);
    return next;
  }

  /** Executes one block holding {@code requests}. */
  public BlockOutcome block(List<LedgerRequest> requests) {
    timeMillis += 1000;
    long sequence = ledger.lastExecutedSequence() + 1;
    Digest digest = batchDigest(sequence, requests);
    return ledger.applyBatch(new BatchInput(sequence, 0, timeMillis, digest, requests,
        TestConsortium.certificate(0, sequence, digest, 0, 1, 2)));
  }

  public static Digest batchDigest(long sequence, List<LedgerRequest> requests) {
    Sha256.Hasher hasher = Sha256.hasher().updateLong(sequence);
    for (LedgerRequest request : requests) {
      hasher.updateLong(request.clientId()).updateLong(request.timestamp())
          .update(request.operation());
    }
    return hasher.finish();
  }

  /** Executes {@code operation} for {@code clientId} alone in a block; its LedgerResult. */
  public LedgerResult submit(long clientId, Bytes operation) {
    LedgerRequest request = new LedgerRequest(clientId, nextTimestamp(clientId), operation);
    return parse(block(List.of(request)).results().get(0));
  }

  /** The event codes of a create operation submitted alone. */
  public List<ResultCode> create(long clientId, Bytes operation) {
    return codes(submit(clientId, operation));
  }

  public LedgerResult query(long clientId, Bytes operation) {
    return parse(ledger.query(clientId, operation));
  }

  public static LedgerResult parse(Bytes result) {
    try {
      return LedgerResult.parseFrom(result.toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("result does not parse", e);
    }
  }

  public static List<ResultCode> codes(LedgerResult result) {
    if (result.getKindCase() == LedgerResult.KindCase.REJECTED_CODE) {
      return List.of(code(result.getRejectedCode()));
    }
    List<ResultCode> codes = new ArrayList<>();
    for (EventResult event : result.getCreateResults().getResultsList()) {
      codes.add(code(event.getCode()));
    }
    return codes;
  }

  public static ResultCode code(int wire) {
    return ResultCode.fromCode(wire).orElseThrow();
  }
}
