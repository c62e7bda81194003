package io.keras4j.io.h5.hdf5;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The UTF-8 bytes of names and strings, refusing what UTF-8 cannot encode. */
final class Utf8 {

  private Utf8() {}

  /**
   * The UTF-8 bytes of {@code s}. A lone surrogate is an error rather than a silent {@code ?},
   * which would write a different name or string than the caller gave.
   *
   * @param what names {@code s} in the error message, as {@code "attribute 'name'"}
   */
  static byte[] encode(String s, String what) {
    try {
      ByteBuffer b =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(s));
      byte[] bytes = new byte[b.remaining()];
      b.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          "Expected a string UTF-8 can encode for " + what + ", received one with a lone surrogate",
          e);
    }
  }

  /** Whether every byte is 7-bit ASCII, which HDF5 records as the ASCII character set. */
  static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }
}
