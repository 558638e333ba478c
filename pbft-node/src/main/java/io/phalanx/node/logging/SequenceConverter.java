package io.phalanx.node.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %seq} in a logback pattern: the last executed sequence. */
public final class SequenceConverter extends ClassicConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return NodeLogContext.sequence();
  }
}
