package io.phalanx.ledger.state;

import io.phalanx.crypto.Bytes;
import java.util.List;
import java.util.Objects;

/**
 * A consortium member: its id is also the client id of its requests. Roles are kept sorted and
 * unique so that equal members encode to equal bytes.
 */
public record Member(long id, String organisation, Bytes publicKey, List<String> roles) {
  /** The role that may create and debit ISSUER accounts. */
  public static final String ISSUER_ROLE = "issuer";

  public Member {
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(publicKey, "publicKey");
    roles = List.copyOf(new java.util.TreeSet<>(roles));
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  Member withRoles(List<String> newRoles) {
    return new Member(id, organisation, publicKey, newRoles);
  }
}
