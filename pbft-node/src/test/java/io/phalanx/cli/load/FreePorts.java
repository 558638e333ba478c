package io.phalanx.cli.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** A {@code phalanx init --base-port} whose client ports (base+100..base+103) are free now. */
final class FreePorts {
  private FreePorts() {}

  static int basePort() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int base = ThreadLocalRandom.current().nextInt(20_000, 60_000);
      if (free(base + 100, 4)) {
        return base;
      }
    }
    throw new IllegalStateException("no free loopback ports found");
  }

  private static boolean free(int first, int count) {
    for (int port = first; port < first + count; port++) {
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        socket.setReuseAddress(true);
      } catch (IOException taken) {
        return false;
      }
    }
    return true;
  }
}
