package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Numbers that would expand to millions of digits ({@code 1e99999999} normalised to a plain integer; a fraction
 * string of a million digits parsed) are refused where they enter, with their path, at once: each input here took
 * from seconds to minutes of CPU, or escaped as an untyped exception, before.
 */
class NumberBoundsTest {
  private static String degree(String hours, String minimum) {
    return "{\"display_name\": \"D\", " + (minimum == null ? "" : "\"minimum_credit_hours\": " + minimum + ", ")
        + "\"requirements\": {\"major\": [{\"matcher\": \"FreeElectiveRequirement\", \"metadata\": {\"id\": \"fe\"}"
        + (hours == null ? "" : ", \"required_hours\": " + hours) + "}]}}";
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e99999999", "1e999999999", "1e-99999999"})
  void anOpenBadgeWithAnAbsurdCreditIsExcludedWithItsPath(String amount) throws Exception {
    ObjectNode b = OpenBadgesMappingTest.badge();
    // an exact reader (as vc's) keeps the decimal ...
    ((ObjectNode) b.get("credentialSubject")).set("creditsEarned", EXACT.readTree(amount));
    Exclusion x = OpenBadges.mapping().map(b).exclusion().orElseThrow();
    assertEquals(Exclusion.Reason.NOT_MAPPABLE, x.reason());
    assertTrue(x.detail().startsWith("$.credentialSubject.creditsEarned: expected at most 18 integer and 40 decimal"),
        x.detail());
    // ... a plain one makes the large ones Infinity, which has no decimal value either
    if (!amount.contains("-")) {
      ((ObjectNode) b.get("credentialSubject")).set("creditsEarned", OpenBadgesMappingTest.JSON.readTree(amount));
      x = OpenBadges.mapping().map(b).exclusion().orElseThrow();
      assertTrue(x.detail().startsWith("$.credentialSubject.creditsEarned: expected a finite non-negative number"),
          x.detail());
    }
  }

  private static final ObjectMapper EXACT = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @ParameterizedTest
  @ValueSource(strings = {"1e99999999", "1e999999999"})
  void aNebulaDegreeWithAbsurdHoursIsATranslationFailureWithItsPath(String hours) {
    StackingException e = assertThrows(StackingException.class,
        () -> UtdNebula.fromDegreeJson("d", degree(hours, "120"), f -> Optional.empty()));
    assertEquals(StackingErrorCode.TRANSLATION_FAILED, e.code());
    assertTrue(e.getMessage().startsWith("d: $.requirements.major[0].required_hours: number out of range"),
        e.getMessage());
    e = assertThrows(StackingException.class,
        () -> UtdNebula.fromDegreeJson("d", degree("12", hours), f -> Optional.empty()));
    assertTrue(e.getMessage().startsWith("d: $.minimum_credit_hours: number out of range"), e.getMessage());
  }

  @Test
  void aNebulaRequirementWithoutHoursIsNamedNotReadAsZero() throws StackingException {
    StackingException e = assertThrows(StackingException.class,
        () -> UtdNebula.fromDegreeJson("d", degree(null, null), f -> Optional.empty()));
    assertTrue(e.getMessage().startsWith("d: $.requirements.major[0].required_hours: expected a non-negative number"),
        e.getMessage());
    assertThrows(StackingException.class,
        () -> UtdNebula.fromDegreeJson("d", degree("\"12\"", null), f -> Optional.empty()));
    Rules r = UtdNebula.fromDegreeJson("d", degree("12", "120"), f -> Optional.empty());
    assertEquals(0, new BigDecimal("120").compareTo(r.constraints().totalCredits()));
  }

  @Test
  void aFractionStringOfAMillionDigitsIsRefusedUnparsed() {
    String huge = "1".repeat(1_000_000);
    StackingException e = assertThrows(StackingException.class, () -> Rules.fromJson(
        ExactArithmeticTest.ONE_THIRD_RULES.replace("\"1/3\"", "\"" + huge + "/3\"")));
    assertTrue(e.getMessage().contains("$.constraints.caps[0].maxShare: expected a number or a fraction a/b of at"
        + " most 1000 characters"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Fraction.parse(huge));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e99999999", "-1e99999999", "1e-99999999"})
  void apiAmountsThatWouldExpandAreRefusedAtOnce(String value) {
    BigDecimal v = new BigDecimal(value);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fraction.of(v));
    assertTrue(e.getMessage().contains("out of range"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Fraction.parse(value));
    assertThrows(IllegalArgumentException.class, () -> Requirement.credits("r", v, Filter.ANY));
    assertThrows(IllegalArgumentException.class, () -> Rules.builder("r").totalCredits(v)
        .requirement(Requirement.credits("r", BigDecimal.ONE, Filter.ANY)).build());
  }
}
