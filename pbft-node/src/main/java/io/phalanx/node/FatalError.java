package io.phalanx.node;

/**
 * What the node does when it can no longer run correctly: a failed LevelDB write, a broken core
 * invariant, a corrupt log. In a node process it logs and exits; in an in-process test cluster
 * it records the failure and stops that replica.
 */
@FunctionalInterface
public interface FatalError {
  void stop(String reason, Throwable cause);

  /** Logs the reason and halts the JVM with exit code 70 (EX_SOFTWARE). */
  static FatalError haltProcess() {
    return (reason, cause) -> {
      org.slf4j.LoggerFactory.getLogger(FatalError.class).error("stopping: {}", reason, cause);
      Runtime.getRuntime().halt(70);
    };
  }
}
