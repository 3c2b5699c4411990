package io.github.microcred.vc.internal;

import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JSON Canonicalization Scheme (RFC 8785), used by the {@code eddsa-jcs-2022} and {@code ecdsa-jcs-2019}
 * cryptosuites.
 *
 * <ul>
 *   <li>Object members sorted by their names as arrays of UTF-16 code units (RFC 8785 §3.2.3), which is
 *       {@link String#compareTo}; no whitespace.
 *   <li>Strings as ECMAScript {@code JSON.stringify} writes them (§3.2.2.2): {@code \b \t \n \f \r \" \\} escaped,
 *       other controls below U+0020 as {@code \}{@code u00xx} (lower-case hex), everything else as is (UTF-8 when
 *       encoded).
 *   <li>Numbers as ECMAScript {@code Number.prototype.toString} writes the IEEE 754 double (§3.2.2.3): the
 *       shortest decimal that reads back as the same double (the closest one when several are that short, the even
 *       one on a tie), in plain notation for exponents -7 &lt; e &lt; 21, otherwise as {@code d.ddde±x};
 *       {@code -0} is {@code 0}.
 * </ul>
 *
 * <p>{@link #canonicalizeExact} is <b>strict</b> beyond the RFC, because a signature over JCS output covers the canonical text, not the input:
 * input that two readers could see differently is refused with {@link VcErrorCode#INVALID_DOCUMENT} naming the
 * JSON path. A number is accepted only if its exact decimal value equals the value of its canonical form, so that
 * no two accepted documents with different numbers share a signature ({@code 12345678901234567891} and
 * {@code 12345678901234567892} are the same double, and {@code 0.10000000000000001} would be signed as
 * {@code 0.1}); numbers beyond the double range (I-JSON, RFC 7493) and unpaired surrogates are refused too.
 * Duplicate member names and content after the value cannot reach this class: the input comes from
 * {@link StrictJson}, which refuses them and bounds the nesting depth (this class recurses once per level).
 */
public final class Jcs {
  private Jcs() {}

  /** 2^53: below it every integer is a double and its digits are its shortest form. */
  private static final double EXACT_INTEGERS = 9007199254740992d;

  /**
   * Canonicalizes a JSON value as RFC 8785 defines it: each number is read as the nearest IEEE 754 double.
   *
   * @param value the value (from {@link StrictJson}, or built in memory)
   * @return the canonical JSON text (UTF-8 encode it for hashing)
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} for a number beyond the double range or a string with
   *     an unpaired surrogate, naming its JSON path
   */
  public static String canonicalize(JsonValue value) throws VcException {
    StringBuilder out = new StringBuilder(256);
    write(value, "$", false, out);
    return out.toString();
  }

  /**
   * Canonicalizes a JSON value for signing: as {@link #canonicalize}, and a number is accepted only if its exact
   * value equals that of its canonical form (see the class description). The Data Integrity jcs suites use this.
   *
   * @param value the value (from {@link StrictJson}, or built in memory)
   * @return the canonical JSON text
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} as {@link #canonicalize}, and for a number the
   *     canonical form would change, naming its JSON path
   */
  public static String canonicalizeExact(JsonValue value) throws VcException {
    StringBuilder out = new StringBuilder(256);
    write(value, "$", true, out);
    return out.toString();
  }

  private static void write(JsonValue v, String path, boolean exact, StringBuilder out) throws VcException {
    switch (v.getValueType()) {
      case OBJECT: {
        JsonObject o = v.asJsonObject();
        List<String> keys = new ArrayList<>(o.keySet());
        keys.sort(null); // String.compareTo: lexicographic over UTF-16 code units
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
          String k = keys.get(i);
          if (i > 0) {
            out.append(',');
          }
          String p = Paths.member(path, k);
          string(k, p + " (member name)", out);
          out.append(':');
          write(o.get(k), p, exact, out);
        }
        out.append('}');
        break;
      }
      case ARRAY: {
        JsonArray a = v.asJsonArray();
        out.append('[');
        for (int i = 0; i < a.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(a.get(i), path + "[" + i + "]", exact, out);
        }
        out.append(']');
        break;
      }
      case STRING:
        string(((JsonString) v).getString(), path, out);
        break;
      case NUMBER:
        out.append(number(((JsonNumber) v).bigDecimalValue(), path, exact));
        break;
      case TRUE:
        out.append("true");
        break;
      case FALSE:
        out.append("false");
        break;
      case NULL:
        out.append("null");
        break;
      default:
        throw new IllegalStateException(v.getValueType().toString());
    }
  }

  private static void string(String s, String path, StringBuilder out) throws VcException {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
        continue;
      }
      if (Character.isSurrogate(c)) {
        throw new VcException(VcErrorCode.INVALID_DOCUMENT, path + " contains an unpaired surrogate U+"
            + Integer.toHexString(c).toUpperCase(Locale.ROOT)
            + ", which JCS (RFC 8785) cannot encode; expected well-formed Unicode text");
      }
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\f':
          out.append("\\f");
          break;
        case '\r':
          out.append("\\r");
          break;
        default:
          if (c < 0x20) {
            out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  /**
   * The canonical form of a JSON number, refusing one whose exact value the canonical form would change.
   *
   * @param exact the number's exact decimal value, as read
   * @param path the JSON path, for messages
   * @return the ECMAScript serialization of the nearest double
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} if the value is beyond the double range or differs
   *     from the value of its canonical form
   */
  public static String number(BigDecimal exact, String path) throws VcException {
    return number(exact, path, true);
  }

  private static String number(BigDecimal exact, String path, boolean strict) throws VcException {
    double d = Double.parseDouble(exact.toString());
    if (Double.isInfinite(d)) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, path + ": " + exact
          + " is outside the IEEE 754 double range that JCS (RFC 8785) numbers must fit; expected a magnitude"
          + " below 1.8e308 (write larger values as strings)");
    }
    Decimal shortest = shortest(d);
    if (strict && exact.compareTo(shortest.value()) != 0) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, path + ": " + exact
          + " cannot be signed exactly with JCS (RFC 8785): it is the IEEE 754 double written " + shortest.text()
          + ", and would be signed as that; expected a number whose value is its canonical form (write "
          + shortest.text() + ", or a string for more digits)");
    }
    return shortest.text();
  }

  /**
   * ECMAScript {@code Number.prototype.toString} of a finite double (RFC 8785 §3.2.2.3).
   *
   * @param d the value
   * @return its canonical JSON text
   * @throws IllegalArgumentException for NaN and the infinities, which JSON cannot express
   */
  public static String number(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException(d + " has no JSON form");
    }
    return shortest(d).text();
  }

  /** A double's shortest decimal: {@code digits} (no trailing zeros) times 10^(n - digits.length()). */
  private record Decimal(boolean negative, String digits, int n) {
    BigDecimal value() {
      BigDecimal v = new BigDecimal(new BigInteger(digits), digits.length() - n);
      return negative ? v.negate() : v;
    }

    /** ECMAScript Number::toString, steps 5 to 10 (k = digits, n = decimal point position). */
    String text() {
      int k = digits.length();
      StringBuilder b = new StringBuilder(k + 8);
      if (negative) {
        b.append('-');
      }
      if (k <= n && n <= 21) {
        b.append(digits);
        for (int i = k; i < n; i++) {
          b.append('0');
        }
      } else if (0 < n && n <= 21) {
        b.append(digits, 0, n).append('.').append(digits, n, k);
      } else if (-6 < n && n <= 0) {
        b.append("0.");
        for (int i = n; i < 0; i++) {
          b.append('0');
        }
        b.append(digits);
      } else {
        int e = n - 1;
        b.append(digits.charAt(0));
        if (k > 1) {
          b.append('.').append(digits, 1, k);
        }
        b.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
      }
      return b.toString();
    }
  }

  private static Decimal shortest(double d) {
    if (d == 0) {
      return new Decimal(false, "0", 1); // +0 and -0 are both "0"
    }
    boolean negative = d < 0;
    double a = Math.abs(d);
    if (a < EXACT_INTEGERS && a == Math.rint(a)) {
      String all = Long.toString((long) a);
      return new Decimal(negative, stripZeros(all), all.length());
    }
    BigDecimal exact = new BigDecimal(a);
    // the fewest significant digits p for which a p-digit decimal reads back as a; at p, the two p-digit
    // neighbours of the exact value are the only candidates (any other p-digit decimal is farther on its side).
    // Double.toString reads back and has at most 17 digits, sometimes more than the fewest on JDK 17: start there
    // and go down while fewer digits still read back (if p digits do, so do p + 1).
    int p = Math.min(17, new BigDecimal(Double.toString(a)).stripTrailingZeros().precision());
    BigDecimal pick = candidate(exact, a, p);
    while (p > 1) {
      BigDecimal fewer = candidate(exact, a, p - 1);
      if (fewer == null) {
        break;
      }
      pick = fewer;
      p--;
    }
    if (pick == null) {
      throw new IllegalStateException("no " + p + "-digit decimal reads back as " + d);
    }
    BigDecimal s = pick.stripTrailingZeros();
    String digits = s.unscaledValue().toString();
    return new Decimal(negative, digits, digits.length() - s.scale());
  }

  /** The p-digit decimal closest to {@code exact} that reads back as {@code a} (even on a tie), or null. */
  private static BigDecimal candidate(BigDecimal exact, double a, int p) {
    BigDecimal down = exact.round(new MathContext(p, RoundingMode.FLOOR));
    BigDecimal up = exact.round(new MathContext(p, RoundingMode.CEILING));
    boolean downOk = Double.parseDouble(down.toString()) == a;
    boolean upOk = Double.parseDouble(up.toString()) == a;
    if (downOk && upOk && down.compareTo(up) != 0) {
      int c = exact.subtract(down).compareTo(up.subtract(exact));
      return c < 0 ? down : c > 0 ? up : even(down) ? down : up;
    }
    return downOk ? down : upOk ? up : null;
  }

  private static boolean even(BigDecimal v) {
    return !v.unscaledValue().testBit(0);
  }

  private static String stripZeros(String digits) {
    int end = digits.length();
    while (end > 1 && digits.charAt(end - 1) == '0') {
      end--;
    }
    return digits.substring(0, end);
  }

  /** JSON paths for messages. */
  private static final class Paths {
    static String member(String path, String key) {
      boolean plain = !key.isEmpty() && (Character.isLetter(key.charAt(0)) || key.charAt(0) == '@'
          || key.charAt(0) == '_');
      for (int i = 0; plain && i < key.length(); i++) {
        char c = key.charAt(i);
        plain = Character.isLetterOrDigit(c) || c == '_' || c == '@' || c == '-';
      }
      return plain ? path + "." + key : path + "['" + key.replace("'", "\\'") + "']";
    }
  }
}
