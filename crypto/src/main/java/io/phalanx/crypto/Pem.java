package io.phalanx.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * Strict PEM armour (RFC 7468 "strict" textual encoding) over byte arrays, so that private key
 * material never passes through an immutable {@link String}. Every intermediate array is zeroed.
 *
 * <p>Accepted: optional whitespace, {@code -----BEGIN label-----}, base64 lines (LF or CRLF
 * endings, padding required, canonical), {@code -----END label-----}, optional whitespace.
 * Refused: explanatory text around the block, a second block, other labels, any other byte.
 */
final class Pem {
  private static final int LINE_LENGTH = 64;

  private Pem() {}

  /** The armoured text as ASCII bytes; the caller zeroes it if {@code der} was secret. */
  static byte[] encode(String label, byte[] der) {
    byte[] begin = ("-----BEGIN " + label + "-----\n").getBytes(StandardCharsets.US_ASCII);
    byte[] end = ("\n-----END " + label + "-----\n").getBytes(StandardCharsets.US_ASCII);
    byte[] body = Base64.getMimeEncoder(LINE_LENGTH, new byte[] {'\n'}).encode(der);
    try {
      byte[] out = new byte[begin.length + body.length + end.length];
      System.arraycopy(begin, 0, out, 0, begin.length);
      System.arraycopy(body, 0, out, begin.length, body.length);
      System.arraycopy(end, 0, out, begin.length + body.length, end.length);
      return out;
    } finally {
      Arrays.fill(body, (byte) 0);
    }
  }

  /**
   * The DER bytes inside the one PEM block labelled {@code label}; the caller zeroes them.
   *
   * @throws InvalidEncodingException if the text is not exactly one such block
   */
  static byte[] decode(String label, byte[] text) {
    byte[] begin = ("-----BEGIN " + label + "-----").getBytes(StandardCharsets.US_ASCII);
    byte[] end = ("-----END " + label + "-----").getBytes(StandardCharsets.US_ASCII);
    int start = skipWhitespace(text, 0);
    if (!startsWith(text, start, begin)) {
      throw new InvalidEncodingException("no '-----BEGIN " + label + "-----' line at the start");
    }
    int bodyStart = skipLineBreak(text, start + begin.length);
    if (bodyStart < 0) {
      throw new InvalidEncodingException("the BEGIN line does not end after its label");
    }
    byte[] base64 = new byte[text.length];
    int base64Length = 0;
    int position = bodyStart;
    try {
      while (position < text.length && text[position] != '-') {
        byte b = text[position++];
        if (isBase64(b)) {
          base64[base64Length++] = b;
        } else if (b != '\n' && b != '\r') {
          throw new InvalidEncodingException("a byte that is not base64 inside the PEM block");
        }
      }
      if (!startsWith(text, position, end)) {
        throw new InvalidEncodingException("no '-----END " + label + "-----' line");
      }
      if (skipWhitespace(text, position + end.length) != text.length) {
        throw new InvalidEncodingException("text after the END line");
      }
      return decodeCanonicalBase64(Arrays.copyOf(base64, base64Length));
    } finally {
      Arrays.fill(base64, (byte) 0);
    }
  }

  /** Decodes base64 that must re-encode to exactly the same characters; zeroes its input. */
  private static byte[] decodeCanonicalBase64(byte[] base64) {
    byte[] decoded = null;
    byte[] reencoded = null;
    try {
      if (base64.length == 0 || base64.length % 4 != 0) {
        throw new InvalidEncodingException("bad base64: " + base64.length
            + " characters is not a positive multiple of 4");
      }
      try {
        decoded = Base64.getDecoder().decode(base64);
      } catch (IllegalArgumentException e) {
        throw new InvalidEncodingException("bad base64 in the PEM block", e);
      }
      reencoded = Base64.getEncoder().encode(decoded);
      if (!MessageDigest.isEqual(reencoded, base64)) {
        Arrays.fill(decoded, (byte) 0);
        throw new InvalidEncodingException("non-canonical base64 in the PEM block");
      }
      return decoded;
    } finally {
      Arrays.fill(base64, (byte) 0);
      if (reencoded != null) {
        Arrays.fill(reencoded, (byte) 0);
      }
    }
  }

  private static boolean isBase64(byte b) {
    return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
        || b == '+' || b == '/' || b == '=';
  }

  private static int skipWhitespace(byte[] text, int position) {
    while (position < text.length
        && (text[position] == ' ' || text[position] == '\t' || text[position] == '\n'
            || text[position] == '\r')) {
      position++;
    }
    return position;
  }

  /** The position after a LF or CRLF at {@code position}, or −1 if there is none. */
  private static int skipLineBreak(byte[] text, int position) {
    if (position < text.length && text[position] == '\n') {
      return position + 1;
    }
    if (position + 1 < text.length && text[position] == '\r' && text[position + 1] == '\n') {
      return position + 2;
    }
    return -1;
  }

  private static boolean startsWith(byte[] text, int position, byte[] prefix) {
    return position + prefix.length <= text.length
        && Arrays.equals(text, position, position + prefix.length, prefix, 0, prefix.length);
  }
}
