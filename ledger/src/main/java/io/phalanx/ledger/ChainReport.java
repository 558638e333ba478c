package io.phalanx.ledger;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link ChainVerifier#verify}.
 *
 * @param blocksChecked how many blocks were found valid before the first fault (or in all)
 * @param firstBadHeight the height of the first block that failed, if any
 * @param reason why it failed (empty when the chain is valid)
 */
public record ChainReport(long blocksChecked, Optional<Long> firstBadHeight, String reason) {
  public ChainReport {
    Objects.requireNonNull(firstBadHeight, "firstBadHeight");
    Objects.requireNonNull(reason, "reason");
  }

  static ChainReport valid(long blocksChecked) {
    return new ChainReport(blocksChecked, Optional.empty(), "");
  }

  static ChainReport fault(long blocksChecked, long height, String reason) {
    return new ChainReport(blocksChecked, Optional.of(height), reason);
  }

  public boolean isValid() {
    return firstBadHeight.isEmpty();
  }
}
