package io.phalanx.pbft.net;

import io.phalanx.crypto.PublicKey;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.wire.Framing;
import io.phalanx.wire.SocketSettings;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * Everything a {@link ReplicaTransport} needs, validated on {@link Builder#build()}. Immutable.
 * The random sources are injectable so that tests can make back-off deterministic; challenges
 * always come from a {@link SecureRandom}.
 */
public final class TransportConfig {
  final int replicaId;
  final String consortiumId;
  final SigningKeyPair keyPair;
  final Map<Integer, PublicKey> replicaKeys;
  final InetSocketAddress replicaListenAddress;
  final InetSocketAddress clientListenAddress;
  final int frameBytesMax;
  final SocketSettings socketSettings;
  final int outboundQueueMessagesMax;
  final long outboundQueueBytesMax;
  final long handshakeTimeoutMillis;
  final int pendingHandshakesMax;
  final int clientConnectionsMax;
  final int inboundFramesInFlightMax;
  final long clientIdleTimeoutMillis;
  final Backoff backoff;
  final SecureRandom challengeRandom;
  final int ioThreads;
  final Executor inboundExecutor;
  final Optional<TlsIdentity> tls;

  private TransportConfig(Builder b) {
    this.replicaId = b.replicaId;
    this.consortiumId = b.consortiumId;
    this.keyPair = b.keyPair;
    this.replicaKeys = Collections.unmodifiableMap(new TreeMap<>(b.replicaKeys));
    this.replicaListenAddress = b.replicaListenAddress;
    this.clientListenAddress = b.clientListenAddress;
    this.frameBytesMax = b.frameBytesMax;
    this.socketSettings = b.socketSettings;
    this.outboundQueueMessagesMax = b.outboundQueueMessagesMax;
    this.outboundQueueBytesMax = b.outboundQueueBytesMax;
    this.handshakeTimeoutMillis = b.handshakeTimeoutMillis;
    this.pendingHandshakesMax = b.pendingHandshakesMax;
    this.clientConnectionsMax = b.clientConnectionsMax;
    this.inboundFramesInFlightMax = b.inboundFramesInFlightMax;
    this.clientIdleTimeoutMillis = b.clientIdleTimeoutMillis;
    this.backoff = new Backoff(b.reconnectDelayMinMillis, b.reconnectDelayMaxMillis, b.jitter);
    this.challengeRandom = b.challengeRandom;
    this.ioThreads = b.ioThreads;
    this.inboundExecutor = b.inboundExecutor;
    this.tls = Optional.ofNullable(b.tls);
  }

  public static Builder builder() {
    return new Builder();
  }

  public int replicaId() {
    return replicaId;
  }

  public int frameBytesMax() {
    return frameBytesMax;
  }

  /**
   * A validating builder. Required: {@link #replicaId}, {@link #consortiumId}, {@link #keyPair},
   * {@link #replicaKeys} (every replica, this one included, with the key matching
   * {@code keyPair}) and {@link #inboundExecutor}. Everything else has a default.
   */
  public static final class Builder {
    private int replicaId = -1;
    private String consortiumId;
    private SigningKeyPair keyPair;
    private Map<Integer, PublicKey> replicaKeys;
    private InetSocketAddress replicaListenAddress = new InetSocketAddress("127.0.0.1", 0);
    private InetSocketAddress clientListenAddress = new InetSocketAddress("127.0.0.1", 0);
    private int frameBytesMax = Framing.DEFAULT_FRAME_BYTES_MAX;
    private SocketSettings socketSettings = SocketSettings.defaults();
    private int outboundQueueMessagesMax = 10_000;
    private long outboundQueueBytesMax = 64L * 1024 * 1024;
    private long handshakeTimeoutMillis = 5_000;
    private int pendingHandshakesMax = 64;
    private int clientConnectionsMax = 1_024;
    private int inboundFramesInFlightMax = 64;
    private long clientIdleTimeoutMillis = 120_000;
    private long reconnectDelayMinMillis = 100;
    private long reconnectDelayMaxMillis = 10_000;
    private RandomGenerator jitter = new SplittableRandom();
    private SecureRandom challengeRandom = new SecureRandom();
    private int ioThreads = 2;
    private Executor inboundExecutor;
    private TlsIdentity tls;

    private Builder() {}

    public Builder replicaId(int replicaId) {
      this.replicaId = replicaId;
      return this;
    }

    public Builder consortiumId(String consortiumId) {
      this.consortiumId = Objects.requireNonNull(consortiumId, "consortiumId");
      return this;
    }

    public Builder keyPair(SigningKeyPair keyPair) {
      this.keyPair = Objects.requireNonNull(keyPair, "keyPair");
      return this;
    }

    /** Every replica's consortium key, by replica number (0..n−1), this replica's included. */
    public Builder replicaKeys(Map<Integer, PublicKey> replicaKeys) {
      this.replicaKeys = Map.copyOf(Objects.requireNonNull(replicaKeys, "replicaKeys"));
      return this;
    }

    /** Where peers connect; default 127.0.0.1 on a free port. */
    public Builder replicaListenAddress(InetSocketAddress address) {
      this.replicaListenAddress = Objects.requireNonNull(address, "address");
      return this;
    }

    /** Where clients connect; default 127.0.0.1 on a free port. */
    public Builder clientListenAddress(InetSocketAddress address) {
      this.clientListenAddress = Objects.requireNonNull(address, "address");
      return this;
    }

    /** The largest frame body accepted or sent; default 4 MiB, at least 1 KiB (a hello). */
    public Builder frameBytesMax(int frameBytesMax) {
      require(Framing.checkFrameBytesMax(frameBytesMax) >= LinkHellos.HELLO_BYTES_MAX,
          "frameBytesMax must be at least " + LinkHellos.HELLO_BYTES_MAX + ", got " + frameBytesMax);
      this.frameBytesMax = frameBytesMax;
      return this;
    }

    public Builder socketSettings(SocketSettings socketSettings) {
      this.socketSettings = Objects.requireNonNull(socketSettings, "socketSettings");
      return this;
    }

    /** The bound on each peer's outbound queue; defaults 10 000 messages and 64 MiB. */
    public Builder outboundQueueMax(int messages, long bytes) {
      this.outboundQueueMessagesMax = (int) positive(messages, "messages");
      this.outboundQueueBytesMax = positive(bytes, "bytes");
      return this;
    }

    /** How long a link may take to authenticate; default 5 s. */
    public Builder handshakeTimeoutMillis(long millis) {
      this.handshakeTimeoutMillis = positive(millis, "handshakeTimeoutMillis");
      return this;
    }

    /** How many incoming links may be authenticating at once; default 64. */
    public Builder pendingHandshakesMax(int max) {
      this.pendingHandshakesMax = (int) positive(max, "pendingHandshakesMax");
      return this;
    }

    /** How many client connections the client listener holds at once; default 1024. */
    public Builder clientConnectionsMax(int max) {
      this.clientConnectionsMax = (int) positive(max, "clientConnectionsMax");
      return this;
    }

    /**
     * How long a client connection may send nothing before it is closed; default 2 min. Keeps
     * silent connections from holding the listener's slots.
     */
    public Builder clientIdleTimeoutMillis(long millis) {
      this.clientIdleTimeoutMillis = positive(millis, "clientIdleTimeoutMillis");
      return this;
    }

    /**
     * How many of one connection's frames may wait in the inbound executor before that
     * connection stops reading until half are handled; default 64. Keeps one flooding peer or
     * client from filling the executor's queue for everyone.
     */
    public Builder inboundFramesInFlightMax(int max) {
      this.inboundFramesInFlightMax = (int) positive(max, "inboundFramesInFlightMax");
      return this;
    }

    /** Reconnect back-off bounds (default 100 ms to 10 s) and its jitter source. */
    public Builder reconnectBackoff(long delayMinMillis, long delayMaxMillis, RandomGenerator jitter) {
      this.reconnectDelayMinMillis = delayMinMillis;
      this.reconnectDelayMaxMillis = delayMaxMillis;
      this.jitter = Objects.requireNonNull(jitter, "jitter");
      return this;
    }

    public Builder challengeRandom(SecureRandom random) {
      this.challengeRandom = Objects.requireNonNull(random, "random");
      return this;
    }

    /** Netty IO threads shared by all links and both listeners; default 2. */
    public Builder ioThreads(int threads) {
      this.ioThreads = (int) positive(threads, "ioThreads");
      return this;
    }

    /**
     * Runs the {@link InboundHandler}. It should be bounded (for example a
     * {@code ThreadPoolExecutor} over a bounded queue): a refused frame is dropped and counted.
     */
    public Builder inboundExecutor(Executor executor) {
      this.inboundExecutor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Runs replica links over mutual TLS with this identity (optional; default plain TCP). Every
     * replica of the consortium must then use TLS with a certificate from the same CA.
     */
    public Builder tls(TlsIdentity identity) {
      this.tls = Objects.requireNonNull(identity, "identity");
      return this;
    }

    public TransportConfig build() {
      require(consortiumId != null && !consortiumId.isEmpty(), "consortiumId is required");
      require(keyPair != null, "keyPair is required");
      require(inboundExecutor != null, "inboundExecutor is required");
      require(replicaKeys != null, "replicaKeys is required");
      require(replicaKeys.containsKey(replicaId), "replicaKeys has no entry for replicaId "
          + replicaId);
      require(replicaKeys.get(replicaId).equals(keyPair.publicKey()),
          "replicaKeys[" + replicaId + "] is not the public key of keyPair");
      return new TransportConfig(this);
    }

    private static void require(boolean condition, String message) {
      if (!condition) {
        throw new IllegalArgumentException(message);
      }
    }

    private static long positive(long value, String name) {
      if (value <= 0) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
      return value;
    }
  }
}
