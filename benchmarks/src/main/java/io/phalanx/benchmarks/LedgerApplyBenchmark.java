package io.phalanx.benchmarks;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.crypto.PrivateKey;
import io.phalanx.crypto.Sha256;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.ledger.BatchInput;
import io.phalanx.ledger.BlockOutcome;
import io.phalanx.ledger.GenesisConfig;
import io.phalanx.ledger.Ledger;
import io.phalanx.ledger.LedgerRequest;
import io.phalanx.ledger.codec.RecordMessages;
import io.phalanx.ledger.state.Account;
import io.phalanx.ledger.state.AccountFlags;
import io.phalanx.ledger.state.ResultCode;
import io.phalanx.ledger.state.Transfer;
import io.phalanx.ledger.state.Uint128;
import io.phalanx.ledger.store.LedgerStore;
import io.phalanx.ledger.store.LevelDbLedgerStore;
import io.phalanx.ledger.store.MemoryLedgerStore;
import io.phalanx.protocol.Commit;
import io.phalanx.protocol.CommitCertificate;
import io.phalanx.protocol.CreateAccounts;
import io.phalanx.protocol.CreateTransfers;
import io.phalanx.protocol.Genesis;
import io.phalanx.protocol.LedgerOperation;
import io.phalanx.protocol.LedgerResult;
import io.phalanx.protocol.Member;
import io.phalanx.protocol.Organisation;
import io.phalanx.protocol.Payload;
import io.phalanx.protocol.ReplicaIdentity;
import io.phalanx.protocol.SenderKind;
import io.phalanx.protocol.SignedEnvelope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The executor's cost per transfer: one block of 100 or 500 client requests, each a
 * single-transfer CreateTransfers (the shape a node's batch has), applied through the whole
 * {@link Ledger} facade (protobuf decode, state machine, state digest, block, one atomic write
 * batch per block — synced on LevelDB). The accounts exist and are funded before measuring; each
 * invocation's requests are built (and its commit certificate signed) in an invocation-level
 * set-up with fresh transfer ids and client timestamps, so every block does real work rather than
 * answering idempotent repeats.
 *
 * <p>{@code blockOf*} report time per block; {@code transfersIn*} the same work as transfers per
 * second ({@link OperationsPerInvocation} = the block size).
 */
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LedgerApplyBenchmark {
  static final long ISSUER = 1;
  static final long ALICE = 2;
  static final long GENESIS_TIME_MILLIS = 1_700_000_000_000L;
  static final int ACCOUNTS = 1_000;
  static final List<String> ORGANISATIONS = List.of("alpha", "beta", "gamma");

  @State(Scope.Thread)
  public static class Blocks100 extends Blocks {
    public Blocks100() {
      super(100);
    }
  }

  @State(Scope.Thread)
  public static class Blocks500 extends Blocks {
    public Blocks500() {
      super(500);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public BlockOutcome blockOf100(Blocks100 blocks) {
    return blocks.applyNext();
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public BlockOutcome blockOf500(Blocks500 blocks) {
    return blocks.applyNext();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(100)
  public BlockOutcome transfersIn100(Blocks100 blocks) {
    return blocks.applyNext();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(500)
  public BlockOutcome transfersIn500(Blocks500 blocks) {
    return blocks.applyNext();
  }

  /** A ledger on the chosen store, with 1,000 funded accounts, and the next block to apply. */
  @State(Scope.Thread)
  public abstract static class Blocks {
    @Param({"memory", "leveldb"})
    public String store;

    private final int transfers;
    private Path directory;
    Ledger ledger;
    BatchInput next;
    BlockOutcome last;
    private final Random random = new Random(1);
    private long nextTransferId = 1_000_000;
    private long aliceTimestamp;
    private long issuerTimestamp;
    private long timeMillis = GENESIS_TIME_MILLIS;

    Blocks(int transfers) {
      this.transfers = transfers;
    }

    @Setup(Level.Trial)
    public void openLedger() throws IOException {
      LedgerStore ledgerStore;
      if (store.equals("leveldb")) {
        directory = Files.createTempDirectory("phalanx-bench-ledger");
        ledgerStore = LevelDbLedgerStore.open(directory);
      } else {
        ledgerStore = new MemoryLedgerStore();
      }
      ledger = Ledger.open(ledgerStore, genesisConfig());
      apply(List.of(new LedgerRequest(ISSUER, ++issuerTimestamp, createAccounts(List.of(
          Account.create(Uint128.of(1), ISSUER, 1, 1, AccountFlags.ISSUER))))));
      List<Account> accounts = new ArrayList<>();
      List<Transfer> funding = new ArrayList<>();
      for (int i = 0; i < ACCOUNTS; i++) {
        accounts.add(Account.create(Uint128.of(10 + i), ALICE, 1, 1, 0));
        funding.add(Transfer.of(Uint128.of(100 + i), Uint128.of(1), Uint128.of(10 + i),
            1_000_000_000_000L, 1, 1));
      }
      apply(List.of(new LedgerRequest(ALICE, ++aliceTimestamp, createAccounts(accounts))));
      apply(List.of(new LedgerRequest(ISSUER, ++issuerTimestamp, createTransfers(funding))));
    }

    /** The next block: fresh ids and timestamps, its certificate signed outside the measurement. */
    @Setup(Level.Invocation)
    public void nextBlock() {
      List<LedgerRequest> requests = new ArrayList<>(transfers);
      for (int t = 0; t < transfers; t++) {
        int debit = random.nextInt(ACCOUNTS);
        int credit = (debit + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
        Transfer transfer = Transfer.of(Uint128.of(nextTransferId++), Uint128.of(10 + debit),
            Uint128.of(10 + credit), 1 + random.nextInt(100), 1, 1);
        requests.add(new LedgerRequest(ALICE, ++aliceTimestamp,
            createTransfers(List.of(transfer))));
      }
      next = batch(requests);
    }

    BlockOutcome applyNext() {
      return last = ledger.applyBatch(next);
    }

    /** Outside the measurement: the iteration's last block executed every transfer (code OK). */
    @TearDown(Level.Iteration)
    public void checkLastBlock() {
      if (last != null) {
        requireAllOk(last);
      }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      ledger.close();
      if (directory != null) {
        try (Stream<Path> paths = Files.walk(directory)) {
          paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
      }
    }

    private void apply(List<LedgerRequest> requests) {
      requireAllOk(ledger.applyBatch(batch(requests)));
    }

    private BatchInput batch(List<LedgerRequest> requests) {
      timeMillis += 1000;
      long sequence = ledger.lastExecutedSequence() + 1;
      Sha256.Hasher hasher = Sha256.hasher().updateLong(sequence);
      for (LedgerRequest request : requests) {
        hasher.updateLong(request.clientId()).updateLong(request.timestamp())
            .update(request.operation());
      }
      Digest digest = hasher.finish();
      CommitCertificate.Builder certificate = CommitCertificate.newBuilder();
      for (int replica = 0; replica < 3; replica++) {
        certificate.addCommits(commit(replica, sequence, digest));
      }
      return new BatchInput(sequence, 0, timeMillis, digest, requests,
          Bytes.wrapOwned(certificate.build().toByteArray()));
    }
  }

  static void requireAllOk(BlockOutcome outcome) {
    for (Bytes result : outcome.results()) {
      LedgerResult parsed;
      try {
        parsed = LedgerResult.parseFrom(result.toByteArray());
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException(e);
      }
      if (parsed.getKindCase() != LedgerResult.KindCase.CREATE_RESULTS
          || parsed.getCreateResults().getResultsList().stream()
              .anyMatch(event -> event.getCode() != ResultCode.OK.code())) {
        throw new IllegalStateException("a request did not execute cleanly: " + parsed);
      }
    }
  }

  private static SignedEnvelope commit(int replica, long sequence, Digest digest) {
    byte[] payload = Payload.newBuilder().setCommit(Commit.newBuilder().setView(0)
        .setSequence(sequence).setBatchDigest(ByteString.copyFrom(digest.toByteArray()))
        .setReplica(replica)).build().toByteArray();
    return SignedEnvelope.newBuilder().setVersion(1).setSenderKind(SenderKind.SENDER_KIND_REPLICA)
        .setSenderId(replica).setPayload(ByteString.copyFrom(payload))
        .setSignature(ByteString.copyFrom(REPLICA_KEYS[replica].sign(payload).toByteArray()))
        .build();
  }

  private static Bytes createAccounts(List<Account> accounts) {
    return Bytes.wrapOwned(LedgerOperation.newBuilder().setCreateAccounts(CreateAccounts
        .newBuilder().addAllAccounts(accounts.stream().map(RecordMessages::toProto).toList()))
        .build().toByteArray());
  }

  private static Bytes createTransfers(List<Transfer> transfers) {
    return Bytes.wrapOwned(LedgerOperation.newBuilder().setCreateTransfers(CreateTransfers
        .newBuilder().addAllTransfers(transfers.stream().map(RecordMessages::toProto).toList()))
        .build().toByteArray());
  }

  static SigningKeyPair key(int seed) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, (byte) seed);
    return SigningKeyPair.of(PrivateKey.of(bytes));
  }

  private static final SigningKeyPair[] REPLICA_KEYS = {key(10), key(11), key(12), key(13)};

  /** 4 replicas, organisations alpha/beta/gamma, members 1 (issuer), 2 and 3. */
  static GenesisConfig genesisConfig() {
    Genesis.Builder genesis = Genesis.newBuilder().setVersion(1).setConsortiumId("bench")
        .setGovernanceThreshold(2).setGenesisTimeMillis(GENESIS_TIME_MILLIS);
    for (int i = 0; i < 4; i++) {
      genesis.addReplicas(ReplicaIdentity.newBuilder().setIndex(i)
          .setSigningKey(ByteString.copyFrom(REPLICA_KEYS[i].publicKey().toByteArray())));
    }
    for (int i = 0; i < ORGANISATIONS.size(); i++) {
      genesis.addOrganisations(Organisation.newBuilder().setName(ORGANISATIONS.get(i))
          .setPublicKey(ByteString.copyFrom(key(20 + i).publicKey().toByteArray())));
    }
    genesis.addMembers(member(ISSUER, "alpha", "issuer"));
    genesis.addMembers(member(ALICE, "beta"));
    genesis.addMembers(member(3, "gamma"));
    return GenesisConfig.fromProto(genesis.build());
  }

  private static Member member(long id, String organisation, String... roles) {
    return Member.newBuilder().setId(id).setOrganisation(organisation)
        .setPublicKey(ByteString.copyFrom(key(30 + (int) id).publicKey().toByteArray()))
        .addAllRoles(List.of(roles)).build();
  }
}
