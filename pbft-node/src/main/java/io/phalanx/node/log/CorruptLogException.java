package io.phalanx.node.log;

/**
 * The replica log on disk does not decode: a flipped byte, a truncated record, an envelope whose
 * signature no longer verifies. The node stops rather than run on a log it cannot trust (a
 * replica that forgot what it signed could sign something conflicting).
 */
public final class CorruptLogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CorruptLogException(String message) {
    super(message);
  }

  public CorruptLogException(String message, Throwable cause) {
    super(message, cause);
  }
}
