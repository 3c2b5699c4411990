package io.github.microcred.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decimals with absurd exponents are refused where they enter, with their path, before anything expands them:
 * normalising {@code 1e99999999} to a plain integer would build a hundred-million-digit number (over a minute of
 * CPU), and {@code 1e999999999} overflowed with an untyped {@code ArithmeticException}.
 */
class CreditBoundsTest {
  private static String doc(String amount, String hours) {
    return "{\"title\": \"Bounds\", \"workload\": {\"hours\": " + hours + ", \"credits\": [{\"amount\": " + amount
        + ", \"unit\": \"ECTS\"}]}}";
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e999999999", "1e99999999", "1e-99999999", "-1e999999999", "1234567890123456789",
      "0.00000000000000000000000000000000000000001", "\"1e999999999\""})
  void outOfRangeAmountsAreTypedIssuesAtTheirPath(String amount) {
    ValidationReport r = MicroCredentialValidator.validate(doc(amount, "10"));
    assertTrue(r.issues().stream().anyMatch(i -> i.path().equals("$.workload.credits[0].amount")
        && i.code() == CoreIssueCode.WRONG_TYPE && i.message().contains("at most 18 integer and 40 decimal digits")),
        r.summary());
    CoreException e = assertThrows(CoreException.class, () -> MicroCredential.fromJson(doc(amount, "10")));
    assertEquals(CoreErrorCode.INVALID_DOCUMENT, e.code());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e999999999", "1e99999999", "1e-99999999"})
  void outOfRangeHoursAreTypedIssuesAtTheirPath(String hours) {
    ValidationReport r = MicroCredentialValidator.validate(doc("5", hours));
    assertTrue(r.issues().stream().anyMatch(i -> i.path().equals("$.workload.hours")
        && i.code() == CoreIssueCode.WRONG_TYPE), r.summary());
  }

  @Test
  void theBoundsThemselvesAreAccepted() throws CoreException {
    String most = "123456789012345678.1234567890123456789012345678901234567891";
    MicroCredential m = MicroCredential.fromJson(doc(most, "10"));
    assertEquals(most, m.workload().credits().get(0).amount().toPlainString());
    assertEquals("1000", MicroCredential.fromJson(doc("1e3", "10")).workload().credits().get(0).amount().toPlainString());
  }

  @Test
  void theConstructorRefusesWithoutExpanding() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new CreditValue(new BigDecimal("1e99999999"), CreditUnit.ECTS));
    assertTrue(e.getMessage().contains("1E+99999999"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new CreditValue(new BigDecimal("-1e99999999"), CreditUnit.ECTS));
    assertTrue(CreditValue.withinBounds(new BigDecimal("999999999999999999")));
    assertTrue(!CreditValue.withinBounds(new BigDecimal("1000000000000000000")));
  }

  @Test
  void aDecimalStringOfAMillionDigitsIsRefusedUnparsed() {
    // parsing it would take over ten seconds of CPU; core's reader admits strings of ten million characters
    String digits = "\"" + "1".repeat(1_000_000) + "\"";
    ValidationReport r = MicroCredentialValidator.validate(doc(digits, "10"));
    assertTrue(r.issues().stream().anyMatch(i -> i.path().equals("$.workload.credits[0].amount")
        && i.code() == CoreIssueCode.WRONG_TYPE && i.message().contains("at most 100 characters")), r.summary());
    r = MicroCredentialValidator.validate(doc("5", digits));
    assertTrue(r.issues().stream().anyMatch(i -> i.path().equals("$.workload.hours")
        && i.code() == CoreIssueCode.WRONG_TYPE), r.summary());
  }

  @Test
  void parseDecimalRefusesLongTextAndOutOfRangeValues() {
    assertEquals(new BigDecimal("2.5"), CreditValue.parseDecimal(" 2.5 "));
    assertEquals(0, new BigDecimal("1000").compareTo(CreditValue.parseDecimal("1e3")));
    NumberFormatException tooLong = assertThrows(NumberFormatException.class,
        () -> CreditValue.parseDecimal("1".repeat(1_000_000)));
    assertTrue(tooLong.getMessage().contains("at most 100 characters"), tooLong.getMessage());
    NumberFormatException range = assertThrows(NumberFormatException.class,
        () -> CreditValue.parseDecimal("1e99999999"));
    assertTrue(range.getMessage().contains("at most 18 integer"), range.getMessage());
    assertThrows(NumberFormatException.class, () -> CreditValue.parseDecimal("two"));
    assertThrows(NumberFormatException.class, () -> CreditValue.of("1".repeat(1_000_000), CreditUnit.ECTS));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e99999999", "-1e99999999", "1e-99999999"})
  void apiValuesThatWouldExpandAreRefusedAtOnce(String value) {
    BigDecimal v = new BigDecimal(value);
    assertThrows(IllegalArgumentException.class, () -> Workload.ofHours(v));
    assertThrows(IllegalArgumentException.class, () -> new Rubric.Criterion("c", "C", v,
        List.of("1", "2", "3", "4", "5"), 1));
    assertThrows(IllegalArgumentException.class, () -> CreditConversions.builder()
        .define(CreditUnit.ECTS, CreditUnit.US_SEMESTER_HOUR, v, "a source"));
  }

  @Test
  void aValidityPeriodNoDateCouldBeMovedByIsAnIssueAtItsPath() {
    String json = "{\"title\": \"t\", \"validity\": {\"type\": \"PERIOD_AFTER_AWARD\", \"period\": \"P999999999Y\"}}";
    ValidationReport r = MicroCredentialValidator.validate(json);
    assertTrue(r.issues().stream().anyMatch(i -> i.path().equals("$.validity.period")
        && i.code() == CoreIssueCode.INVALID_PERIOD && i.message().contains("at most 1000 years")), r.summary());
    assertThrows(IllegalArgumentException.class,
        () -> ValidityPolicy.periodAfterAward(Period.ofDays(366_001)));
    assertEquals(LocalDate.of(3024, 1, 1),
        ValidityPolicy.periodAfterAward(Period.ofYears(1000)).expiryFor(LocalDate.of(2024, 1, 1))
            .orElseThrow());
  }

  @Test
  void anExpiryPastTheLastRepresentableDateIsThatDate() {
    LocalDate nearTheEnd = LocalDate.MAX.minusDays(10);
    assertEquals(LocalDate.MAX,
        ValidityPolicy.periodAfterAward(Period.ofYears(1)).expiryFor(nearTheEnd).orElseThrow());
    assertEquals(LocalDate.MAX, ValidityPolicy.until(LocalDate.MAX).expiryFor(nearTheEnd)
        .orElseThrow());
  }
}
