package io.phalanx.client.vault;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The associated data that binds every sealed vault box to its place, so a box cannot be moved
 * to another secret, version or replica: {@code label ‖ 0x00 ‖ u32 name length ‖ name (UTF-8) ‖
 * u64 version ‖ u32 replica}, big-endian. Labels: {@code "phalanx vault share v1"} (a put's
 * share i, sealed to replica i), {@code "phalanx vault delta v1"} (a refresh's delta share),
 * {@code "phalanx vault reshare v1"} (replica i's current share re-sealed to a reader's
 * ephemeral key, version = the version the get read). The encrypted secret's associated data is
 * {@code "phalanx vault secret v1" ‖ 0x00 ‖ u32 name length ‖ name}. Feldman share index =
 * replica index + 1. Used by the SDK and by the replicas; stable.
 */
public final class VaultBinding {
  private VaultBinding() {}

  public static byte[] share(String name, long version, int replica) {
    return bind("phalanx vault share v1", name, version, replica);
  }

  public static byte[] delta(String name, long version, int replica) {
    return bind("phalanx vault delta v1", name, version, replica);
  }

  public static byte[] reshare(String name, long version, int replica) {
    return bind("phalanx vault reshare v1", name, version, replica);
  }

  public static byte[] secret(String name) {
    byte[] label = label("phalanx vault secret v1");
    byte[] encodedName = name.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(label.length + 4 + encodedName.length).put(label)
        .putInt(encodedName.length).put(encodedName).array();
  }

  /** The Feldman share index of a replica. */
  public static int shareIndex(int replica) {
    return replica + 1;
  }

  private static byte[] bind(String labelText, String name, long version, int replica) {
    Objects.requireNonNull(name, "name");
    byte[] label = label(labelText);
    byte[] encodedName = name.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(label.length + 4 + encodedName.length + 8 + 4).put(label)
        .putInt(encodedName.length).put(encodedName).putLong(version).putInt(replica).array();
  }

  private static byte[] label(String text) {
    byte[] raw = text.getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(raw.length + 1).put(raw).put((byte) 0).array();
  }
}
