package io.phalanx.client;

import io.phalanx.protocol.ResultCode;
import java.util.Locale;

/** Names of the ledger's result codes, as the SDK reports them: {@code exceeds_credits}. */
public final class ResultCodes {
  public static final int OK = ResultCode.RESULT_OK_VALUE;

  private ResultCodes() {}

  /** The code's name without {@code RESULT_}, lower case; {@code code_N} for an unknown code. */
  public static String name(int code) {
    ResultCode known = ResultCode.forNumber(code);
    if (known == null) {
      return "code_" + Integer.toUnsignedString(code);
    }
    return known.name().substring("RESULT_".length()).toLowerCase(Locale.ROOT);
  }
}
