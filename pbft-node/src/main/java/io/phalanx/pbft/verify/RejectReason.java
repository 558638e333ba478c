package io.phalanx.pbft.verify;

/** Why the verifier refused an envelope. Counted per reason; never an exception. */
public enum RejectReason {
  TOO_LARGE,
  MALFORMED_ENVELOPE,
  UNSUPPORTED_VERSION,
  UNKNOWN_SENDER,
  BAD_SIGNATURE,
  MALFORMED_PAYLOAD,
  UNEXPECTED_KIND,
  SENDER_MISMATCH,
  DIGEST_MISMATCH,
  BAD_REQUEST_IN_BATCH,
  BAD_NESTED_MESSAGE
}
