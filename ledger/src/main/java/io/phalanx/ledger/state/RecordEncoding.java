package io.phalanx.ledger.state;

import io.phalanx.crypto.Bytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of state records: fixed big-endian layouts, so that equal records always give
 * equal bytes on every replica (which the state digest relies on). Not protobuf: the state
 * machine stays free of generated code, and these bytes never leave the node except inside a
 * snapshot, whose reader is this class.
 */
final class RecordEncoding {
  private static final int ACCOUNT_BYTES = 16 + 8 + 4 + 4 + 8 * 4 + 16 + 8 + 4 + 4 + 8;
  private static final int TRANSFER_BYTES = 16 * 3 + 8 + 16 + 16 + 8 + 4 + 4 + 4 + 4 + 4 + 8;

  private RecordEncoding() {}

  static Bytes encode(Account a) {
    ByteBuffer out = ByteBuffer.allocate(ACCOUNT_BYTES);
    putId(out, a.id());
    out.putLong(a.owner()).putInt(a.asset()).putInt(a.flags());
    out.putLong(a.debitsPending()).putLong(a.debitsPosted());
    out.putLong(a.creditsPending()).putLong(a.creditsPosted());
    putId(out, a.userData128());
    out.putLong(a.userData64()).putInt(a.userData32()).putInt(a.code()).putLong(a.timestamp());
    return Bytes.wrapOwned(out.array());
  }

  static Account decodeAccount(Bytes bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes.toByteArray());
    return new Account(getId(in), in.getLong(), in.getInt(), in.getInt(), in.getLong(),
        in.getLong(), in.getLong(), in.getLong(), getId(in), in.getLong(), in.getInt(),
        in.getInt(), in.getLong());
  }

  /** A transfer followed by the height of the block that executed it. */
  static Bytes encode(Transfer t, long blockHeight) {
    ByteBuffer out = ByteBuffer.allocate(TRANSFER_BYTES + 8);
    putId(out, t.id());
    putId(out, t.debitAccountId());
    putId(out, t.creditAccountId());
    out.putLong(t.amount());
    putId(out, t.pendingId());
    putId(out, t.userData128());
    out.putLong(t.userData64()).putInt(t.userData32()).putInt(t.timeoutSeconds());
    out.putInt(t.asset()).putInt(t.code()).putInt(t.flags()).putLong(t.timestamp());
    out.putLong(blockHeight);
    return Bytes.wrapOwned(out.array());
  }

  static Transfer decodeTransfer(Bytes bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes.toByteArray());
    return new Transfer(getId(in), getId(in), getId(in), in.getLong(), getId(in), getId(in),
        in.getLong(), in.getInt(), in.getInt(), in.getInt(), in.getInt(), in.getInt(),
        in.getLong());
  }

  static long decodeTransferHeight(Bytes bytes) {
    return ByteBuffer.wrap(bytes.toByteArray()).getLong(TRANSFER_BYTES);
  }

  static Bytes encode(AccountBalance b) {
    return Bytes.wrapOwned(ByteBuffer.allocate(40).putLong(b.timestamp())
        .putLong(b.debitsPending()).putLong(b.debitsPosted()).putLong(b.creditsPending())
        .putLong(b.creditsPosted()).array());
  }

  static AccountBalance decodeBalance(Bytes bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes.toByteArray());
    return new AccountBalance(in.getLong(), in.getLong(), in.getLong(), in.getLong(),
        in.getLong());
  }

  static Bytes encode(ClientEntry entry) {
    ByteBuffer out = ByteBuffer.allocate(8 + entry.reply().length());
    out.putLong(entry.lastTimestamp());
    entry.reply().copyTo(out.array(), 8);
    return Bytes.wrapOwned(out.array());
  }

  static ClientEntry decodeClient(Bytes bytes) {
    byte[] raw = bytes.toByteArray();
    return new ClientEntry(ByteBuffer.wrap(raw).getLong(), Bytes.of(raw, 8, raw.length - 8));
  }

  static Bytes encode(Member member) {
    List<byte[]> parts = new ArrayList<>();
    parts.add(member.organisation().getBytes(StandardCharsets.UTF_8));
    parts.add(member.publicKey().toByteArray());
    for (String role : member.roles()) {
      parts.add(role.getBytes(StandardCharsets.UTF_8));
    }
    int size = 8 + 4;
    for (byte[] part : parts) {
      size += 4 + part.length;
    }
    ByteBuffer out = ByteBuffer.allocate(size).putLong(member.id()).putInt(parts.size());
    for (byte[] part : parts) {
      out.putInt(part.length).put(part);
    }
    return Bytes.wrapOwned(out.array());
  }

  static Member decodeMember(Bytes bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes.toByteArray());
    long id = in.getLong();
    int count = in.getInt();
    List<byte[]> parts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] part = new byte[in.getInt()];
      in.get(part);
      parts.add(part);
    }
    List<String> roles = new ArrayList<>();
    for (byte[] role : parts.subList(2, parts.size())) {
      roles.add(new String(role, StandardCharsets.UTF_8));
    }
    return new Member(id, new String(parts.get(0), StandardCharsets.UTF_8),
        Bytes.wrapOwned(parts.get(1)), roles);
  }

  static Bytes encodeLong(long value) {
    return Bytes.wrapOwned(ByteBuffer.allocate(8).putLong(value).array());
  }

  static long decodeLong(Bytes bytes) {
    return ByteBuffer.wrap(bytes.toByteArray()).getLong();
  }

  static Bytes encode(PendingStatus status) {
    return Bytes.wrapOwned(new byte[] {(byte) status.code()});
  }

  static PendingStatus decodeStatus(Bytes bytes) {
    return PendingStatus.fromCode(bytes.byteAt(0));
  }

  private static void putId(ByteBuffer out, Uint128 id) {
    out.putLong(id.high()).putLong(id.low());
  }

  private static Uint128 getId(ByteBuffer in) {
    return new Uint128(in.getLong(), in.getLong());
  }
}
