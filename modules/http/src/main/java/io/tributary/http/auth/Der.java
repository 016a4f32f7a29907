package io.tributary.http.auth;

import java.util.Arrays;

/** The one piece of DER this module reads: the contents of an OCTET STRING (X.509 extension values). */
final class Der {
  private static final int OCTET_STRING = 0x04;

  private Der() {}

  /** The contents of the OCTET STRING that {@code der} consists of. */
  static byte[] octetString(byte[] der) {
    if (der.length < 2 || (der[0] & 0xff) != OCTET_STRING) {
      throw new IllegalArgumentException("not an OCTET STRING");
    }
    int first = der[1] & 0xff;
    int offset = 2;
    long length;
    if (first < 0x80) {
      length = first;
    } else {
      int bytes = first & 0x7f;
      if (bytes == 0 || bytes > 4 || der.length < 2 + bytes) {
        throw new IllegalArgumentException("unsupported DER length");
      }
      length = 0;
      for (int i = 0; i < bytes; i++) {
        length = (length << 8) | (der[offset++] & 0xff);
      }
    }
    if (offset + length != der.length) {
      throw new IllegalArgumentException("DER length does not match");
    }
    return Arrays.copyOfRange(der, offset, der.length);
  }
}
