package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Fractions and credit amounts stay exact through caps and shares: regression tests for the one-third share that
 * used to become 9.99999999999 of 30, and a seeded property test against an oracle in exact rational arithmetic.
 */
class ExactArithmeticTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

  static final String ONE_THIRD_RULES = """
      {"id": "msc", "unit": "ECTS",
       "requirement": {"id": "programme", "credits": 30},
       "constraints": {"totalCredits": 30,
         "caps": [{"name": "prior learning <= 1/3", "where": {"origins": ["RPL"]}, "maxShare": "1/3"}]}}
      """;

  static Credential ects(String id, String credits, Origin origin) {
    return Credential.builder(id).credits(new BigDecimal(credits), "ECTS")
        .origin(origin).issued(AS_OF.minusYears(1)).build();
  }

  @Test
  void oneThirdShareOfThirtyAdmitsExactlyTenCredits() throws Exception {
    Rules rules = Rules.fromJson(ONE_THIRD_RULES);
    assertEquals(Fraction.of(1, 3), rules.constraints().caps().get(0).max());
    Transcript t = Transcript.of(ects("PL", "10", Origin.RPL), ects("R1", "10", Origin.RESIDENT),
        ects("R2", "10", Origin.RESIDENT));
    AuditResult r = Stacking.audit(rules, t, AS_OF);
    assertTrue(r.satisfied(), r.summary());
    assertTrue(r.exclusions().stream().noneMatch(e -> e.reason() == Exclusion.Reason.OVER_CAP), r.summary());
    assertEquals(0, new BigDecimal("30").compareTo(r.countedCredits()), r.summary());
    // one step above the exact limit is over it
    Transcript over = Transcript.of(ects("PL", "10.000001", Origin.RPL), ects("R1", "10", Origin.RESIDENT),
        ects("R2", "10", Origin.RESIDENT));
    AuditResult o = Stacking.audit(rules, over, AS_OF);
    assertFalse(o.satisfied(), o.summary());
    assertEquals(1, o.exclusions().stream().filter(e -> e.reason() == Exclusion.Reason.OVER_CAP).count());
    // and the rules read back the fraction as written
    assertEquals(Fraction.of(1, 3), Rules.fromJson(rules.toJson().toPrettyString()).constraints().caps().get(0).max());
    assertTrue(rules.toJson().toPrettyString().contains("\"1/3\""), rules.toJson().toPrettyString());
  }

  @Test
  void oneThirdOfThirtyOneIsComparedExactly() throws Exception {
    // 31/3 = 10.333...: 10.3 fits, 10.4 does not; no decimal rounding of the limit decides either way
    Rules rules = Rules.fromJson(ONE_THIRD_RULES.replace("\"credits\": 30", "\"credits\": 31")
        .replace("\"totalCredits\": 30", "\"totalCredits\": 31"));
    for (String[] c : new String[][] {{"10.3", "true"}, {"10.333333", "true"}, {"10.333334", "false"},
        {"10.4", "false"}}) {
      BigDecimal rest = new BigDecimal("31").subtract(new BigDecimal(c[0]));
      Transcript t = Transcript.of(ects("PL", c[0], Origin.RPL), ects("R", rest.toPlainString(), Origin.RESIDENT));
      AuditResult r = Stacking.audit(rules, t, AS_OF);
      assertEquals(Boolean.parseBoolean(c[1]), r.satisfied(), c[0] + "\n" + r.summary());
    }
  }

  @Test
  void plannerFindsTheHundredPlanUnderTheExactOneThirdShare() throws Exception {
    Rules rules = Rules.fromJson(ONE_THIRD_RULES);
    Transcript held = Transcript.of(ects("R1", "10", Origin.RESIDENT), ects("R2", "10", Origin.RESIDENT));
    Catalogue cat = new Catalogue(List.of(
        new CatalogueItem(ects("PLA", "10", Origin.RPL), BigDecimal.TEN, new BigDecimal("100"), Set.of()),
        new CatalogueItem(ects("MOD", "10", Origin.RESIDENT), BigDecimal.TEN, new BigDecimal("400"), Set.of())));
    Plan plan = Stacking.planner(rules, cat).withBudget(Duration.ofSeconds(5)).plan(held, AS_OF);
    assertTrue(plan.satisfied(), plan.toJson().toPrettyString());
    assertEquals(List.of("PLA"), plan.items(), plan.toJson().toPrettyString());
    assertEquals(0, new BigDecimal("100").compareTo(plan.value()), plan.toJson().toPrettyString());
    assertTrue(plan.lowerBound().compareTo(new BigDecimal("100")) <= 0, plan.toJson().toPrettyString());
    assertTrue(plan.audit().satisfied(), plan.audit().summary());
  }

  @Test
  void amountsWithoutAnExactDecimalAreRejectedWithTheirPath() {
    StackingException e = assertThrows(StackingException.class,
        () -> Rules.fromJson(ONE_THIRD_RULES.replace("\"credits\": 30", "\"credits\": \"100/3\"")));
    assertTrue(e.getMessage().contains("$.requirement.credits: '100/3' has no exact decimal value"), e.getMessage());
    // a fraction that divides evenly is the decimal it stands for
    assertThrows(StackingException.class, () -> Rules.fromJson(ONE_THIRD_RULES.replace("\"1/3\"", "\"1/0\"")));
  }

  @Test
  void evenFractionsAreTheirDecimals() throws Exception {
    Rules rules = Rules.fromJson(ONE_THIRD_RULES.replace("\"credits\": 30", "\"credits\": \"45/2\""));
    assertEquals(0, new BigDecimal("22.5").compareTo(rules.root().amount()));
  }

  /**
   * Exact oracle: over every subset of the credentials counted toward the one credit requirement, in rational
   * arithmetic, the lexicographic best (satisfied, applied credit capped at the demand, counted credit).
   */
  static Fraction[] oracle(List<Credential> creds, Fraction demand, Fraction total, Fraction limit) {
    Fraction[] best = null;
    for (int mask = 0; mask < (1 << creds.size()); mask++) {
      Fraction sum = Fraction.ZERO;
      Fraction rpl = Fraction.ZERO;
      for (int i = 0; i < creds.size(); i++) {
        if ((mask & (1 << i)) != 0) {
          Fraction v = Fraction.of(creds.get(i).credits().amount());
          sum = add(sum, v);
          if (creds.get(i).origin() == Origin.RPL) {
            rpl = add(rpl, v);
          }
        }
      }
      if (rpl.compareTo(limit) > 0) {
        continue;
      }
      boolean sat = sum.compareTo(demand) >= 0 && sum.compareTo(total) >= 0;
      Fraction applied = sum.compareTo(demand) < 0 ? sum : demand;
      Fraction[] v = {sat ? Fraction.ONE : Fraction.ZERO, applied, sum};
      if (best == null || compare(v, best) > 0) {
        best = v;
      }
    }
    return best;
  }

  static Fraction add(Fraction a, Fraction b) {
    return new Fraction(a.numerator().multiply(b.denominator()).add(b.numerator().multiply(a.denominator())),
        a.denominator().multiply(b.denominator()));
  }

  static int compare(Fraction[] a, Fraction[] b) {
    for (int i = 0; i < a.length; i++) {
      int c = a[i].compareTo(b[i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  @ParameterizedTest
  @ValueSource(longs = {20261206L, 1L, 42L})
  void sharesAndCapsAtExactBoundariesAreDecidedExactly(long seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    int satisfied = 0;
    int atLimit = 0;
    for (int i = 0; i < 400; i++) {
      int den = 2 + r.nextInt(11);
      Fraction share = Fraction.of(1 + r.nextInt(den - 1), den);
      BigDecimal total = BigDecimal.valueOf(10 + r.nextInt(60)).add(r.nextInt(3) == 0 ? new BigDecimal("0.5")
          : BigDecimal.ZERO);
      Fraction limit = share.multiply(Fraction.of(total));
      List<Credential> creds = new ArrayList<>();
      int n = 2 + r.nextInt(7);
      // one prior-learning credential at (or one step beside) the limit, as a 1- or 6-decimal amount
      int scale = r.nextBoolean() ? 1 : 6;
      BigDecimal at = new BigDecimal(limit.scaled(scale, java.math.RoundingMode.FLOOR), scale);
      BigDecimal step = BigDecimal.ONE.movePointLeft(scale);
      BigDecimal pl = switch (r.nextInt(3)) {
        case 0 -> at;
        case 1 -> at.add(step);
        default -> at.subtract(step).max(BigDecimal.ZERO);
      };
      creds.add(ects("PL", pl.toPlainString(), Origin.RPL));
      for (int c = 1; c < n; c++) {
        BigDecimal v = BigDecimal.valueOf(r.nextInt(25), 1).multiply(BigDecimal.valueOf(1 + r.nextInt(4)));
        creds.add(ects("C" + c, v.toPlainString(), r.nextInt(4) == 0 ? Origin.RPL : Origin.RESIDENT));
      }
      BigDecimal demand = total.subtract(BigDecimal.valueOf(r.nextInt(5)));
      String json = """
          {"id": "p", "unit": "ECTS", "requirement": {"id": "all", "credits": %s},
           "constraints": {"totalCredits": %s,
             "caps": [{"name": "share", "where": {"origins": ["RPL"]}, "maxShare": "%s/%s"}]}}
          """.formatted(demand.toPlainString(), total.toPlainString(), share.numerator(), share.denominator());
      Rules rules = Rules.fromJson(json);
      AuditResult got = Stacking.audit(rules, new Transcript(creds), AS_OF);
      Fraction[] want = oracle(creds, Fraction.of(demand), Fraction.of(total), limit);
      String msg = "seed " + seed + " case " + i + "\n" + json + creds + "\n" + got.summary();
      assertEquals(want[0].signum() == 1, got.satisfied(), msg);
      assertEquals(0, want[2].compareTo(Fraction.of(got.countedCredits())), msg);
      assertEquals(0, want[1].compareTo(Fraction.of(got.appliedCredits())), msg);
      satisfied += got.satisfied() ? 1 : 0;
      atLimit += Fraction.of(pl).compareTo(limit) == 0 ? 1 : 0;
    }
    // both outcomes, and credentials exactly at a limit, occur
    assertTrue(satisfied > 40 && satisfied < 360, "seed " + seed + " satisfied " + satisfied);
    assertTrue(atLimit > 20, "seed " + seed + " at the limit " + atLimit);
  }

  static Rules sixtyLeaves() throws StackingException {
    List<Requirement> leaves = new ArrayList<>();
    for (int l = 0; l < 50; l++) {
      leaves.add(Requirement.credits("L" + l, 10, Filter.ANY));
    }
    for (int l = 0; l < 10; l++) {
      leaves.add(Requirement.count("K" + l, 3, Filter.ANY));
    }
    return Rules.builder("p").requirement(Requirement.allOf("root", leaves.toArray(new Requirement[0]))).build();
  }

  @Test
  void sixDecimalAmountsOnALargeAuditDoNotOverflowTheSolver() throws Exception {
    // 200 credentials, one of 0.333333 credits: at 6 decimals the solver's packed objective would exceed a long
    // (it threw ArithmeticException); the most decimals that fit (5) are used, that credit rounded half-even
    List<Credential> cs = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      cs.add(ects("C" + i, i == 0 ? "0.333333" : "5", Origin.RESIDENT));
    }
    AuditResult r = Stacking.auditor(sixtyLeaves()).withBudget(Duration.ofSeconds(10))
        .audit(new Transcript(cs), AS_OF);
    assertTrue(r.satisfied(), r.summary());
    assertEquals(0, new BigDecimal("995.33333").compareTo(r.countedCredits()), r.summary());
    // amounts no scale can hold are a typed error, not an ArithmeticException
    List<Credential> huge = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      huge.add(ects("H" + i, "1000000000000000", Origin.RESIDENT));
    }
    StackingException e = assertThrows(StackingException.class,
        () -> Stacking.auditor(sixtyLeaves()).audit(new Transcript(huge), AS_OF));
    assertEquals(StackingErrorCode.INVALID_ARGUMENT, e.code());
  }

  static Credential qh(String id, String quarterHours, Origin origin) {
    return Credential.builder(id).credits(new BigDecimal(quarterHours), "QUARTER_HOUR").origin(origin)
        .issued(AS_OF.minusYears(1)).build();
  }

  @Test
  void quarterHoursConvertToSemesterHoursExactly() throws Exception {
    // 1 quarter hour = 2/3 semester hour (core's policy). Three half quarter hours are exactly 1 SCH; rounded to
    // 0.333333 each they summed to 0.999999 and missed a 1-SCH requirement
    Rules one = Rules.fromJson("{\"id\": \"q\", \"unit\": \"SCH\", \"requirement\": {\"id\": \"r\", \"credits\": 1}}");
    AuditResult r = Stacking.audit(one, Transcript.of(qh("A", "0.5", Origin.RESIDENT), qh("B", "0.5",
        Origin.RESIDENT), qh("C", "0.5", Origin.RESIDENT)), AS_OF);
    assertTrue(r.satisfied(), r.summary());
    assertEquals(0, BigDecimal.ONE.compareTo(r.countedCredits()), r.summary());
    // three 4-QH credentials are exactly 8 SCH: rounded to 2.666667 each they summed to 8.000001, over an 8-SCH cap
    Rules capped = Rules.fromJson("""
        {"id": "q", "unit": "SCH", "requirement": {"id": "r", "credits": 8},
         "constraints": {"caps": [{"name": "transfer <= 8", "where": {"origins": ["EXTERNAL"]}, "maxCredits": 8}]}}
        """);
    AuditResult c = Stacking.audit(capped, Transcript.of(qh("A", "4", Origin.EXTERNAL), qh("B", "4",
        Origin.EXTERNAL), qh("C", "4", Origin.EXTERNAL)), AS_OF);
    assertTrue(c.satisfied(), c.summary());
    assertTrue(c.exclusions().isEmpty(), c.summary());
  }

  @Test
  void convertedThirdsMeetAShareCapExactly() throws Exception {
    // 4 quarter hours are 8/3 semester hours: exactly 1/3 of an 8-SCH total, so a "<= 1/3" transfer share admits
    // them (rounded to 2.666667 they were over 8/3 and refused as OVER_CAP); 8 resident quarter hours make up 16/3
    Rules rules = Rules.fromJson("""
        {"id": "q", "unit": "SCH", "requirement": {"id": "r", "credits": 8}, "constraints": {"totalCredits": 8,
         "caps": [{"name": "transfer <= 1/3", "where": {"origins": ["EXTERNAL"]}, "maxShare": "1/3"}]}}
        """);
    AuditResult r = Stacking.audit(rules, Transcript.of(qh("E", "4", Origin.EXTERNAL), qh("R", "8",
        Origin.RESIDENT)), AS_OF);
    assertTrue(r.satisfied(), r.summary());
    assertTrue(r.exclusions().isEmpty(), r.summary());
    assertEquals(0, new BigDecimal("8").compareTo(r.countedCredits()), r.summary());
    // one millionth of a quarter hour more is over the share
    AuditResult o = Stacking.audit(rules, Transcript.of(qh("E", "4.000001", Origin.EXTERNAL), qh("R", "8",
        Origin.RESIDENT)), AS_OF);
    assertFalse(o.satisfied(), o.summary());
    assertEquals(1, o.exclusions().stream().filter(e -> e.reason() == Exclusion.Reason.OVER_CAP).count(),
        o.summary());
  }

  @ParameterizedTest
  @ValueSource(longs = {7L, 20261207L})
  void convertedThirdsAreDecidedExactly(long seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    Fraction perQh = Fraction.of(2, 3);
    int satisfied = 0;
    for (int i = 0; i < 300; i++) {
      List<Credential> creds = new ArrayList<>();
      int n = 1 + r.nextInt(7);
      for (int c = 0; c < n; c++) {
        creds.add(qh("Q" + c, BigDecimal.valueOf(1 + r.nextInt(12), 1).toPlainString(),
            r.nextInt(3) == 0 ? Origin.EXTERNAL : Origin.RESIDENT));
      }
      BigDecimal demand = BigDecimal.valueOf(r.nextInt(40), 1);
      BigDecimal cap = BigDecimal.valueOf(r.nextInt(20), 1);
      Rules rules = Rules.fromJson("""
          {"id": "q", "unit": "SCH", "requirement": {"id": "r", "credits": %s}, "constraints": {"totalCredits": %s,
           "caps": [{"name": "transfer", "where": {"origins": ["EXTERNAL"]}, "maxCredits": %s}]}}
          """.formatted(demand.toPlainString(), demand.toPlainString(), cap.toPlainString()));
      AuditResult got = Stacking.audit(rules, new Transcript(creds), AS_OF);
      // oracle over subsets in exact rationals: the SCH value of q quarter hours is q * 2/3
      Fraction bestSum = null;
      boolean sat = false;
      for (int mask = 0; mask < (1 << n); mask++) {
        Fraction sum = Fraction.ZERO;
        Fraction ext = Fraction.ZERO;
        for (int c = 0; c < n; c++) {
          if ((mask & (1 << c)) != 0) {
            Fraction v = perQh.multiply(Fraction.of(creds.get(c).credits().amount()));
            sum = add(sum, v);
            if (creds.get(c).origin() == Origin.EXTERNAL) {
              ext = add(ext, v);
            }
          }
        }
        if (ext.compareTo(Fraction.of(cap)) <= 0) {
          sat |= sum.compareTo(Fraction.of(demand)) >= 0;
          bestSum = bestSum == null || sum.compareTo(bestSum) > 0 ? sum : bestSum;
        }
      }
      String msg = "seed " + seed + " case " + i + " " + creds + " demand " + demand + " cap " + cap + "\n"
          + got.summary();
      assertEquals(sat, got.satisfied(), msg);
      if (!sat) {
        // unsatisfied: the audit counts the most it can under the cap (shown to 6 decimals)
        assertEquals(new BigDecimal(bestSum.numerator()).divide(new BigDecimal(bestSum.denominator()), 6,
            java.math.RoundingMode.HALF_EVEN).stripTrailingZeros(), got.countedCredits().stripTrailingZeros(), msg);
      }
      satisfied += got.satisfied() ? 1 : 0;
    }
    assertTrue(satisfied > 30 && satisfied < 270, "satisfied " + satisfied);
  }
}
