package io.phalanx.node;

import com.google.protobuf.ByteString;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.KeyFiles;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.pbft.codec.RequestSigner;
import io.phalanx.pbft.core.Request;
import io.phalanx.protocol.ClientReply;
import io.phalanx.protocol.Genesis;
import io.phalanx.protocol.LedgerOperation;
import io.phalanx.protocol.LedgerResult;
import io.phalanx.protocol.Payload;
import io.phalanx.protocol.SignedEnvelope;
import io.phalanx.config.HostPort;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deliberately plain test client (blocking sockets, no SDK) that speaks the wire format to
 * every replica's client port: it signs a request, sends it to all replicas and waits for f+1
 * replies with the same result. It checks nothing the SDK checks; it exists to drive the node.
 */
final class RawClient implements AutoCloseable {
  private final long clientId;
  private final SigningKeyPair keys;
  private final List<HostPort> addresses = new ArrayList<>();
  private final List<Socket> sockets = new ArrayList<>();
  private final int faults;
  private long timestamp = 1;

  RawClient(Genesis genesis, long clientId, Path keyFile) throws IOException {
    this.clientId = clientId;
    this.keys = KeyFiles.readPrivateKey(keyFile);
    this.faults = (genesis.getReplicasCount() - 1) / 3;
    for (int i = 0; i < genesis.getReplicasCount(); i++) {
      addresses.add(HostPort.parse(genesis.getReplicas(i).getClientAddress()));
      sockets.add(null);
    }
  }

  /** Orders {@code operation} and returns the result f+1 replicas agree on. */
  LedgerResult execute(LedgerOperation operation, long timeoutMillis) throws IOException {
    return execute(operation, timeoutMillis, false).result();
  }

  /**
   * The matched result and every replica's {@code replica_share} (vault gets), by replica.
   *
   * @param result the result f+1 replicas agree on
   * @param replicaShares what each replica that replied put in replica_share (may be empty)
   */
  record Answer(LedgerResult result, Map<Integer, Bytes> replicaShares) {}

  /**
   * Orders {@code operation} and waits, within the timeout, for a reply from every replica (or
   * at least f+1 matching ones when the deadline passes), collecting each one's replica_share.
   */
  Answer executeCollectingShares(LedgerOperation operation, long timeoutMillis)
      throws IOException {
    return execute(operation, timeoutMillis, true);
  }

  private Answer execute(LedgerOperation operation, long timeoutMillis, boolean everyReplica)
      throws IOException {
    long requestTimestamp = send(operation);
    Map<ByteString, Integer> votes = new TreeMap<>(java.util.Comparator.comparing(ByteString::toStringUtf8));
    Map<Integer, Bytes> shares = new TreeMap<>();
    ByteString matched = null;
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (System.currentTimeMillis() < deadline) {
      for (int i = 0; i < sockets.size(); i++) {
        ClientReply reply = null;
        try {
          reply = sockets.get(i) == null ? null : receive(sockets.get(i));
        } catch (IOException down) {
          drop(i);
        }
        if (reply == null || reply.getTimestamp() != requestTimestamp
            || shares.containsKey(reply.getReplica())) {
          continue;
        }
        shares.put(reply.getReplica(), Bytes.of(reply.getReplicaShare().toByteArray()));
        if (votes.merge(reply.getResult(), 1, Integer::sum) >= faults + 1 && matched == null) {
          matched = reply.getResult();
        }
        if (matched != null && (!everyReplica || shares.size() == sockets.size())) {
          return new Answer(LedgerResult.parseFrom(matched), shares);
        }
      }
    }
    if (matched != null) {
      return new Answer(LedgerResult.parseFrom(matched), shares);
    }
    throw new IOException("no " + (faults + 1) + " matching replies within " + timeoutMillis + " ms");
  }

  private long send(LedgerOperation operation) {
    long requestTimestamp = timestamp++;
    Bytes envelope = RequestSigner.sign(new Request(clientId, requestTimestamp, false,
        Bytes.wrapOwned(operation.toByteArray())), keys).envelope();
    byte[] frame = envelope.toByteArray();
    for (int i = 0; i < sockets.size(); i++) {
      try {
        DataOutputStream out = new DataOutputStream(connected(i).getOutputStream());
        out.writeInt(frame.length);
        out.write(frame);
        out.flush();
      } catch (IOException down) {
        drop(i);
      }
    }
    return requestTimestamp;
  }

  /** The socket to replica {@code i}, connecting if there is none (a replica may restart). */
  private Socket connected(int i) throws IOException {
    if (sockets.get(i) == null) {
      Socket socket = new Socket(addresses.get(i).host(), addresses.get(i).port());
      socket.setSoTimeout(100);
      sockets.set(i, socket);
    }
    return sockets.get(i);
  }

  private void drop(int i) {
    try {
      if (sockets.get(i) != null) {
        sockets.get(i).close();
      }
    } catch (IOException ignored) {
      // already broken
    }
    sockets.set(i, null);
  }

  private static ClientReply receive(Socket socket) throws IOException {
    try {
      DataInputStream in = new DataInputStream(socket.getInputStream());
      int length = in.readInt();
      byte[] frame = new byte[length];
      socket.setSoTimeout(10_000);
      try {
        in.readFully(frame);
      } finally {
        socket.setSoTimeout(100);
      }
      SignedEnvelope envelope = SignedEnvelope.parseFrom(frame);
      return Payload.parseFrom(envelope.getPayload()).getReply();
    } catch (SocketTimeoutException e) {
      return null;
    }
  }

  @Override
  public void close() throws IOException {
    for (int i = 0; i < sockets.size(); i++) {
      drop(i);
    }
  }
}
