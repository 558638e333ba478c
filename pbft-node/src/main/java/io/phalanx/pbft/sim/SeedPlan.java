package io.phalanx.pbft.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which strategies the Byzantine replicas of a seed play: one named strategy for all of them,
 * none, or "all" — the strategies rotate with the seed so a seed range covers every one.
 */
public final class SeedPlan {
  private SeedPlan() {}

  /** @param byzantine a {@link ByzantineStrategy} name (any case), "all" or "none" */
  public static List<ByzantineStrategy> strategies(long seed, String byzantine, int byzantineReplicas) {
    String spec = byzantine.toLowerCase(Locale.ROOT);
    if (spec.equals("none") || byzantineReplicas == 0) {
      return List.of();
    }
    ByzantineStrategy[] all = ByzantineStrategy.values();
    List<ByzantineStrategy> strategies = new ArrayList<>();
    for (int i = 0; i < byzantineReplicas; i++) {
      strategies.add(spec.equals("all")
          ? all[(int) Math.floorMod(seed + i, (long) all.length)]
          : ByzantineStrategy.valueOf(byzantine.toUpperCase(Locale.ROOT).replace('-', '_')));
    }
    return strategies;
  }

  /** Whether {@code byzantine} names a strategy, "all" or "none". */
  public static boolean isValid(String byzantine) {
    String spec = byzantine.toLowerCase(Locale.ROOT);
    if (spec.equals("all") || spec.equals("none")) {
      return true;
    }
    try {
      ByzantineStrategy.valueOf(byzantine.toUpperCase(Locale.ROOT).replace('-', '_'));
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
