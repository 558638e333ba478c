package io.phalanx.pbft.core;

import java.util.List;

/** NEW-VIEW(view, V, O) from the primary of {@code view}: V the view-changes, O the pre-prepares. */
public record NewView(long view, List<SignedMessage> viewChanges, List<SignedMessage> prePrepares,
    int replica) implements Message {
  public NewView {
    viewChanges = List.copyOf(viewChanges);
    prePrepares = List.copyOf(prePrepares);
  }
}
