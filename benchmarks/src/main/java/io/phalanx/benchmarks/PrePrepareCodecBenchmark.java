package io.phalanx.benchmarks;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.crypto.Sha256;
import io.phalanx.pbft.codec.PayloadCodec;
import io.phalanx.pbft.core.PrePrepare;
import io.phalanx.protocol.Batch;
import io.phalanx.protocol.ClientRequest;
import io.phalanx.protocol.Payload;
import io.phalanx.protocol.SenderKind;
import io.phalanx.protocol.SignedEnvelope;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Protobuf cost of a full pre-prepare carrying {@code requests} signed client envelopes (about
 * 200 bytes each; about 100 KB for 500). Signing and signature checks are left out (see
 * {@link CryptoBenchmark} and {@link VerifierBenchmark}): {@code encode} is what the primary does
 * besides signing — the batch from core records, the pre-prepare payload, the envelope around
 * the (precomputed) signature; {@code decode} is every parse the verifier makes — envelope,
 * payload, batch, and each request's envelope and payload; {@code batchDigest} is the SHA-256 of
 * the batch bytes both sides compute.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class PrePrepareCodecBenchmark {
  @Param({"500"})
  public int requests;

  private PrePrepareFixture fixture;
  private ByteString signature;
  private byte[] wire;

  @Setup
  public void setUp() throws InvalidProtocolBufferException {
    fixture = new PrePrepareFixture(requests, 1);
    wire = fixture.signed.envelope().toByteArray();
    signature = SignedEnvelope.parseFrom(wire).getSignature();
    if (decodeOnce() != requests) {
      throw new IllegalStateException("the decoder did not see every request");
    }
  }

  @Benchmark
  public byte[] encode() {
    Bytes batchBytes = PayloadCodec.encodeBatch(fixture.batch);
    PrePrepare prePrepare = new PrePrepare(0, fixture.prePrepare.sequence(),
        fixture.batchDigest, batchBytes, fixture.batch, 0);
    byte[] payload = PayloadCodec.encode(prePrepare);
    return SignedEnvelope.newBuilder().setVersion(1)
        .setSenderKind(SenderKind.SENDER_KIND_REPLICA).setSenderId(0)
        .setPayload(ByteString.copyFrom(payload)).setSignature(signature).build().toByteArray();
  }

  @Benchmark
  public long decode() throws InvalidProtocolBufferException {
    return decodeOnce();
  }

  @Benchmark
  public Digest batchDigest() {
    return Sha256.hash(fixture.batchBytes);
  }

  private long decodeOnce() throws InvalidProtocolBufferException {
    SignedEnvelope envelope = SignedEnvelope.parseFrom(wire);
    Payload payload = Payload.parseFrom(envelope.getPayload());
    Batch batch = Batch.parseFrom(payload.getPrePrepare().getBatch());
    long decoded = 0;
    for (ByteString requestBytes : batch.getRequestsList()) {
      SignedEnvelope requestEnvelope = SignedEnvelope.parseFrom(requestBytes);
      ClientRequest request = Payload.parseFrom(requestEnvelope.getPayload()).getRequest();
      if (request.getClientId() != 0 && !request.getOperation().isEmpty()) {
        decoded++;
      }
    }
    return decoded;
  }
}
