package io.phalanx.pbft.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Valid view-changes for the current and a bounded number of future views, one per replica per
 * view. A flood of far-future view-changes is dropped.
 */
final class ViewChangeTracker {
  static final long VIEWS_AHEAD_MAX = 16;

  private final TreeMap<Long, TreeMap<Integer, SignedMessage>> byView = new TreeMap<>();

  boolean add(SignedMessage signed, long currentView) {
    ViewChange viewChange = signed.as(ViewChange.class);
    if (viewChange.newView() < currentView || viewChange.newView() > currentView + VIEWS_AHEAD_MAX) {
      return false;
    }
    return byView.computeIfAbsent(viewChange.newView(), view -> new TreeMap<>())
        .putIfAbsent(viewChange.replica(), signed) == null;
  }

  /** The view-changes for {@code view}, ordered by replica. */
  List<SignedMessage> forView(long view) {
    TreeMap<Integer, SignedMessage> atView = byView.get(view);
    return atView == null ? List.of() : new ArrayList<>(atView.values());
  }

  /**
   * When at least {@code quorum} distinct replicas sent view-changes for views above
   * {@code view}, the smallest such view.
   */
  OptionalLong joinableView(long view, int quorum) {
    TreeSet<Integer> replicas = new TreeSet<>();
    for (Map.Entry<Long, TreeMap<Integer, SignedMessage>> entry : byView.tailMap(view, false).entrySet()) {
      replicas.addAll(entry.getValue().keySet());
    }
    if (replicas.size() < quorum) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(byView.higherKey(view));
  }

  void discardBelow(long view) {
    byView.headMap(view, false).clear();
  }
}
