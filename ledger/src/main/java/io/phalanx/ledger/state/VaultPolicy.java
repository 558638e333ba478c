package io.phalanx.ledger.state;

import java.util.List;
import java.util.TreeSet;

/**
 * Who may use a vault secret: the owner (who alone may replace, refresh or delete it) and the
 * readers. Readers and approvers are kept sorted and unique so that equal policies encode to
 * equal bytes. m-of-k approvals are carried but not implemented: a policy that asks for them is
 * refused ({@link ResultCode#VAULT_APPROVALS_NOT_SUPPORTED}).
 */
public record VaultPolicy(long owner, List<Long> readers, int approvalsRequired,
    List<Long> approvers) {
  /** The most readers (and approvers) one policy may name. */
  public static final int MEMBERS_MAX = 64;

  public VaultPolicy {
    readers = List.copyOf(new TreeSet<>(readers));
    approvers = List.copyOf(new TreeSet<>(approvers));
  }

  /** True iff {@code member} may read: the owner or a reader. */
  public boolean mayRead(long member) {
    return member == owner || readers.contains(member);
  }

  /** True iff {@code member} may see the status and access log: owner, reader or approver. */
  public boolean mayInspect(long member) {
    return mayRead(member) || approvers.contains(member);
  }
}
