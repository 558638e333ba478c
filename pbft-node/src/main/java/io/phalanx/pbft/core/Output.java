package io.phalanx.pbft.core;

import java.util.List;

/** The ordered effects of one step. The driver carries them out in this order. */
public record Output(List<Effect> effects) {
  public Output {
    effects = List.copyOf(effects);
  }
}
