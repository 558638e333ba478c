package io.phalanx.client;

/** The request is malformed and was not sent (a zero id, a negative amount, an empty batch...). */
public final class InvalidRequestException extends PhalanxClientException {
  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String message) {
    super(message);
  }
}
