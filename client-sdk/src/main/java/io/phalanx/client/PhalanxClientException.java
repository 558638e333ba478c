package io.phalanx.client;

/**
 * Base of the SDK's typed failures, delivered through the {@code CompletableFuture}s the client
 * returns (as the cause of an {@code ExecutionException} / {@code CompletionException}).
 */
public class PhalanxClientException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PhalanxClientException(String message) {
    super(message);
  }

  public PhalanxClientException(String message, Throwable cause) {
    super(message, cause);
  }
}
