package io.phalanx.client.vault;

import io.phalanx.client.PhalanxClientException;

/**
 * The shares verified and combined, but the encrypted secret does not decrypt under the data key
 * they give: the dealer stored an inconsistent secret. Nothing is returned.
 */
public final class VaultCorruptedException extends PhalanxClientException {
  private static final long serialVersionUID = 1L;

  public VaultCorruptedException(String message, Throwable cause) {
    super(message, cause);
  }
}
