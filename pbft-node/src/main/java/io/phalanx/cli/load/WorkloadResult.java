package io.phalanx.cli.load;

import java.util.List;

/**
 * What a transfer workload saw and what the read-back found.
 *
 * @param acknowledged transfers the consortium accepted (f+1 matching OK replies)
 * @param rejected transfers it refused (e.g. exceeds_credits), with no effect
 * @param indeterminate transfers whose outcome stayed unknown (no quorum in time)
 * @param indeterminateFound how many of those the read-back found executed
 * @param missing acknowledged transfers not found with identical fields
 * @param conserved every per-asset sum of debits equals that of credits, nothing is pending,
 *     and each account's balance is what the acknowledged (and found) transfers make it
 * @param transfersPerSecond acknowledged transfers per second of the run
 * @param problems what failed, one line each, for people
 */
public record WorkloadResult(long acknowledged, long rejected, long indeterminate,
    long indeterminateFound, long missing, boolean conserved, double transfersPerSecond,
    List<String> problems) {
  public WorkloadResult {
    problems = List.copyOf(problems);
  }

  /** True when nothing acknowledged is missing and balances are conserved. */
  public boolean passed() {
    return missing == 0 && conserved;
  }

  /** The exact last line of {@code phalanx load}. */
  public String summaryLine() {
    return "acknowledged=" + acknowledged + " missing=" + missing + " conserved=" + conserved;
  }
}
