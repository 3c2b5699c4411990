package io.github.microcred.ctdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.microcred.core.CreditUnit;
import io.github.microcred.core.CreditValue;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.Workload;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Credit amounts are exact decimals through export and import: no binary floating point on the way, so amounts
 * that a {@code double} cannot hold (0.1 + 0.2, a third written to 30 places, 2.675) come back digit for digit, and
 * the exported {@code schema:value} is the same decimal.
 */
class ExactDecimalTest {
  private static final ObjectMapper EXACT = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .build();

  private static BigDecimal roundTrip(BigDecimal amount, StringBuilder exported) throws Exception {
    MicroCredential mc = MicroCredential.builder("Exact credit").workload(Workload.ofCredits(new CreditValue(amount, CreditUnit.ECTS)))
        .build();
    CtdlGraph g = Ctdl.export(mc);
    exported.append(g.toJson().toPrettyString());
    List<JsonNode> values = EXACT.readTree(g.toJson().toPrettyString()).findValues("schema:value");
    assertEquals(1, values.size(), exported::toString);
    assertEquals(0, values.get(0).decimalValue().compareTo(amount),
        () -> "exported schema:value " + values.get(0) + " for " + amount.toPlainString());
    CtdlImport imp = Ctdl.importRecord(g.toJson().toPrettyString());
    List<CreditValue> credits = imp.microCredential().orElseThrow().workload().credits();
    assertEquals(1, credits.size(), () -> imp.warnings().toString());
    assertEquals(CreditUnit.ECTS, credits.get(0).unit());
    return credits.get(0).amount();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.3", "0.30000000000000004", "0.333333333333333333333333333333", "2.675",
      "1234567890.123456789", "0.000000000000000000000000000001", "7", "0.5"})
  void amountsRoundTripDigitForDigit(String amount) throws Exception {
    BigDecimal a = new BigDecimal(amount);
    StringBuilder g = new StringBuilder();
    BigDecimal back = roundTrip(a, g);
    assertEquals(a.stripTrailingZeros().toPlainString(), back.toPlainString(), g::toString);
  }

  @Test
  void aTenthPlusTwoTenthsIsThreeTenthsNotTheDoubleSum() throws Exception {
    BigDecimal sum = new BigDecimal("0.1").add(new BigDecimal("0.2"));
    assertNotEquals(0.3, 0.1 + 0.2); // the double sum is 0.30000000000000004
    StringBuilder g = new StringBuilder();
    assertEquals("0.3", roundTrip(sum, g).toPlainString(), g::toString);
    assertTrue(g.toString().contains("\"schema:value\" : 0.3,") || g.toString().contains("\"schema:value\" : 0.3\n"),
        g::toString);
  }

  @Test
  void importedRecordAmountsKeepEveryDigit() throws CtdlException {
    String third = "0.333333333333333333333333333333";
    CtdlImport i = Ctdl.importRecord(LegacyShapesTest.graph("\"ceterms:requires\": [{\"@type\": "
        + "\"ceterms:ConditionProfile\", \"ceterms:creditValue\": [{\"@type\": \"ceterms:ValueProfile\", "
        + "\"schema:value\": " + third + ", \"ceterms:creditUnitType\": \"creditUnit:SemesterHour\"}, "
        + "{\"@type\": \"ceterms:ValueProfile\", \"schema:value\": \"2.675\", "
        + "\"ceterms:creditUnitType\": \"creditUnit:QuarterHour\"}]}]"));
    assertEquals(third + " US_SEMESTER_HOUR, 2.675 US_QUARTER_HOUR", LegacyShapesTest.credits(i));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e999999999", "-1e-999999999", "1e-41", "1234567890123456789", "\"1e999999999\""})
  void amountsBeyondTheBoundsAreNotReadAndNamed(String value) throws CtdlException {
    CtdlImport i = Ctdl.importRecord(LegacyShapesTest.graph("\"ceterms:requires\": [{\"@type\": "
        + "\"ceterms:ConditionProfile\", \"ceterms:creditValue\": [{\"@type\": \"ceterms:ValueProfile\", "
        + "\"schema:value\": " + value + ", \"ceterms:creditUnitType\": \"creditUnit:SemesterHour\"}]}]"));
    assertEquals("", LegacyShapesTest.credits(i));
    assertTrue(LegacyShapesTest.warning(i, "$['@graph'][0]['ceterms:requires'][0]['ceterms:creditValue'][0]")
        .contains("out of range"), i.warnings()::toString);
  }

  @Test
  void aStringOfAMillionDigitsIsRefusedUnparsed() throws CtdlException {
    // parsing it would take over ten seconds of CPU (ten million digits: minutes)
    CtdlImport i = Ctdl.importRecord(LegacyShapesTest.graph("\"ceterms:requires\": [{\"@type\": "
        + "\"ceterms:ConditionProfile\", \"ceterms:creditValue\": [{\"@type\": \"ceterms:ValueProfile\", "
        + "\"schema:value\": \"" + "7".repeat(1_000_000) + "\", \"ceterms:creditUnitType\": "
        + "\"creditUnit:SemesterHour\"}]}]"));
    assertEquals("", LegacyShapesTest.credits(i));
    assertTrue(LegacyShapesTest.warning(i, "$['@graph'][0]['ceterms:requires'][0]['ceterms:creditValue'][0]")
        .contains("at most 100 characters"), i.warnings()::toString);
  }

  @Test
  void aDurationOfAbsurdYearsIsNamedNotRead() throws CtdlException {
    // 400 nines of years are Infinity hours as a double; the import threw NumberFormatException on them
    for (String years : new String[] {"9".repeat(400), "9".repeat(20)}) {
      CtdlImport i = Ctdl.importRecord(LegacyShapesTest.graph("\"ceterms:estimatedDuration\": [{\"@type\": "
          + "\"ceterms:DurationProfile\", \"ceterms:timeRequired\": \"P" + years + "Y\"}]"));
      assertTrue(i.microCredential().orElseThrow().workload().hours().isEmpty());
      assertTrue(LegacyShapesTest.warning(i, "$['@graph'][0]['ceterms:estimatedDuration'][0]['ceterms:timeRequired']")
          .contains("out of range"), i.warnings()::toString);
    }
    CtdlImport ok = Ctdl.importRecord(LegacyShapesTest.graph("\"ceterms:estimatedDuration\": [{\"@type\": "
        + "\"ceterms:DurationProfile\", \"ceterms:timeRequired\": \"PT40H\"}]"));
    assertEquals("40", ok.microCredential().orElseThrow().workload().hours().orElseThrow().toPlainString());
  }

  @Test
  void seededAmountsRoundTripExactly() throws Exception {
    long seed = 0xDEC1A1L;
    SplittableRandom r = new SplittableRandom(seed);
    for (int k = 0; k < 300; k++) {
      BigInteger unscaled = BigInteger.valueOf(r.nextLong(1, 1_000_000_000_000_000_000L));
      BigDecimal a = new BigDecimal(unscaled, r.nextInt(0, 31));
      StringBuilder g = new StringBuilder();
      BigDecimal back = roundTrip(a, g);
      assertEquals(a.stripTrailingZeros().toPlainString(), back.toPlainString(),
          () -> "seed " + seed + ", amount " + a.toPlainString() + "\n" + g);
    }
  }
}
