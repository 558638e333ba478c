package io.phalanx.client;

/**
 * The ledger's answer for one event (account or transfer) of a create call.
 *
 * @param index the event's position in the list the caller passed
 * @param code the ledger's result code, {@link ResultCodes#OK} on success
 * @param codeName the code's name, e.g. {@code ok} or {@code exceeds_credits}
 */
public record CreateResult(int index, int code, String codeName) {
  public CreateResult {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative, got " + index);
    }
    if (codeName == null || codeName.isEmpty()) {
      throw new IllegalArgumentException("codeName is required");
    }
  }

  public static CreateResult of(int index, int code) {
    return new CreateResult(index, code, ResultCodes.name(code));
  }

  /** True when the event was applied; an identical event created before answers {@code exists}. */
  public boolean isOk() {
    return code == ResultCodes.OK;
  }
}
