package io.github.microcred.vc.internal.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationCode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The validity window check shared by every verifier: each bound (a {@code validFrom} / {@code validUntil}, VC 1.1
 * {@code issuanceDate} / {@code expirationDate}, a proof's {@code created} / {@code expires}, a JWT's
 * {@code nbf} / {@code iat} / {@code exp}) is compared with "now" with the same skew: a lower bound fails when it is
 * later than now + skew, an upper bound when now is later than it + skew. dateTime values are parsed with
 * {@link XsdDateTime}, the one parser.
 */
public final class ValidityWindow {
  private ValidityWindow() {}

  /** Why a bound failed. */
  public enum Reason {
    /** An upper bound has passed. */
    EXPIRED,
    /** A lower bound is in the future. */
    NOT_YET_VALID,
    /** The value is not a dateTime (or NumericDate). */
    MALFORMED
  }

  /**
   * One time bound.
   *
   * @param path the JSON path of the value, for messages
   * @param name the member name, for messages
   * @param lexical the dateTime text (null when {@code instant} is given)
   * @param instant the instant (null when {@code lexical} is given)
   * @param upper true for an upper bound (expiry), false for a lower bound
   */
  public record Bound(String path, String name, String lexical, Instant instant, boolean upper) {
    /**
     * A bound given as an XML Schema dateTime.
     *
     * @param path the path
     * @param name the member
     * @param lexical the text (null = malformed, for example not a string)
     * @param upper upper or lower
     * @return the bound
     */
    public static Bound dateTime(String path, String name, String lexical, boolean upper) {
      return new Bound(path, name, lexical, null, upper);
    }

    /**
     * A bound given as an instant (JWT NumericDate).
     *
     * @param path the path
     * @param name the claim
     * @param instant the instant
     * @param upper upper or lower
     * @return the bound
     */
    public static Bound instant(String path, String name, Instant instant, boolean upper) {
      return new Bound(path, name, null, instant, upper);
    }
  }

  /**
   * A failed bound.
   *
   * @param path the path
   * @param reason why
   * @param message a sentence
   */
  public record Problem(String path, Reason reason, String message) {}

  /**
   * Compares every bound with now.
   *
   * @param bounds the bounds
   * @param now the verification time
   * @param skew the tolerated skew
   * @return the failed bounds, empty when within the window
   */
  public static List<Problem> problems(List<Bound> bounds, Instant now, Duration skew) {
    List<Problem> out = new ArrayList<>();
    for (Bound b : bounds) {
      Instant t = b.instant();
      if (t == null) {
        try {
          t = XsdDateTime.parse(b.lexical());
        } catch (DateTimeParseException e) {
          out.add(new Problem(b.path(), Reason.MALFORMED, b.path() + " must be an XML Schema dateTime"
              + " (YYYY-MM-DDThh:mm:ssZ), got " + (b.lexical() == null ? "a non-string" : "'" + b.lexical() + "'")));
          continue;
        }
      }
      // now +- skew, never t +- skew: a NumericDate may be Instant.MAX, which cannot be moved later
      if (b.upper() && now.minus(skew).isAfter(t)) {
        out.add(new Problem(b.path(), Reason.EXPIRED, b.path() + " " + t + " has passed (now " + now + "): expired"));
      } else if (!b.upper() && t.isAfter(now.plus(skew))) {
        out.add(new Problem(b.path(), Reason.NOT_YET_VALID, b.path() + " " + t + " is in the future (now " + now
            + "): not yet valid"));
      }
    }
    return out;
  }

  /**
   * Reads a JWT NumericDate (RFC 7519 section 2: seconds since the epoch, possibly with a fraction): the instant of
   * the whole second it lies within, or null when it is not a number or lies outside what an {@link Instant} holds.
   * Never wraps (Jackson's {@code asLong} reads {@code 2^64 + t} as {@code t}) and never expands a huge exponent.
   *
   * @param n the claim's value, or null
   * @return the instant, or null when absent, not a number or out of range
   */
  public static Instant numericDate(JsonNode n) {
    if (n == null || !n.isNumber()) {
      return null;
    }
    if (n.isFloatingPointNumber() && !Double.isFinite(n.asDouble()) && !n.isBigDecimal()) {
      return null;
    }
    BigDecimal d = n.decimalValue();
    // digits before the point, without expanding the value (1E+999999999 has 10^9 of them)
    if ((long) d.precision() - d.scale() > 19) {
      return null;
    }
    BigInteger s = d.setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
    if (s.compareTo(BigInteger.valueOf(Instant.MIN.getEpochSecond())) < 0
        || s.compareTo(BigInteger.valueOf(Instant.MAX.getEpochSecond())) > 0) {
      return null;
    }
    return Instant.ofEpochSecond(s.longValueExact());
  }

  /**
   * The failure code of a reason.
   *
   * @param reason the reason
   * @return {@code EXPIRED}, {@code NOT_YET_VALID} or {@code BAD_TIME}
   */
  public static VerificationCode code(Reason reason) {
    switch (reason) {
      case EXPIRED:
        return VerificationCode.EXPIRED;
      case NOT_YET_VALID:
        return VerificationCode.NOT_YET_VALID;
      default:
        return VerificationCode.BAD_TIME;
    }
  }

  /**
   * The {@link CheckName#VALIDITY_PERIOD} check over the bounds (its code is the first failed bound's).
   *
   * @param bounds the bounds
   * @param now the verification time
   * @param skew the tolerated skew
   * @return passed, or failed with every problem
   */
  public static VerificationCheck check(List<Bound> bounds, Instant now, Duration skew) {
    List<Problem> p = problems(bounds, now, skew);
    if (p.isEmpty()) {
      return VerificationCheck.passed(CheckName.VALIDITY_PERIOD, "$", "valid at " + now + " (skew " + skew + ")");
    }
    List<String> m = new ArrayList<>();
    p.forEach(x -> m.add(x.message()));
    return VerificationCheck.failed(CheckName.VALIDITY_PERIOD, p.size() == 1 ? p.get(0).path() : "$",
        code(p.get(0).reason()),
        String.join("; ", m));
  }
}
