package io.phalanx.pbft.sim;

import io.phalanx.pbft.verify.Verifier;
import java.util.Optional;

/**
 * Runs seeds: each seed twice, and the two runs must leave equal trace hashes (determinism).
 * One bounded verification cache is shared by all runs: verifying is a pure function of the
 * envelope bytes and the membership, and the keys are the same in every run.
 */
public final class Simulator {
  static final int VERIFY_CACHE_ENTRIES = 200_000;

  static final int SIGNATURE_MEMO_ENTRIES = 200_000;

  private final Verifier verifier;
  private final MemoizingSigner.Memo memo = new MemoizingSigner.Memo(SIGNATURE_MEMO_ENTRIES);
  private final int clients;

  public Simulator(int replicas, int clients) {
    this.clients = clients;
    this.verifier = new Verifier(SimKeys.membership(replicas, Simulation.admittedClients(clients)),
        VERIFY_CACHE_ENTRIES);
  }

  /** Runs {@code options} twice; the result carries a determinism violation if the traces differ. */
  public SimulationResult runSeed(SimulationOptions options) {
    if (options.clients() != clients) {
      throw new IllegalArgumentException("this simulator admits " + clients + " clients");
    }
    SimulationResult first = Simulation.run(options, verifier, memo);
    SimulationResult second = Simulation.run(options, verifier, memo);
    if (first.passed() != second.passed() || !first.traceHash().equals(second.traceHash())) {
      return new SimulationResult(first.seed(), Optional.of("determinism: two runs of seed "
          + options.seed() + " left different traces (" + first.violation().orElse("passed") + " / "
          + second.violation().orElse("passed") + ")"), first.traceHash(), first.requestsCommitted(),
          first.highestView(), first.rejectedEnvelopes(), first.endMillis());
    }
    return first;
  }

  public Verifier verifier() {
    return verifier;
  }
}
