package io.github.microcred.vc.internal.sd;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The small, strict subset of CBOR (RFC 8949) that {@code ecdsa-sd-2023} proof values use: unsigned integers, byte
 * strings, UTF-8 text strings, arrays and maps, all of definite length, in preferred (shortest) serialization. The
 * writer produces exactly that; the reader refuses everything else (indefinite lengths, tags, negative integers,
 * floats and simple values, longer-than-needed length encodings, invalid UTF-8) and checks every declared length or
 * item count against the bytes that remain before it allocates, so a hostile proof value cannot make it allocate
 * more than its own size.
 */
public final class Cbor {
  private Cbor() {}

  private static final int UINT = 0;
  private static final int BYTES = 2;
  private static final int TEXT = 3;
  private static final int ARRAY = 4;
  private static final int MAP = 5;

  /** A malformed or unexpected CBOR item; the message names the byte offset. */
  public static final class CborException extends Exception {
    private static final long serialVersionUID = 1L;

    CborException(String message) {
      super(message);
    }
  }

  /** Writes CBOR items in preferred serialization. */
  public static final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /**
     * Appends raw bytes (a header that is not a CBOR item of its own).
     *
     * @param raw the bytes
     * @return this writer
     */
    public Writer raw(byte[] raw) {
      out.write(raw, 0, raw.length);
      return this;
    }

    private Writer head(int major, long value) {
      if (value < 0) {
        throw new IllegalArgumentException("CBOR lengths and unsigned integers are not negative: " + value);
      }
      int m = major << 5;
      if (value < 24) {
        out.write(m | (int) value);
      } else if (value < 0x100) {
        out.write(m | 24);
        out.write((int) value);
      } else if (value < 0x10000) {
        out.write(m | 25);
        out.write((int) (value >> 8));
        out.write((int) value & 0xff);
      } else if (value < 0x100000000L) {
        out.write(m | 26);
        for (int s = 24; s >= 0; s -= 8) {
          out.write((int) (value >> s) & 0xff);
        }
      } else {
        out.write(m | 27);
        for (int s = 56; s >= 0; s -= 8) {
          out.write((int) (value >> s) & 0xff);
        }
      }
      return this;
    }

    /**
     * An unsigned integer.
     *
     * @param value the value, not negative
     * @return this writer
     */
    public Writer uint(long value) {
      return head(UINT, value);
    }

    /**
     * A byte string.
     *
     * @param bytes the bytes
     * @return this writer
     */
    public Writer bytes(byte[] bytes) {
      head(BYTES, bytes.length);
      return raw(bytes);
    }

    /**
     * A UTF-8 text string.
     *
     * @param text the text (well-formed UTF-16: no unpaired surrogate)
     * @return this writer
     */
    public Writer text(String text) {
      byte[] utf8;
      try {
        ByteBuffer b = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
        utf8 = new byte[b.remaining()];
        b.get(utf8);
      } catch (CharacterCodingException e) {
        throw new IllegalArgumentException("text is not well-formed UTF-16 (unpaired surrogate)", e);
      }
      head(TEXT, utf8.length);
      return raw(utf8);
    }

    /**
     * The head of an array of {@code n} items (the items follow).
     *
     * @param n the item count
     * @return this writer
     */
    public Writer array(int n) {
      return head(ARRAY, n);
    }

    /**
     * The head of a map of {@code n} pairs (key, value, key, value... follow).
     *
     * @param n the pair count
     * @return this writer
     */
    public Writer map(int n) {
      return head(MAP, n);
    }

    /**
     * The bytes written.
     *
     * @return a copy
     */
    public byte[] toByteArray() {
      return out.toByteArray();
    }
  }

  /** Reads CBOR items of expected types from a byte array, strictly. */
  public static final class Reader {
    private final byte[] data;
    private int pos;

    /**
     * Starts reading at {@code offset}.
     *
     * @param data the bytes
     * @param offset the first byte to read
     */
    public Reader(byte[] data, int offset) {
      this.data = data;
      this.pos = offset;
    }

    /**
     * The offset of the next byte.
     *
     * @return the offset
     */
    public int position() {
      return pos;
    }

    /**
     * The bytes not read yet.
     *
     * @return the count
     */
    public int remaining() {
      return data.length - pos;
    }

    private static String name(int major) {
      switch (major) {
        case 0: return "an unsigned integer";
        case 1: return "a negative integer";
        case 2: return "a byte string";
        case 3: return "a text string";
        case 4: return "an array";
        case 5: return "a map";
        case 6: return "a tag";
        default: return "a float or simple value";
      }
    }

    /** Reads an item head of the expected major type; returns its argument (value, length or count). */
    private long head(int expected, String what) throws CborException {
      int at = pos;
      if (pos >= data.length) {
        throw new CborException("CBOR ends at byte " + at + ", expected " + what);
      }
      int ib = data[pos++] & 0xff;
      int major = ib >>> 5;
      int info = ib & 0x1f;
      if (major != expected) {
        throw new CborException("CBOR byte " + at + ": " + name(major) + " where " + what + " was expected");
      }
      if (info < 24) {
        return info;
      }
      int n;
      long min;
      switch (info) {
        case 24: n = 1; min = 24; break;
        case 25: n = 2; min = 0x100; break;
        case 26: n = 4; min = 0x10000; break;
        case 27: n = 8; min = 0x100000000L; break;
        case 31:
          throw new CborException("CBOR byte " + at + ": indefinite length is not allowed (" + what + ")");
        default:
          throw new CborException("CBOR byte " + at + ": reserved additional information " + info);
      }
      if (remaining() < n) {
        throw new CborException("CBOR ends inside the head at byte " + at);
      }
      long v = 0;
      for (int i = 0; i < n; i++) {
        v = (v << 8) | (data[pos++] & 0xff);
      }
      if (n == 8 && v < 0) {
        throw new CborException("CBOR byte " + at + ": value above 2^63");
      }
      if (v < min) {
        throw new CborException("CBOR byte " + at + ": " + what + " uses a longer head than needed (" + v
            + "); only the preferred serialization is accepted");
      }
      return v;
    }

    private int length(long declared, long unit, int at, String what) throws CborException {
      if (declared > remaining() / unit) {
        throw new CborException("CBOR byte " + at + ": " + what + " declares " + declared
            + (unit == 1 ? " bytes" : " items") + " but only " + remaining() + " bytes remain");
      }
      return (int) declared;
    }

    /**
     * Reads an unsigned integer.
     *
     * @param max the largest accepted value
     * @return the value
     * @throws CborException if the next item is not an unsigned integer at most {@code max}
     */
    public long uint(long max) throws CborException {
      int at = pos;
      long v = head(UINT, "an unsigned integer");
      if (v > max) {
        throw new CborException("CBOR byte " + at + ": integer " + v + " is above " + max);
      }
      return v;
    }

    /**
     * Reads a byte string of an exact length.
     *
     * @param expectedLength the required length, or -1 for any
     * @param what what it is, for messages
     * @return the bytes
     * @throws CborException if the next item is not a byte string of that length
     */
    public byte[] bytes(int expectedLength, String what) throws CborException {
      int at = pos;
      int n = length(head(BYTES, what + " (a byte string)"), 1, at, what);
      if (expectedLength >= 0 && n != expectedLength) {
        throw new CborException("CBOR byte " + at + ": " + what + " is " + n + " bytes, expected "
            + expectedLength);
      }
      byte[] b = Arrays.copyOfRange(data, pos, pos + n);
      pos += n;
      return b;
    }

    /**
     * Reads a UTF-8 text string.
     *
     * @param what what it is, for messages
     * @return the text
     * @throws CborException if the next item is not a text string of valid UTF-8
     */
    public String text(String what) throws CborException {
      int at = pos;
      int n = length(head(TEXT, what + " (a text string)"), 1, at, what);
      try {
        String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data, pos, n)).toString();
        pos += n;
        return s;
      } catch (CharacterCodingException e) {
        throw new CborException("CBOR byte " + at + ": " + what + " is not valid UTF-8");
      }
    }

    /**
     * Reads an array head.
     *
     * @param what what it is, for messages
     * @param minItemBytes the fewest bytes one item can take (bounds the count by the bytes that remain)
     * @return the item count
     * @throws CborException if the next item is not an array
     */
    public int array(String what, int minItemBytes) throws CborException {
      int at = pos;
      return length(head(ARRAY, what + " (an array)"), minItemBytes, at, what);
    }

    /**
     * Reads a map head.
     *
     * @param what what it is, for messages
     * @param minPairBytes the fewest bytes one key-value pair can take
     * @return the pair count
     * @throws CborException if the next item is not a map
     */
    public int map(String what, int minPairBytes) throws CborException {
      int at = pos;
      return length(head(MAP, what + " (a map)"), minPairBytes, at, what);
    }

    /**
     * Requires that every byte has been read.
     *
     * @throws CborException if bytes follow
     */
    public void end() throws CborException {
      if (pos != data.length) {
        throw new CborException("CBOR: " + remaining() + " bytes follow the proof value at byte " + pos);
      }
    }
  }
}
