package io.phalanx.pbft.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The faults of one run's fault phase, all drawn from its seed: delay range (reordering follows
 * from it), drop and duplicate rates, partitions (symmetric or one-way) and crashes.
 */
record NetworkFaults(long delayMinMillis, long delayMaxMillis, double dropRate, double duplicateRate,
    List<Partition> partitions, List<Crash> crashes) {

  /** From {@code startMillis} to {@code endMillis}, nothing goes from a replica in {@code from} to one in {@code to}. */
  record Partition(long startMillis, long endMillis, List<Integer> from, List<Integer> to, boolean symmetric) {
    boolean blocks(long nowMillis, int sender, int receiver) {
      if (nowMillis < startMillis || nowMillis >= endMillis) {
        return false;
      }
      return (from.contains(sender) && to.contains(receiver))
          || (symmetric && to.contains(sender) && from.contains(receiver));
    }
  }

  record Crash(long atMillis, int replica, long downMillis) {}

  static NetworkFaults draw(SplittableRandom random, int replicas, List<Integer> correct, long phaseMillis) {
    long delayMin = 1 + random.nextInt(5);
    long delayMax = delayMin + 1 + random.nextInt(60);
    double drop = random.nextInt(4) == 0 ? 0 : random.nextDouble() * 0.30;
    double duplicate = random.nextInt(3) == 0 ? 0 : random.nextDouble() * 0.50;
    List<Partition> partitions = new ArrayList<>();
    int partitionCount = random.nextInt(3);
    for (int i = 0; i < partitionCount; i++) {
      long start = random.nextLong(phaseMillis);
      long end = Math.min(phaseMillis, start + 200 + random.nextLong(2_000));
      List<Integer> side = new ArrayList<>();
      List<Integer> rest = new ArrayList<>();
      for (int replica = 0; replica < replicas; replica++) {
        (random.nextInt(3) == 0 ? side : rest).add(replica);
      }
      partitions.add(new Partition(start, end, side, rest, random.nextBoolean()));
    }
    List<Crash> crashes = new ArrayList<>();
    int crashCount = random.nextInt(3);
    for (int i = 0; i < crashCount && !correct.isEmpty(); i++) {
      crashes.add(new Crash(random.nextLong(phaseMillis), correct.get(random.nextInt(correct.size())),
          100 + random.nextLong(1_500)));
    }
    return new NetworkFaults(delayMin, delayMax, drop, duplicate, partitions, crashes);
  }

  boolean blocks(long nowMillis, int sender, int receiver) {
    for (Partition partition : partitions) {
      if (partition.blocks(nowMillis, sender, receiver)) {
        return true;
      }
    }
    return false;
  }
}
