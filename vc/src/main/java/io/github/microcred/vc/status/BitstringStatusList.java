package io.github.microcred.vc.status;

import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.internal.status.Bitstrings;
import java.util.Map;

/**
 * An immutable, decoded Bitstring Status List: {@code entries} values of {@code statusSize} bits, index 0 being the
 * left-most bit of the first byte. Decode once, then look statuses up in O(1).
 */
public final class BitstringStatusList {
  /** The minimum uncompressed length, in bits, that a verifier accepts (16 KiB). */
  public static final int MIN_BITS = 131_072;

  private final byte[] bits;
  private final int statusSize;
  private final long entries;

  private BitstringStatusList(byte[] bits, int statusSize) {
    this.bits = bits;
    this.statusSize = statusSize;
    this.entries = (bits.length * 8L) / statusSize;
  }

  /**
   * Builds a list with the given non-zero statuses.
   *
   * @param entries number of entries
   * @param statusSize bits per entry (1..8)
   * @param statuses index → value; indexes outside the list or values that do not fit are rejected
   * @return the list
   * @throws VcException {@link VcErrorCode#INVALID_ARGUMENT} naming the offending index
   */
  public static BitstringStatusList of(long entries, int statusSize, Map<Long, Integer> statuses) throws VcException {
    if (statusSize < 1 || statusSize > 8) {
      throw new VcException(VcErrorCode.INVALID_ARGUMENT, "statusSize: expected 1..8, got " + statusSize);
    }
    long bitCount = entries * statusSize;
    if (entries < 1 || bitCount > Bitstrings.MAX_DECODED_BYTES * 8L) {
      throw new VcException(VcErrorCode.INVALID_ARGUMENT, "entries: out of range: " + entries);
    }
    byte[] bits = new byte[(int) ((bitCount + 7) / 8)];
    for (Map.Entry<Long, Integer> e : statuses.entrySet()) {
      long i = e.getKey();
      int v = e.getValue();
      if (i < 0 || i >= entries) {
        throw new VcException(VcErrorCode.INVALID_ARGUMENT, "statusListIndex " + i + " is outside 0.." + (entries - 1));
      }
      if (v < 0 || v >= (1 << statusSize)) {
        throw new VcException(
            VcErrorCode.INVALID_ARGUMENT, "status of index " + i + ": " + v + " does not fit " + statusSize + " bits");
      }
      Bitstrings.set(bits, i, statusSize, v);
    }
    return new BitstringStatusList(bits, statusSize);
  }

  /**
   * Decodes an {@code encodedList} (multibase base64url of GZIP data).
   *
   * @param encodedList the value of {@code credentialSubject.encodedList}
   * @param statusSize bits per entry (1..8)
   * @return the list
   * @throws VcException {@link VcErrorCode#STATUS_LIST_ENCODING} when not multibase base64url, not GZIP, or shorter
   *     than {@value #MIN_BITS} bits
   */
  public static BitstringStatusList decode(String encodedList, int statusSize) throws VcException {
    if (statusSize < 1 || statusSize > 8) {
      throw new VcException(VcErrorCode.INVALID_ARGUMENT, "statusSize: expected 1..8, got " + statusSize);
    }
    byte[] bits;
    try {
      bits = Bitstrings.decode(encodedList);
    } catch (IllegalArgumentException e) {
      throw new VcException(VcErrorCode.STATUS_LIST_ENCODING, e.getMessage(), e);
    }
    if (bits.length * 8L < MIN_BITS) {
      throw new VcException(
          VcErrorCode.STATUS_LIST_ENCODING,
          "encodedList: decodes to " + bits.length * 8L + " bits, the minimum is " + MIN_BITS);
    }
    return new BitstringStatusList(bits, statusSize);
  }

  /**
   * Encodes the list: GZIP, then multibase base64url without padding ({@code u} prefix).
   *
   * @return the {@code encodedList} value
   */
  public String encode() {
    return Bitstrings.encode(bits);
  }

  /**
   * Returns the status at an index.
   *
   * @param index the {@code statusListIndex}
   * @return the value, {@code 0..2^statusSize-1}
   * @throws VcException {@link VcErrorCode#INVALID_ARGUMENT} when the index is outside the list
   */
  public int status(long index) throws VcException {
    if (index < 0 || index >= entries) {
      throw new VcException(
          VcErrorCode.INVALID_ARGUMENT, "statusListIndex " + index + " is outside 0.." + (entries - 1));
    }
    return Bitstrings.get(bits, index, statusSize);
  }

  /**
   * Returns the number of entries.
   *
   * @return entries
   */
  public long entries() {
    return entries;
  }

  /**
   * Returns the bits per entry.
   *
   * @return statusSize
   */
  public int statusSize() {
    return statusSize;
  }

  /**
   * Returns a copy of the uncompressed bitstring.
   *
   * @return the bytes
   */
  public byte[] toBytes() {
    return bits.clone();
  }

  @Override
  public String toString() {
    return "BitstringStatusList[entries=" + entries + ", statusSize=" + statusSize + "]";
  }
}
