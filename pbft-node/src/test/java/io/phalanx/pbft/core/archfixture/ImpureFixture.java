package io.phalanx.pbft.core.archfixture;

/**
 * Test-only class that breaks every architecture rule for io.phalanx.pbft.core, so that
 * ArchitectureTest can show each rule fails on a violation. It is never imported with main code.
 */
public final class ImpureFixture {
  private final java.util.HashMap<String, String> hashOrdered = new java.util.HashMap<>();
  private final java.util.concurrent.ConcurrentHashMap<String, String> shared =
      new java.util.concurrent.ConcurrentHashMap<>();

  public long readsTheClock() {
    return System.currentTimeMillis() + new java.util.Random().nextInt();
  }

  public Object touchesIoAndWire() throws java.io.IOException {
    return java.nio.file.Files.size(new java.io.File("x").toPath())
        + com.google.protobuf.ByteString.EMPTY.size()
        + io.phalanx.protocol.SignedEnvelope.getDefaultInstance().getSerializedSize();
  }

  public int sizes() {
    return hashOrdered.size() + shared.size();
  }
}
