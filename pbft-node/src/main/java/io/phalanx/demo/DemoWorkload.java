package io.phalanx.demo;

/**
 * The transfer workload the demo runs against the consortium while it injects a fault. An
 * implementation keeps every acknowledged transfer and checks them all at the end.
 */
public interface DemoWorkload extends AutoCloseable {
  /** Creates accounts and funds them, then starts the closed-loop clients. */
  void start() throws Exception;

  /**
   * Sends one more small transfer and waits for it: a replica that fell behind catches up at the
   * next stable checkpoint, which only comes with more requests.
   */
  void nudge() throws Exception;

  /** Counters so far, for the live progress line. */
  Progress progress();

  /** Stops the clients, waits for what is in flight, reads everything back and checks it. */
  Verdict stopAndCheck() throws Exception;

  /**
   * @param acknowledged transfers confirmed by f+1 matching replies
   * @param rejected transfers the ledger refused (overdrafts and the like)
   * @param inFlight requests sent and not yet answered
   */
  record Progress(long acknowledged, long rejected, long inFlight) {}

  /**
   * @param acknowledged transfers confirmed during the run
   * @param missing acknowledged transfers not found afterwards (must be 0)
   * @param conserved whether balances add up (Σ debits = Σ credits, and per account)
   */
  record Verdict(long acknowledged, long missing, boolean conserved) {
    public boolean passed() {
      return missing == 0 && conserved;
    }
  }
}
