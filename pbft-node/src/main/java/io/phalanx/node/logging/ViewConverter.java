package io.phalanx.node.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %view} in a logback pattern. */
public final class ViewConverter extends ClassicConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return NodeLogContext.view();
  }
}
