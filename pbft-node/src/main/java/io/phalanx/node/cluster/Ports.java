package io.phalanx.node.cluster;

import io.phalanx.node.config.ConsortiumWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.SplittableRandom;

/** Free loopback ports for a local consortium. */
public final class Ports {
  private static final int LOW = 20_000;
  private static final int HIGH = 32_000;

  private Ports() {}

  /**
   * A base port p such that p..p+n-1 and the same plus the client and admin offsets are free.
   * Drawn below the kernel's ephemeral range (which starts at 32768 by default), so an outgoing
   * connection cannot take one of them while a replica is down and about to restart.
   */
  public static int freeBlock(int replicas) throws IOException {
    SplittableRandom random = new SplittableRandom();
    for (int attempt = 0; attempt < 500; attempt++) {
      int base = random.nextInt(LOW, HIGH - ConsortiumWriter.ADMIN_PORT_OFFSET - replicas);
      if (isBlockFree(base, replicas)) {
        return base;
      }
    }
    throw new IOException("no free block of " + replicas + " ports on loopback");
  }

  private static boolean isBlockFree(int base, int replicas) {
    for (int i = 0; i < replicas; i++) {
      for (int offset : new int[] {0, ConsortiumWriter.CLIENT_PORT_OFFSET,
          ConsortiumWriter.ADMIN_PORT_OFFSET}) {
        if (!isFree(base + i + offset)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isFree(int port) {
    try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
