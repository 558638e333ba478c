package io.phalanx.ledger.state;

import io.phalanx.crypto.Bytes;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of vault records and access entries: fixed big-endian layouts with u32 length
 * prefixes, so equal records are equal bytes on every replica (see {@link RecordEncoding}).
 */
final class VaultEncoding {
  private VaultEncoding() {}

  static Bytes encode(VaultRecord record) {
    return write(out -> {
      putBytes(out, record.name().getBytes(StandardCharsets.UTF_8));
      out.writeLong(record.version());
      out.writeLong(record.policy().owner());
      putLongs(out, record.policy().readers());
      out.writeInt(record.policy().approvalsRequired());
      putLongs(out, record.policy().approvers());
      out.writeInt(record.threshold());
      putBytes(out, record.commitments().toByteArray());
      putBytes(out, record.encryptedSecret().toByteArray());
      out.writeBoolean(record.deleted());
      out.writeInt(record.layers().size());
      for (VaultShareLayer layer : record.layers()) {
        out.writeLong(layer.version());
        putBytes(out, layer.commitments().toByteArray());
        out.writeInt(layer.boxes().size());
        for (Bytes box : layer.boxes()) {
          putBytes(out, box.toByteArray());
        }
      }
    });
  }

  static VaultRecord decodeRecord(Bytes bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes.toByteArray());
    String name = new String(getBytes(in), StandardCharsets.UTF_8);
    long version = in.getLong();
    VaultPolicy policy = new VaultPolicy(in.getLong(), getLongs(in), in.getInt(), getLongs(in));
    int threshold = in.getInt();
    Bytes commitments = Bytes.wrapOwned(getBytes(in));
    Bytes encryptedSecret = Bytes.wrapOwned(getBytes(in));
    boolean deleted = in.get() != 0;
    int layerCount = in.getInt();
    List<VaultShareLayer> layers = new ArrayList<>();
    for (int i = 0; i < layerCount; i++) {
      long layerVersion = in.getLong();
      Bytes layerCommitments = Bytes.wrapOwned(getBytes(in));
      int boxCount = in.getInt();
      List<Bytes> boxes = new ArrayList<>();
      for (int j = 0; j < boxCount; j++) {
        boxes.add(Bytes.wrapOwned(getBytes(in)));
      }
      layers.add(new VaultShareLayer(layerVersion, layerCommitments, boxes));
    }
    return new VaultRecord(name, version, policy, threshold, commitments, encryptedSecret,
        layers, deleted);
  }

  /** An access entry; its timestamp is in the key. */
  static Bytes encode(VaultAccess access) {
    return Bytes.wrapOwned(ByteBuffer.allocate(8 + 4 + 4 + 8).putLong(access.member())
        .putInt(access.kind().code()).putInt(access.code().code()).putLong(access.version())
        .array());
  }

  static VaultAccess decodeAccess(long timestamp, Bytes bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes.toByteArray());
    long member = in.getLong();
    VaultAccess.Kind kind = VaultAccess.Kind.fromCode(in.getInt());
    ResultCode code = ResultCode.fromCode(in.getInt()).orElseThrow();
    return new VaultAccess(timestamp, member, kind, code, in.getLong());
  }

  private interface Body {
    void write(DataOutputStream out) throws IOException;
  }

  private static Bytes write(Body body) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      body.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return Bytes.wrapOwned(buffer.toByteArray());
  }

  private static void putBytes(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static byte[] getBytes(ByteBuffer in) {
    byte[] bytes = new byte[in.getInt()];
    in.get(bytes);
    return bytes;
  }

  private static void putLongs(DataOutputStream out, List<Long> values) throws IOException {
    out.writeInt(values.size());
    for (long value : values) {
      out.writeLong(value);
    }
  }

  private static List<Long> getLongs(ByteBuffer in) {
    int count = in.getInt();
    List<Long> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      values.add(in.getLong());
    }
    return values;
  }
}
