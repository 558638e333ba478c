package io.phalanx.node.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %replica} in a logback pattern. */
public final class ReplicaConverter extends ClassicConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return NodeLogContext.replica();
  }
}
