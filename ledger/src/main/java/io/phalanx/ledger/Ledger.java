package io.phalanx.ledger;

import com.google.protobuf.InvalidProtocolBufferException;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.crypto.Sha256;
import io.phalanx.ledger.codec.MalformedOperationException;
import io.phalanx.ledger.codec.OperationCodec;
import io.phalanx.ledger.codec.ResultCodec;
import io.phalanx.ledger.state.BlockExecution;
import io.phalanx.ledger.state.GenesisState;
import io.phalanx.ledger.state.Member;
import io.phalanx.ledger.state.Operation;
import io.phalanx.ledger.state.ReadOnlyQueries;
import io.phalanx.ledger.state.VaultRecord;
import io.phalanx.ledger.state.VaultRules;
import io.phalanx.ledger.state.ResultCode;
import io.phalanx.ledger.state.StateChanges;
import io.phalanx.ledger.state.StateDigestAccumulator;
import io.phalanx.ledger.store.LedgerStorageException;
import io.phalanx.ledger.store.LedgerStore;
import io.phalanx.ledger.store.WriteBatch;
import io.phalanx.protocol.CertifiedBlock;
import io.phalanx.protocol.CommitCertificate;
import io.phalanx.protocol.ExecutedRequest;
import io.phalanx.protocol.LedgerResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ledger: executes committed batches as blocks, answers queries, exports and imports
 * snapshots. Block height == PBFT sequence; every sequence (a null batch too) is a block.
 *
 * <p>Each block is one atomic, synced write batch holding its state changes, the block (header,
 * executed requests, results, commit certificate), the client table rows and the last executed
 * sequence. If a write fails the ledger stops: every later call throws
 * {@link IllegalStateException}, because memory and disk may disagree.
 *
 * <p>Not thread-safe: one executor thread owns a ledger and its store.
 */
public final class Ledger implements AutoCloseable {
  private final LedgerStore store;
  private final GenesisConfig genesis;
  private StateDigestAccumulator accumulator;
  private ChainTip tip;
  private Throwable failure;

  private Ledger(LedgerStore store, GenesisConfig genesis, StateDigestAccumulator accumulator,
      ChainTip tip) {
    this.store = store;
    this.genesis = genesis;
    this.accumulator = accumulator;
    this.tip = tip;
  }

  /**
   * Opens the ledger in {@code store}, creating the genesis state in an empty store.
   *
   * @throws IllegalStateException if the store was created with a different genesis
   */
  public static Ledger open(LedgerStore store, GenesisConfig genesis) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(genesis, "genesis");
    Optional<Bytes> genesisHash = store.get(LedgerKeys.GENESIS);
    if (genesisHash.isEmpty()) {
      StateChanges changes = GenesisState.create(store, genesis.members(),
          genesis.genesisTimeMillis());
      ChainTip tip = new ChainTip(0, Digest.zero());
      WriteBatch batch = changes.writes()
          .put(LedgerKeys.GENESIS, genesis.genesisHash().toBytes())
          .put(LedgerKeys.ACCUMULATOR, changes.accumulator().toBytes())
          .put(LedgerKeys.TIP, tip.encode());
      store.write(batch);
      return new Ledger(store, genesis, changes.accumulator(), tip);
    }
    if (!genesisHash.get().equals(genesis.genesisHash().toBytes())) {
      throw new IllegalStateException("the store belongs to another genesis");
    }
    StateDigestAccumulator accumulator = StateDigestAccumulator.fromBytes(
        store.get(LedgerKeys.ACCUMULATOR).orElseThrow(() -> corrupt("no digest accumulator")));
    ChainTip tip = ChainTip.decode(store.get(LedgerKeys.TIP)
        .orElseThrow(() -> corrupt("no chain tip")));
    if (tip.height() != ReadOnlyQueries.lastSequence(store)) {
      throw corrupt("chain tip " + tip.height() + " but state at "
          + ReadOnlyQueries.lastSequence(store));
    }
    return new Ledger(store, genesis, accumulator, tip);
  }

  /**
   * Executes {@code input} as block {@code input.sequence()}, which must be
   * {@link #lastExecutedSequence()} + 1. Request-level problems become result codes; only a
   * storage failure ({@link LedgerStorageException}, after which the ledger is stopped) or a
   * wrong sequence ({@link IllegalArgumentException}) throws.
   */
  public BlockOutcome applyBatch(BatchInput input) {
    checkRunning();
    if (input.sequence() != tip.height() + 1) {
      throw new IllegalArgumentException("batch " + input.sequence() + " after block "
          + tip.height());
    }
    BlockExecution execution = BlockExecution.begin(store, genesis.governanceRules(),
        new VaultRules(genesis.replicaCount()), input.sequence(), input.ledgerTimeMillis(), input.requests().size());
    List<Bytes> results = new ArrayList<>();
    for (LedgerRequest request : input.requests()) {
      results.add(RequestExecution.execute(execution, request));
    }
    StateChanges changes = execution.finish(accumulator.copy());
    Bytes header = BlockFormat.header(input.sequence(), tip.blockHash(), input.batchDigest(),
        BlockFormat.resultsDigest(results), execution.ledgerTimeMillis(), input.view(),
        changes.stateDigest());
    ChainTip newTip = new ChainTip(input.sequence(), Sha256.hash(header));
    WriteBatch batch = changes.writes()
        .put(LedgerKeys.block(input.sequence()), certifiedBlock(input, header, results))
        .put(LedgerKeys.ACCUMULATOR, changes.accumulator().toBytes())
        .put(LedgerKeys.TIP, newTip.encode())
        .put(LedgerKeys.LAST_HEADER, header);
    write(batch, "block " + input.sequence());
    accumulator = changes.accumulator();
    tip = newTip;
    return new BlockOutcome(newTip.height(), newTip.blockHash(), changes.stateDigest(), results);
  }

  private static Bytes certifiedBlock(BatchInput input, Bytes header, List<Bytes> results) {
    CertifiedBlock.Builder block = CertifiedBlock.newBuilder()
        .setHeader(BlockFormat.byteString(header))
        .setBatch(BlockFormat.byteString(input.batch()))
        .setCertificate(parseCertificate(input.commitCertificate()));
    for (LedgerRequest request : input.requests()) {
      block.addRequests(ExecutedRequest.newBuilder().setClientId(request.clientId())
          .setTimestamp(request.timestamp())
          .setOperation(BlockFormat.byteString(request.operation())));
    }
    for (Bytes result : results) {
      block.addResults(BlockFormat.byteString(result));
    }
    return Bytes.wrapOwned(block.build().toByteArray());
  }

  /** An unparsable certificate is stored empty; {@link ChainVerifier} reports that block. */
  private static CommitCertificate parseCertificate(Bytes certificate) {
    try {
      return CommitCertificate.parseFrom(certificate.toByteArray());
    } catch (InvalidProtocolBufferException e) {
      return CommitCertificate.getDefaultInstance();
    }
  }

  /**
   * Answers a read-only operation (serialised {@code LedgerOperation}) for {@code clientId}
   * against the current state, changing nothing: a serialised {@code LedgerResult}. A mutating
   * operation answers rejected {@link ResultCode#NOT_READ_ONLY}. Blocks are read here only.
   */
  public Bytes query(long clientId, Bytes operation) {
    checkRunning();
    Operation decoded;
    try {
      decoded = OperationCodec.decode(operation);
    } catch (MalformedOperationException e) {
      return ResultCodec.rejected(ResultCode.MALFORMED_OPERATION);
    }
    if (decoded instanceof Operation.GetBlock getBlock) {
      if (ReadOnlyQueries.member(store, clientId).isEmpty()) {
        return ResultCodec.rejected(ResultCode.NOT_MEMBER);
      }
      return block(getBlock.height()).map(Ledger::blockResult)
          .orElse(ResultCodec.rejected(ResultCode.NOT_FOUND));
    }
    return ResultCodec.encode(ReadOnlyQueries.query(store, clientId, decoded));
  }

  private static Bytes blockResult(Bytes block) {
    try {
      return Bytes.wrapOwned(LedgerResult.newBuilder()
          .setBlock(CertifiedBlock.parseFrom(block.toByteArray())).build().toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw corrupt("stored block does not parse");
    }
  }

  /** The serialised {@code CertifiedBlock} at {@code height}, if this store has it. */
  public Optional<Bytes> block(long height) {
    checkRunning();
    return store.get(LedgerKeys.block(height));
  }

  /** A member of the current state (the node checks request signatures with its key). */
  public Optional<Member> member(long memberId) {
    checkRunning();
    return ReadOnlyQueries.member(store, memberId);
  }

  /**
   * The stored vault secret {@code name} in the current state (after the last applied block):
   * what a replica needs to open its own share for a get. Same thread as {@link #applyBatch}.
   */
  public Optional<VaultRecord> vault(String name) {
    checkRunning();
    return ReadOnlyQueries.vault(store, name);
  }

  /** The exactly-once table (last executed timestamp and reply per client), by client id. */
  public java.util.SortedMap<Long, io.phalanx.ledger.state.ClientEntry> clientTable() {
    checkRunning();
    return ReadOnlyQueries.clientTable(store);
  }

  public Digest stateDigest() {
    checkRunning();
    return accumulator.digest();
  }

  public long lastExecutedSequence() {
    checkRunning();
    return tip.height();
  }

  /** The hash of the last block's header (zero before the first block). */
  public Digest lastBlockHash() {
    checkRunning();
    return tip.blockHash();
  }

  /** The ledger time of the last block (the genesis time before the first). */
  public long ledgerTimeMillis() {
    checkRunning();
    return ReadOnlyQueries.ledgerTimeMillis(store);
  }

  public GenesisConfig genesis() {
    return genesis;
  }

  /** A serialised {@code LedgerSnapshot} of the current state, for state transfer. */
  public Bytes exportSnapshot() {
    checkRunning();
    return Snapshots.export(store, tip.height());
  }

  /**
   * Replaces the state with {@code snapshot} if its entries hash to {@code expectedStateDigest}
   * (and its last header carries that digest), atomically; otherwise changes nothing.
   */
  public void importSnapshot(Bytes snapshot, Digest expectedStateDigest)
      throws SnapshotRejectedException {
    checkRunning();
    Snapshots.Verified verified = Snapshots.verify(snapshot, expectedStateDigest);
    WriteBatch batch = Snapshots.replacement(store, verified);
    write(batch, "snapshot import");
    accumulator = verified.accumulator();
    tip = verified.tip();
  }

  private void write(WriteBatch batch, String what) {
    try {
      store.write(batch);
    } catch (RuntimeException e) {
      failure = e;
      throw e instanceof LedgerStorageException storage ? storage
          : new LedgerStorageException("writing " + what + " failed; the ledger stopped", e);
    }
  }

  private void checkRunning() {
    if (failure != null) {
      throw new IllegalStateException("the ledger stopped after a storage failure", failure);
    }
  }

  private static IllegalStateException corrupt(String what) {
    return new IllegalStateException("corrupt ledger store: " + what);
  }

  @Override
  public void close() {
    store.close();
  }
}
