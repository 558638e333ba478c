package io.phalanx.pbft.net;

import io.phalanx.crypto.Bytes;
import io.phalanx.wire.ReasonCounter;
import java.security.SecureRandom;

/** What every link handler of one transport shares. Thread-safe. */
final class LinkContext {
  private final int self;
  private final LinkHellos hellos;
  private final InboundDispatch dispatch;
  private final ReasonCounter<TransportCounter> counters;
  private final SecureRandom challengeRandom;
  private final long handshakeTimeoutMillis;
  private final int inboundFramesInFlightMax;

  LinkContext(int self, LinkHellos hellos, InboundDispatch dispatch,
      ReasonCounter<TransportCounter> counters, SecureRandom challengeRandom,
      long handshakeTimeoutMillis, int inboundFramesInFlightMax) {
    this.self = self;
    this.hellos = hellos;
    this.dispatch = dispatch;
    this.counters = counters;
    this.challengeRandom = challengeRandom;
    this.handshakeTimeoutMillis = handshakeTimeoutMillis;
    this.inboundFramesInFlightMax = inboundFramesInFlightMax;
  }

  int inboundFramesInFlightMax() {
    return inboundFramesInFlightMax;
  }

  int self() {
    return self;
  }

  LinkHellos hellos() {
    return hellos;
  }

  InboundDispatch dispatch() {
    return dispatch;
  }

  ReasonCounter<TransportCounter> counters() {
    return counters;
  }

  long handshakeTimeoutMillis() {
    return handshakeTimeoutMillis;
  }

  /** 32 fresh bytes from the secure generator: never reused across connections. */
  Bytes freshChallenge() {
    byte[] challenge = new byte[LinkHellos.CHALLENGE_BYTES];
    challengeRandom.nextBytes(challenge);
    return Bytes.wrapOwned(challenge);
  }
}
