package io.phalanx.client;

import io.phalanx.config.ClientConfig;
import io.phalanx.config.ConfigException;
import io.phalanx.config.NetworkSettings;
import io.phalanx.crypto.KeyFiles;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.protocol.Genesis;
import io.phalanx.wire.SocketSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * Builds a {@link PhalanxClient}: either {@link #config(Path)} (a {@code client-I.yaml} written
 * by {@code phalanx init}) or {@link #genesis(Genesis)} plus {@link #identity(long,
 * SigningKeyPair)}; every other setting has a default. Not thread-safe; one builder, one client.
 */
public final class PhalanxClientBuilder {
  /** Default time to wait for a quorum before resending to every replica. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(3);
  /** Least default time after which a call without a quorum fails with an unknown outcome. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);

  private Genesis genesis;
  private long clientId;
  private SigningKeyPair keyPair;
  private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
  private Duration deadline;
  private Duration resendDelayMax = Duration.ofSeconds(10);
  private int eventsPerRequestMax = 1024;
  private int pendingCallsMax = 10_000;
  private NetworkSettings network = new NetworkSettings(4 << 20, 10_000, 50, 5_000);
  private SocketSettings socketSettings = SocketSettings.defaults();
  private Executor callbackExecutor = ForkJoinPool.commonPool();
  private Clock clock = Clock.systemUTC();

  PhalanxClientBuilder() {}

  /**
   * Reads a client configuration: identity, key, genesis, request timeout and network settings.
   *
   * @throws ConfigException naming the file and field when the file, the key or the genesis
   *     cannot be used
   */
  public PhalanxClientBuilder config(Path file) {
    ClientConfig config = ClientConfig.load(Objects.requireNonNull(file, "file"));
    try {
      this.genesis = Genesis.parseFrom(Files.readAllBytes(config.genesis()));
    } catch (IOException e) {
      throw new ConfigException(file, "genesis", "cannot read " + config.genesis() + ": " + e);
    }
    try {
      this.keyPair = KeyFiles.readPrivateKey(config.signingKey());
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(file, "signingKey", "cannot read " + config.signingKey() + ": " + e);
    }
    this.clientId = config.clientId();
    this.requestTimeout = Duration.ofMillis(config.requestTimeoutMillis());
    this.network = config.network();
    return this;
  }

  /** The consortium: its replicas' keys and client addresses. */
  public PhalanxClientBuilder genesis(Genesis genesis) {
    this.genesis = Objects.requireNonNull(genesis, "genesis");
    return this;
  }

  /** Who signs the requests: a member id of the genesis and its Ed25519 key pair. */
  public PhalanxClientBuilder identity(long clientId, SigningKeyPair keyPair) {
    if (clientId <= 0) {
      throw new IllegalArgumentException("clientId must be positive, got " + clientId);
    }
    this.clientId = clientId;
    this.keyPair = Objects.requireNonNull(keyPair, "keyPair");
    return this;
  }

  /** How long to wait for a quorum before resending to every replica (default 3 s). */
  public PhalanxClientBuilder requestTimeout(Duration timeout) {
    this.requestTimeout = positive(timeout, "requestTimeout");
    return this;
  }

  /**
   * How long a call may wait for its quorum in all before it fails (default: 30 s or ten request
   * timeouts, whichever is longer).
   */
  public PhalanxClientBuilder deadline(Duration deadline) {
    this.deadline = positive(deadline, "deadline");
    return this;
  }

  /** The longest delay between two resends (default 10 s). */
  public PhalanxClientBuilder resendDelayMax(Duration delay) {
    this.resendDelayMax = positive(delay, "resendDelayMax");
    return this;
  }

  /** The most events coalesced create calls may carry together (default 1024). */
  public PhalanxClientBuilder eventsPerRequestMax(int events) {
    this.eventsPerRequestMax = between(events, 1, RequestValidation.EVENTS_MAX, "eventsPerRequestMax");
    return this;
  }

  /** Calls accepted but not yet answered; one more fails at once (default 10 000). */
  public PhalanxClientBuilder pendingCallsMax(int calls) {
    this.pendingCallsMax = between(calls, 1, 10_000_000, "pendingCallsMax");
    return this;
  }

  public PhalanxClientBuilder network(NetworkSettings network) {
    this.network = Objects.requireNonNull(network, "network");
    return this;
  }

  public PhalanxClientBuilder socketSettings(SocketSettings settings) {
    this.socketSettings = Objects.requireNonNull(settings, "settings");
    return this;
  }

  /** Where futures complete (default: the common fork-join pool). */
  public PhalanxClientBuilder callbackExecutor(Executor executor) {
    this.callbackExecutor = Objects.requireNonNull(executor, "executor");
    return this;
  }

  /** The wall clock request timestamps start from (tests inject one). */
  PhalanxClientBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Starts the client; connections open in the background.
   *
   * @throws IllegalStateException if the genesis or the identity is missing
   * @throws IllegalArgumentException if the genesis is unusable or the deadline is shorter than
   *     the request timeout
   */
  public PhalanxClient build() {
    if (genesis == null || keyPair == null) {
      throw new IllegalStateException("set config(path), or genesis(...) and identity(...)");
    }
    if (deadline == null) {
      Duration tenTimeouts = requestTimeout.multipliedBy(10);
      deadline = tenTimeouts.compareTo(DEFAULT_DEADLINE) > 0 ? tenTimeouts : DEFAULT_DEADLINE;
    }
    if (deadline.compareTo(requestTimeout) < 0) {
      throw new IllegalArgumentException("deadline " + deadline + " is shorter than the request "
          + "timeout " + requestTimeout);
    }
    return new PhalanxClient(this, Consortium.of(genesis));
  }

  long clientId() {
    return clientId;
  }

  Genesis genesis() {
    return genesis;
  }

  SigningKeyPair keyPair() {
    return keyPair;
  }

  int pendingCallsMax() {
    return pendingCallsMax;
  }

  NetworkSettings network() {
    return network;
  }

  SocketSettings socketSettings() {
    return socketSettings;
  }

  Executor callbackExecutor() {
    return callbackExecutor;
  }

  Clock clock() {
    return clock;
  }

  ClientCore.Settings settings(int replicas) {
    return new ClientCore.Settings(clientId, replicas, requestTimeout.toNanos(), deadline.toNanos(),
        Math.max(requestTimeout.toNanos(), resendDelayMax.toNanos()), eventsPerRequestMax);
  }

  private static Duration positive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + duration);
    }
    return duration;
  }

  private static int between(int value, int min, int max, String name) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be in " + min + ".." + max + ", got " + value);
    }
    return value;
  }
}
