package io.phalanx.ledger.codec;

import io.phalanx.ledger.state.Account;
import io.phalanx.ledger.state.AccountBalance;
import io.phalanx.ledger.state.Transfer;
import io.phalanx.ledger.state.Uint128;

/** Ledger records to and from their protobuf messages. */
public final class RecordMessages {
  private RecordMessages() {}

  public static Uint128 fromProto(io.phalanx.protocol.Uint128 id) {
    return new Uint128(id.getHigh(), id.getLow());
  }

  public static io.phalanx.protocol.Uint128 toProto(Uint128 id) {
    return io.phalanx.protocol.Uint128.newBuilder().setHigh(id.high()).setLow(id.low()).build();
  }

  public static Account fromProto(io.phalanx.protocol.Account a) {
    return new Account(fromProto(a.getId()), a.getOwner(), a.getAsset(), a.getFlags(),
        a.getDebitsPending(), a.getDebitsPosted(), a.getCreditsPending(), a.getCreditsPosted(),
        fromProto(a.getUserData128()), a.getUserData64(), a.getUserData32(), a.getCode(),
        a.getTimestamp());
  }

  public static io.phalanx.protocol.Account toProto(Account a) {
    return io.phalanx.protocol.Account.newBuilder().setId(toProto(a.id())).setOwner(a.owner())
        .setAsset(a.asset()).setFlags(a.flags()).setDebitsPending(a.debitsPending())
        .setDebitsPosted(a.debitsPosted()).setCreditsPending(a.creditsPending())
        .setCreditsPosted(a.creditsPosted()).setUserData128(toProto(a.userData128()))
        .setUserData64(a.userData64()).setUserData32(a.userData32()).setCode(a.code())
        .setTimestamp(a.timestamp()).build();
  }

  public static Transfer fromProto(io.phalanx.protocol.Transfer t) {
    return new Transfer(fromProto(t.getId()), fromProto(t.getDebitAccountId()),
        fromProto(t.getCreditAccountId()), t.getAmount(), fromProto(t.getPendingId()),
        fromProto(t.getUserData128()), t.getUserData64(), t.getUserData32(),
        t.getTimeoutSeconds(), t.getAsset(), t.getCode(), t.getFlags(), t.getTimestamp());
  }

  public static io.phalanx.protocol.Transfer toProto(Transfer t) {
    return io.phalanx.protocol.Transfer.newBuilder().setId(toProto(t.id()))
        .setDebitAccountId(toProto(t.debitAccountId()))
        .setCreditAccountId(toProto(t.creditAccountId())).setAmount(t.amount())
        .setPendingId(toProto(t.pendingId())).setUserData128(toProto(t.userData128()))
        .setUserData64(t.userData64()).setUserData32(t.userData32())
        .setTimeoutSeconds(t.timeoutSeconds()).setAsset(t.asset()).setCode(t.code())
        .setFlags(t.flags()).setTimestamp(t.timestamp()).build();
  }

  public static io.phalanx.protocol.AccountBalance toProto(AccountBalance b) {
    return io.phalanx.protocol.AccountBalance.newBuilder().setTimestamp(b.timestamp())
        .setDebitsPending(b.debitsPending()).setDebitsPosted(b.debitsPosted())
        .setCreditsPending(b.creditsPending()).setCreditsPosted(b.creditsPosted()).build();
  }
}
