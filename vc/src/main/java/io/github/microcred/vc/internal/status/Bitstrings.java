package io.github.microcred.vc.internal.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** GZIP + multibase base64url (prefix {@code u}) coding of Bitstring Status Lists. Internal. */
public final class Bitstrings {
  private Bitstrings() {}

  /** Largest uncompressed list accepted when decoding (16 MiB), against decompression bombs. */
  public static final int MAX_DECODED_BYTES = 16 * 1024 * 1024;

  /**
   * GZIP-compresses and multibase-encodes (base64url, no padding, {@code u} prefix).
   *
   * @param bits the uncompressed bitstring
   * @return the encodedList value
   */
  public static String encode(byte[] bits) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bits.length / 64 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bits);
    } catch (IOException e) {
      throw new IllegalStateException("in-memory GZIP failed", e);
    }
    return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
  }

  /**
   * Reverses {@link #encode}.
   *
   * @param encodedList the multibase string
   * @return the uncompressed bytes
   * @throws IllegalArgumentException with a message naming what was expected
   */
  public static byte[] decode(String encodedList) {
    if (encodedList == null || encodedList.isEmpty()) {
      throw new IllegalArgumentException("encodedList: expected a multibase string, got an empty value");
    }
    if (encodedList.charAt(0) != 'u') {
      throw new IllegalArgumentException(
          "encodedList: expected multibase base64url (prefix 'u'), got prefix '" + encodedList.charAt(0) + "'");
    }
    byte[] gz;
    try {
      gz = Base64.getUrlDecoder().decode(encodedList.substring(1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("encodedList: not base64url: " + e.getMessage(), e);
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(16384);
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
        if (out.size() > MAX_DECODED_BYTES) {
          throw new IllegalArgumentException("encodedList: decompresses to more than " + MAX_DECODED_BYTES + " bytes");
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalArgumentException("encodedList: not GZIP data: " + e.getMessage(), e);
    }
  }

  /**
   * Reads entry {@code index} of {@code size} bits, index 0 being the left-most (most significant) bit of byte 0.
   *
   * @param bits the bitstring
   * @param index the entry index
   * @param size bits per entry
   * @return the value
   */
  public static int get(byte[] bits, long index, int size) {
    long first = index * size;
    int v = 0;
    for (int i = 0; i < size; i++) {
      long bit = first + i;
      int b = (bits[(int) (bit >>> 3)] >> (7 - (int) (bit & 7))) & 1;
      v = (v << 1) | b;
    }
    return v;
  }

  /**
   * Writes entry {@code index} (see {@link #get}).
   *
   * @param bits the bitstring
   * @param index the entry index
   * @param size bits per entry
   * @param value the value, below 2^size
   */
  public static void set(byte[] bits, long index, int size, int value) {
    long first = index * size;
    for (int i = 0; i < size; i++) {
      long bit = first + i;
      int b = (value >> (size - 1 - i)) & 1;
      int byteIdx = (int) (bit >>> 3);
      int mask = 1 << (7 - (int) (bit & 7));
      bits[byteIdx] = (byte) (b == 1 ? (bits[byteIdx] | mask) : (bits[byteIdx] & ~mask));
    }
  }
}
