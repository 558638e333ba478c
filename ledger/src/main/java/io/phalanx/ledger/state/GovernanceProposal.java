package io.phalanx.ledger.state;

import io.phalanx.crypto.Bytes;
import java.util.List;
import java.util.Objects;

/** A membership change; {@code proposalId} makes each proposal executable at most once. */
public record GovernanceProposal(long proposalId, Action action) {
  public GovernanceProposal {
    Objects.requireNonNull(action, "action");
  }

  /** What a proposal changes. */
  public sealed interface Action {}

  public record AddMember(long memberId, String organisation, Bytes publicKey, List<String> roles)
      implements Action {
    public AddMember {
      Objects.requireNonNull(organisation, "organisation");
      Objects.requireNonNull(publicKey, "publicKey");
      roles = List.copyOf(roles);
    }
  }

  public record RemoveMember(long memberId) implements Action {}

  public record SetRoles(long memberId, List<String> roles) implements Action {
    public SetRoles {
      roles = List.copyOf(roles);
    }
  }
}
