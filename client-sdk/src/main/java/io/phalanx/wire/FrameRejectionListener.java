package io.phalanx.wire;

/**
 * Told when a connection's byte stream broke the frame format. Called on the channel's event
 * loop: it must only count or log, never block.
 */
@FunctionalInterface
public interface FrameRejectionListener {
  void onFrameRejected(FrameRejection reason);
}
