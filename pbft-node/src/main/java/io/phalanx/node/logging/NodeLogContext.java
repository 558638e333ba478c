package io.phalanx.node.logging;

/**
 * What every log line of a node process carries: the replica's index, its current view and its
 * last executed sequence. The consensus thread updates it; logback's converters read it on any
 * thread (Netty, verifier pool, ledger thread), which MDC alone cannot do.
 */
public final class NodeLogContext {
  private static volatile String replica = "-";
  private static volatile long view = -1;
  private static volatile long sequence = -1;

  private NodeLogContext() {}

  public static void replica(int index) {
    replica = Integer.toString(index);
  }

  public static void progress(long currentView, long lastExecuted) {
    view = currentView;
    sequence = lastExecuted;
  }

  static String replica() {
    return replica;
  }

  static String view() {
    return view < 0 ? "-" : Long.toString(view);
  }

  static String sequence() {
    return sequence < 0 ? "-" : Long.toString(sequence);
  }
}
