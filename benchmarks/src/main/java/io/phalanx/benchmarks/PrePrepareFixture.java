package io.phalanx.benchmarks;

import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.Digest;
import io.phalanx.crypto.PublicKey;
import io.phalanx.crypto.Sha256;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.pbft.codec.EnvelopeSigner;
import io.phalanx.pbft.codec.PayloadCodec;
import io.phalanx.pbft.codec.RequestSigner;
import io.phalanx.pbft.core.Batch;
import io.phalanx.pbft.core.PrePrepare;
import io.phalanx.pbft.core.Request;
import io.phalanx.pbft.core.SignedMessage;
import io.phalanx.pbft.core.SignedRequest;
import io.phalanx.pbft.verify.Membership;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A full pre-prepare as the primary of n = 4 sends it: a batch of {@code requests} real client
 * envelopes (Ed25519-signed, about 200 bytes each), all signing done here, outside measurements.
 */
final class PrePrepareFixture {
  /** Operation bytes that make each signed client envelope about 200 bytes. */
  static final int OPERATION_BYTES = 110;

  final List<SignedRequest> requests;
  final Batch batch;
  final Bytes batchBytes;
  final Digest batchDigest;
  final PrePrepare prePrepare;
  final SignedMessage signed;
  final Membership membership;
  final int requestEnvelopeBytesAverage;

  PrePrepareFixture(int requestCount, long sequence) {
    SortedMap<Long, PublicKey> clientKeys = new TreeMap<>();
    requests = new ArrayList<>(requestCount);
    long envelopeBytes = 0;
    for (int r = 0; r < requestCount; r++) {
      long client = 1 + r;
      SigningKeyPair key = PbftStepBenchmark.clientKey(client);
      clientKeys.put(client, key.publicKey());
      byte[] operation = new byte[OPERATION_BYTES];
      operation[0] = (byte) r;
      operation[1] = (byte) (r >> 8);
      SignedRequest request = RequestSigner.sign(
          new Request(client, sequence, false, Bytes.wrapOwned(operation)), key);
      envelopeBytes += request.envelope().length();
      requests.add(request);
    }
    requestEnvelopeBytesAverage = (int) (envelopeBytes / requestCount);
    if (requestEnvelopeBytesAverage < 180 || requestEnvelopeBytesAverage > 220) {
      throw new IllegalStateException("client envelopes average " + requestEnvelopeBytesAverage
          + " bytes, not about 200");
    }
    batch = new Batch(requests, 1_000_000 + sequence, false);
    batchBytes = PayloadCodec.encodeBatch(batch);
    batchDigest = Sha256.hash(batchBytes);
    prePrepare = new PrePrepare(0, sequence, batchDigest, batchBytes, batch, 0);
    List<PublicKey> replicaKeys = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      replicaKeys.add(PbftStepBenchmark.replicaKey(i).publicKey());
    }
    signed = new EnvelopeSigner(0, PbftStepBenchmark.replicaKey(0)).sign(prePrepare);
    membership = new Membership(replicaKeys, clientKeys);
  }
}
