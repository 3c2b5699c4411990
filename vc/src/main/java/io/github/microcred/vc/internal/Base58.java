package io.github.microcred.vc.internal;

import java.math.BigInteger;
import java.util.Arrays;

/** Base58 (Bitcoin alphabet) and multibase {@code z} prefix, as used by Multikey and Data Integrity proofs. */
public final class Base58 {
  private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final int[] INDEX = new int[128];

  static {
    Arrays.fill(INDEX, -1);
    for (int i = 0; i < ALPHABET.length(); i++) {
      INDEX[ALPHABET.charAt(i)] = i;
    }
  }

  private Base58() {}

  /**
   * Encodes bytes as base58btc.
   *
   * @param data the bytes
   * @return the base58 text
   */
  public static String encode(byte[] data) {
    int zeros = 0;
    while (zeros < data.length && data[zeros] == 0) {
      zeros++;
    }
    StringBuilder sb = new StringBuilder();
    BigInteger n = new BigInteger(1, data);
    BigInteger base = BigInteger.valueOf(58);
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(base);
      sb.append(ALPHABET.charAt(qr[1].intValue()));
      n = qr[0];
    }
    for (int i = 0; i < zeros; i++) {
      sb.append('1');
    }
    return sb.reverse().toString();
  }

  /**
   * Decodes base58btc text.
   *
   * @param text the text
   * @return the bytes
   * @throws IllegalArgumentException if a character is outside the alphabet
   */
  public static byte[] decode(String text) {
    BigInteger n = BigInteger.ZERO;
    BigInteger base = BigInteger.valueOf(58);
    int zeros = 0;
    while (zeros < text.length() && text.charAt(zeros) == '1') {
      zeros++;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int v = c < 128 ? INDEX[c] : -1;
      if (v < 0) {
        throw new IllegalArgumentException("not a base58btc character at index " + i);
      }
      n = n.multiply(base).add(BigInteger.valueOf(v));
    }
    byte[] raw = n.signum() == 0 ? new byte[0] : n.toByteArray();
    int start = raw.length > 1 && raw[0] == 0 ? 1 : 0;
    if (raw.length == 1 && raw[0] == 0) {
      start = 1;
    }
    byte[] out = new byte[zeros + raw.length - start];
    System.arraycopy(raw, start, out, zeros, raw.length - start);
    return out;
  }

  /**
   * Encodes as multibase base58btc ({@code z} prefix).
   *
   * @param data the bytes
   * @return {@code z} followed by base58btc
   */
  public static String encodeMultibase(byte[] data) {
    return "z" + encode(data);
  }

  /**
   * Decodes multibase base58btc.
   *
   * @param text text starting with {@code z}
   * @return the bytes
   * @throws IllegalArgumentException if the prefix is not {@code z} or a character is invalid
   */
  public static byte[] decodeMultibase(String text) {
    if (text.isEmpty() || text.charAt(0) != 'z') {
      throw new IllegalArgumentException("expected multibase base58btc (prefix 'z')");
    }
    return decode(text.substring(1));
  }

  /**
   * Lower-case hex.
   *
   * @param data bytes
   * @return hex text
   */
  public static String hex(byte[] data) {
    StringBuilder sb = new StringBuilder(data.length * 2);
    for (byte b : data) {
      sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return sb.toString();
  }
}
