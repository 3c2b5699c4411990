package io.github.microcred.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CreditConversionsTest {

  private final CreditConversions policy = CreditConversions.defaults();

  @Test
  void sourcedFactorsOfTheDefaultPolicy() throws CoreException {
    assertEquals(CreditValue.of(25, CreditUnit.HOUR), policy.convert(CreditValue.of(1, CreditUnit.ECTS), CreditUnit.HOUR));
    assertEquals(CreditValue.of(1, CreditUnit.ECTS), policy.convert(CreditValue.of(2, CreditUnit.UK_CATS), CreditUnit.ECTS));
    assertEquals(CreditValue.of(10, CreditUnit.HOUR), policy.convert(CreditValue.of(1, CreditUnit.NZQA_CREDIT), CreditUnit.HOUR));
    assertEquals(CreditValue.of(10, CreditUnit.HOUR), policy.convert(CreditValue.of(1, CreditUnit.CEU), CreditUnit.HOUR));
    assertEquals(CreditValue.of(45, CreditUnit.HOUR), policy.convert(CreditValue.of(1, CreditUnit.US_SEMESTER_HOUR), CreditUnit.HOUR));
    assertEquals(CreditValue.of(2, CreditUnit.US_SEMESTER_HOUR), policy.convert(CreditValue.of(3, CreditUnit.US_QUARTER_HOUR), CreditUnit.US_SEMESTER_HOUR));
    assertEquals(CreditValue.of(3, CreditUnit.US_SEMESTER_HOUR), policy.convert(CreditValue.of(6, CreditUnit.ECTS), CreditUnit.US_SEMESTER_HOUR));
    assertEquals(CreditValue.of(3, CreditUnit.US_SEMESTER_HOUR), policy.convert(CreditValue.of(15, CreditUnit.UK_CATS), CreditUnit.US_SEMESTER_HOUR));
  }

  @Test
  void inverseOfANonTerminatingFactorIsRoundedOnceHalfEven() throws CoreException {
    // 1 semester hour = 3/2 quarter hours exactly; 1 quarter hour = 2/3 semester hour = 0.666667 after rounding
    assertEquals(CreditValue.of("0.666667", CreditUnit.US_SEMESTER_HOUR),
        policy.convert(CreditValue.of(1, CreditUnit.US_QUARTER_HOUR), CreditUnit.US_SEMESTER_HOUR));
  }

  @Test
  void aMissingConversionIsATypedErrorNotAGuess() {
    // NZQA credits have no published equivalence with ECTS in the default policy: no chaining through hours.
    CoreException e = assertThrows(CoreException.class,
        () -> policy.convert(CreditValue.of(1, CreditUnit.NZQA_CREDIT), CreditUnit.ECTS));
    assertEquals(CoreErrorCode.CONVERSION_UNDEFINED, e.code());
    assertTrue(e.getMessage().contains("NZQA_CREDIT") && e.getMessage().contains("ECTS"), e.getMessage());
    assertFalse(policy.supports(CreditUnit.NZQA_CREDIT, CreditUnit.ECTS));
  }

  @Test
  void everyFactorHasASourceAndPolicyCanBeAdjusted() throws CoreException {
    assertTrue(policy.conversions().stream().allMatch(c -> !c.source().isBlank()));
    CreditConversions thirty = policy.toBuilder().ectsHours(30).build();
    assertEquals(new BigDecimal("30"), thirty.toHours(CreditValue.of(1, CreditUnit.ECTS)));
    assertThrows(IllegalArgumentException.class, () -> CreditConversions.builder().ectsHours(31));
    CreditConversions empty = CreditConversions.builder().build();
    assertEquals(CreditValue.of(3, CreditUnit.ECTS), empty.convert(CreditValue.of(3, CreditUnit.ECTS), CreditUnit.ECTS));
  }

  static final long SEED = 0x5EED_C0DEL;

  static Stream<Object[]> roundTrips() {
    SplittableRandom rnd = new SplittableRandom(SEED);
    CreditConversions p = CreditConversions.defaults();
    List<CreditConversions.Conversion> pairs = p.conversions();
    List<Object[]> cases = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      CreditConversions.Conversion c = pairs.get(rnd.nextInt(pairs.size()));
      // amounts with up to 3 decimals, 0..1000
      BigDecimal amount = BigDecimal.valueOf(rnd.nextLong(1_000_000L), 3);
      cases.add(new Object[] {i, c.from(), c.to(), amount});
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "case {0}: {3} {1} -> {2} -> {1}")
  @MethodSource("roundTrips")
  void roundTripIsWithinTheDocumentedRounding(int i, CreditUnit a, CreditUnit b, BigDecimal amount) throws CoreException {
    CreditValue v = new CreditValue(amount, a);
    CreditValue there = policy.convert(v, b);
    CreditValue back = policy.convert(there, a);
    BigDecimal fBack = policy.conversion(b, a).orElseThrow().factor();
    BigDecimal bound = new BigDecimal("0.0000005").multiply(fBack).add(new BigDecimal("0.0000005"));
    BigDecimal err = back.amount().subtract(v.amount()).abs();
    assertTrue(err.compareTo(bound) <= 0,
        "seed " + SEED + " case " + i + ": " + v + " -> " + there + " -> " + back + " error " + err + " > " + bound);
  }
}
