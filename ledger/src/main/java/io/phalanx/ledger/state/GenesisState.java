package io.phalanx.ledger.state;

import io.phalanx.ledger.store.LedgerStore;
import java.util.List;

/** The state before the first block: the genesis members, sequence 0 and the genesis time. */
public final class GenesisState {
  private GenesisState() {}

  /** The writes that create the genesis state in an empty store, with its digest. */
  public static StateChanges create(LedgerStore store, List<Member> members,
      long genesisTimeMillis) {
    StateRecords records = new StateRecords(new WorkingState(store));
    records.putLastSequence(0);
    records.putLedgerTimeMillis(genesisTimeMillis);
    for (Member member : members) {
      records.putMember(member);
    }
    return records.state().finish(new StateDigestAccumulator());
  }
}
