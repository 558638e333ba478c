package io.phalanx.ledger.state;

import io.phalanx.crypto.Bytes;
import java.nio.ByteBuffer;

/**
 * The layout of replicated state in the store. Every state key starts with {@link #STATE_PREFIX};
 * exactly the entries under it make up the state digest and a snapshot. Integers are big-endian
 * so that byte order is numeric order (timestamps are non-negative).
 */
public final class StateKeys {
  /** First byte of every state key. */
  public static final byte STATE_PREFIX = 0x01;
  /** The smallest key above every state key. */
  public static final Bytes STATE_END = Bytes.wrapOwned(new byte[] {STATE_PREFIX + 1});
  public static final Bytes STATE_START = Bytes.wrapOwned(new byte[] {STATE_PREFIX});

  static final byte ACCOUNT = 1;
  static final byte TRANSFER = 2;
  static final byte PENDING_STATUS = 3;
  static final byte EXPIRY = 4;
  static final byte ACCOUNT_TRANSFER = 5;
  static final byte BALANCE = 6;
  static final byte CLIENT = 7;
  static final byte MEMBER = 8;
  static final byte PROPOSAL = 9;
  static final byte META = 10;
  static final byte VAULT = 11;
  static final byte VAULT_ACCESS = 12;

  static final Bytes LAST_SEQUENCE = Bytes.wrapOwned(new byte[] {STATE_PREFIX, META, 1});
  static final Bytes LEDGER_TIME = Bytes.wrapOwned(new byte[] {STATE_PREFIX, META, 2});

  private StateKeys() {}

  /** The key of the last executed sequence (8 bytes, big-endian), part of the state. */
  public static Bytes lastSequenceKey() {
    return LAST_SEQUENCE;
  }

  static Bytes account(Uint128 id) {
    return id(ACCOUNT, id);
  }

  static Bytes transfer(Uint128 id) {
    return id(TRANSFER, id);
  }

  static Bytes pendingStatus(Uint128 id) {
    return id(PENDING_STATUS, id);
  }

  static Bytes client(long clientId) {
    return Bytes.wrapOwned(header(CLIENT, 8).putLong(clientId).array());
  }

  /** The client id of a key made by {@link #client}. */
  static long clientIdOf(Bytes key) {
    byte[] raw = key.toByteArray();
    return ByteBuffer.wrap(raw, raw.length - 8, 8).getLong();
  }

  static Bytes member(long memberId) {
    return Bytes.wrapOwned(header(MEMBER, 8).putLong(memberId).array());
  }

  static Bytes proposal(long proposalId) {
    return Bytes.wrapOwned(header(PROPOSAL, 8).putLong(proposalId).array());
  }

  /** A vault secret, by the SHA-256 of its name (names are variable-length). */
  static Bytes vault(String name) {
    return Bytes.wrapOwned(header(VAULT, 32).put(nameDigest(name)).array());
  }

  /** A vault access entry: the secret's name digest, then the ledger timestamp. */
  static Bytes vaultAccess(String name, long timestamp) {
    return Bytes.wrapOwned(header(VAULT_ACCESS, 40).put(nameDigest(name)).putLong(timestamp)
        .array());
  }

  static long vaultAccessTimestamp(Bytes key) {
    return ByteBuffer.wrap(key.toByteArray(), 2 + 32, 8).getLong();
  }

  private static byte[] nameDigest(String name) {
    return io.phalanx.crypto.Sha256.hash(
        Bytes.wrapOwned(name.getBytes(java.nio.charset.StandardCharsets.UTF_8))).toByteArray();
  }

  /** Expiry index: deadline (ms), then the pending transfer's timestamp, then its id. */
  static Bytes expiry(long deadlineMillis, long timestamp, Uint128 id) {
    return Bytes.wrapOwned(header(EXPIRY, 32).putLong(deadlineMillis).putLong(timestamp)
        .putLong(id.high()).putLong(id.low()).array());
  }

  /** The smallest expiry key with a deadline of {@code deadlineMillis} or later. */
  static Bytes expiryFrom(long deadlineMillis) {
    return Bytes.wrapOwned(header(EXPIRY, 8).putLong(deadlineMillis).array());
  }

  static Uint128 expiryTransferId(Bytes key) {
    ByteBuffer buffer = ByteBuffer.wrap(key.toByteArray(), 2 + 16, 16);
    return new Uint128(buffer.getLong(), buffer.getLong());
  }

  /** Per-account index by timestamp (account transfers and balance history). */
  static Bytes accountTimestamp(byte kind, Uint128 account, long timestamp) {
    return Bytes.wrapOwned(header(kind, 24).putLong(account.high()).putLong(account.low())
        .putLong(timestamp).array());
  }

  private static Bytes id(byte kind, Uint128 id) {
    return Bytes.wrapOwned(header(kind, 16).putLong(id.high()).putLong(id.low()).array());
  }

  private static ByteBuffer header(byte kind, int bodyBytes) {
    return ByteBuffer.allocate(2 + bodyBytes).put(STATE_PREFIX).put(kind);
  }
}
