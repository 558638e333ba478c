package io.phalanx.pbft.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Netty's leak detector at PARANOID, with every leak report recorded so a test can assert there
 * were none. Must be installed before the first ByteBuf class is loaded (a static initialiser
 * of each test class that uses Netty). Best effort: a leak is only reported once the garbage
 * collector has found the lost buffer.
 */
final class LeakRecorder {
  private static final List<String> LEAKS = new CopyOnWriteArrayList<>();
  private static boolean installed;

  private LeakRecorder() {}

  static synchronized void install() {
    if (installed) {
      return;
    }
    installed = true;
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new ResourceLeakDetectorFactory() {
      @Override
      public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource,
          int samplingInterval, long maxActive) {
        return new ResourceLeakDetector<T>(resource, samplingInterval) {
          @Override
          protected void reportTracedLeak(String resourceType, String records) {
            LEAKS.add(resourceType + records);
          }

          @Override
          protected void reportUntracedLeak(String resourceType) {
            LEAKS.add(resourceType);
          }
        };
      }
    });
  }

  /** Collects garbage, lets the detector look, and returns every leak reported so far. */
  static List<String> collectLeaks() {
    for (int round = 0; round < 3; round++) {
      System.gc();
      for (int i = 0; i < 100; i++) {
        ByteBuf probe = PooledByteBufAllocator.DEFAULT.buffer(16);
        probe.release();
      }
    }
    return List.copyOf(LEAKS);
  }
}
