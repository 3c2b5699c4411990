package io.github.microcred.ctdl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.core.CreditValue;
import io.github.microcred.ctdl.CtdlProblemCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads credit: {@code ceterms:ValueProfile} nodes and their legacy forms ({@code schema:QuantitativeValue},
 * {@code ceterms:CreditValue}, bare numbers), with the unit from {@code creditUnitType} or, where CTDL has no
 * concept for it (ECTS, CATS, NZQA), from the text that names it.
 */
final class CreditReader {
  private static final Set<String> VALUE_TYPES = Set.of("ceterms:ValueProfile", "schema:ValueProfile",
      "schema:QuantitativeValue", "ceterms:QuantitativeValue", "ceterms:CreditValue", "schema:CreditValue");

  private final ReadContext ctx;

  CreditReader(ReadContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Reads a credit value and adds it to the model's credits.
   *
   * @param v the value of {@code ceterms:creditValue}
   * @param unitDescription the condition's {@code creditUnitTypeDescription}, or null
   * @return whether a credit was added
   */
  boolean read(JsonNode v, String unitDescription) {
    JsonNode n = ctx.resolve(v);
    BigDecimal amount = number(n);
    CtdlModel.Credit c = new CtdlModel.Credit();
    if (n != null && n.isObject()) {
      NodeCursor vp = ctx.at(n);
      List<String> t = vp.types();
      vp.use("@type");
      if (!t.isEmpty() && !VALUE_TYPES.contains(t.get(0))) {
        return false;
      }
      if (!t.isEmpty() && !t.get(0).equals("ceterms:ValueProfile")) {
        ctx.warn(vp.path("@type"), CtdlProblemCode.LEGACY_SHAPE, "legacy value type " + t.get(0) + " read as ceterms:ValueProfile");
      }
      for (String k : List.of("schema:value", "ceterms:value", "schema:maxValue", "schema:minValue")) {
        if (amount == null) {
          amount = number(vp.get(k));
        }
      }
      List<String> units = vp.concepts("ceterms:creditUnitType");
      String desc = vp.firstText("schema:description");
      String unitText = vp.string("schema:unitText");
      if (!units.isEmpty()) {
        c.unit = units.get(0);
      } else {
        for (String s : new String[] {desc, unitDescription, unitText}) {
          if (c.unit == null && s != null) {
            c.unit = unitFromText(s);
          }
        }
        if (c.unit == null) {
          c.unitText = unitDescription != null ? unitDescription : unitText;
        }
      }
    }
    if (amount == null) {
      ctx.warn(ctx.graph.path(v), CtdlProblemCode.UNREADABLE_VALUE, "credit value without a number (a decimal of at most "
          + CreditValue.MAX_TEXT_LENGTH + " characters): not read");
      return false;
    }
    if (!inRange(amount)) {
      ctx.warn(ctx.graph.path(v), CtdlProblemCode.UNREADABLE_VALUE, "credit value " + shortText(amount) + " out of range (at most "
          + CreditValue.MAX_INTEGER_DIGITS + " integer and " + CreditValue.MAX_FRACTION_DIGITS
          + " decimal digits): not read");
      return false;
    }
    c.amount = amount;
    ctx.model().credits.add(c);
    return true;
  }

  /**
   * Reads the legacy {@code creditHourValue} / {@code creditHourType} pair of a condition profile.
   *
   * @param cp the condition profile
   * @return whether a credit was added
   */
  boolean readLegacyHours(NodeCursor cp) {
    JsonNode legacyValue = cp.get("ceterms:creditHourValue");
    if (legacyValue == null) {
      return false;
    }
    BigDecimal amount = number(legacyValue);
    if (amount == null || !inRange(amount)) {
      return false;
    }
    CtdlModel.Credit c = new CtdlModel.Credit();
    c.amount = amount;
    String unit = cp.firstText("ceterms:creditHourType");
    c.unit = unitFromText(unit);
    c.unitText = c.unit == null ? unit : null;
    ctx.model().credits.add(c);
    ctx.warn(cp.path("ceterms:creditHourValue"), CtdlProblemCode.LEGACY_SHAPE, "legacy creditHourValue/creditHourType read as credit "
        + amount.toPlainString() + " " + (unit == null ? "" : unit));
    return true;
  }

  /**
   * A number given as a JSON number, a numeric string, or the first of a list, exactly as written (a tree read
   * with floating-point doubles gives the double's shortest decimal form).
   *
   * @param v the value
   * @return the number, or null
   */
  static BigDecimal number(JsonNode v) {
    if (v == null) {
      return null;
    }
    if (v.isNumber()) {
      if (v.isDouble() || v.isFloat()) {
        double d = v.doubleValue();
        return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
      }
      return v.decimalValue();
    }
    if (v.isTextual()) {
      if (v.asText().strip().length() > CreditValue.MAX_TEXT_LENGTH) {
        return null; // never parsed: a string of millions of digits takes minutes to parse
      }
      try {
        return new BigDecimal(v.asText().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    if (v.isArray() && v.size() > 0) {
      return number(v.get(0));
    }
    return null;
  }

  /** Whether an amount is small enough to carry, as core's {@link CreditValue#withinBounds} says. */
  static boolean inRange(BigDecimal amount) {
    return CreditValue.withinBounds(amount);
  }

  private static String shortText(BigDecimal d) {
    String s = d.toString();
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }

  /**
   * A credit unit from free text: ECTS, CATS, NZQA, or a CTDL creditUnit concept name.
   *
   * @param s the text
   * @return the unit or null
   */
  static String unitFromText(String s) {
    if (s == null) {
      return null;
    }
    String u = s.toUpperCase(Locale.ROOT);
    if (u.contains("ECTS") || u.contains("EUROPEAN CREDIT")) {
      return "ECTS";
    }
    if (u.contains("CATS")) {
      return "CATS";
    }
    if (u.contains("NZQA")) {
      return "NZQA";
    }
    String flat = u.replaceAll("[^A-Z]", "");
    if (flat.startsWith("SEMESTER")) {
      return "SemesterHour";
    }
    if (flat.startsWith("QUARTER")) {
      return "QuarterHour";
    }
    if (flat.contains("CONTINUINGEDUCATION") || flat.equals("CEU") || flat.equals("CEUS")) {
      return "ContinuingEducationUnit";
    }
    if (flat.startsWith("CLOCKHOUR")) {
      return "ClockHour";
    }
    if (flat.startsWith("CONTACTHOUR")) {
      return "ContactHour";
    }
    return null;
  }
}
