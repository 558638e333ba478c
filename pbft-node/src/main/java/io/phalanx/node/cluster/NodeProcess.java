package io.phalanx.node.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One replica running as a real operating-system process: {@code java ... phalanx node --config
 * FILE}, started from the same Java binary and class path as this JVM, its output appended to a
 * log file. SIGKILL and SIGTERM are real signals; a restart is a new process on the same data.
 */
public final class NodeProcess implements AutoCloseable {
  private final int replica;
  private final Path config;
  private final Path logFile;
  private final List<String> jvmOptions;
  private Process process;

  public NodeProcess(int replica, Path config, Path logFile, List<String> jvmOptions) {
    this.replica = replica;
    this.config = Objects.requireNonNull(config, "config");
    this.logFile = Objects.requireNonNull(logFile, "logFile");
    this.jvmOptions = List.copyOf(jvmOptions);
  }

  public int replica() {
    return replica;
  }

  public Path logFile() {
    return logFile;
  }

  /** Starts the process; fails if it is already running. */
  public synchronized void start() throws IOException {
    if (isAlive()) {
      throw new IllegalStateException("replica " + replica + " is already running");
    }
    Files.createDirectories(logFile.toAbsolutePath().getParent());
    List<String> command = new ArrayList<>();
    command.add(javaBinary().toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.phalanx.cli.PhalanxCommand");
    command.add("node");
    command.add("--config");
    command.add(config.toAbsolutePath().toString());
    process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
  }

  public synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  public synchronized Optional<Long> pid() {
    return process == null ? Optional.empty() : Optional.of(process.pid());
  }

  /** SIGKILL: the process gets no chance to flush or shut down. Waits until it is gone. */
  public void kill() throws InterruptedException {
    signalAndWait(true);
  }

  /** SIGTERM: a clean shutdown. Waits until it is gone (SIGKILL after 20 s as a last resort). */
  public void terminate() throws InterruptedException {
    signalAndWait(false);
  }

  private void signalAndWait(boolean forcibly) throws InterruptedException {
    Process running;
    synchronized (this) {
      running = process;
    }
    if (running == null || !running.isAlive()) {
      return;
    }
    if (forcibly) {
      running.destroyForcibly();
    } else {
      running.destroy();
    }
    if (!running.waitFor(20, TimeUnit.SECONDS)) {
      running.destroyForcibly();
      running.waitFor(20, TimeUnit.SECONDS);
    }
  }

  /** The exit code, once the process has ended. */
  public synchronized Optional<Integer> exitCode() {
    return process == null || process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
  }

  private static Path javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
