package io.github.microcred.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The main job end to end: every step of {@code mcred demo} runs and reports what it should. */
class DemoTest {
  @Test
  void demoRunsEndToEnd() {
    MainTest.Run r = MainTest.run("demo");
    assertEquals(Main.OK, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("validation: valid"), r.out());
    assertTrue(r.out().contains("== issue and verify"), r.out());
    assertTrue(r.out().contains("tampered achievement name -> NOT VERIFIED"), r.out());
    assertTrue(r.out().contains("verify again:      NOT VERIFIED"), r.out());
  }

  @Test
  void demoEndsByAuditingVerifiedCredentialsAndPlanningTheCheapestCompletion() {
    MainTest.Run r = MainTest.run("demo");
    assertEquals(Main.OK, r.code(), r.out() + r.err());
    String s = r.out().substring(r.out().indexOf("== stacking"));
    // the altered credential does not verify and does not count; the others do
    assertTrue(s.contains("excluded Data Visualisation for Public Services (NOT_VERIFIED): PROOF: "), s);
    assertTrue(s.contains("verified      Statistics for Policy Analysis"), s);
    assertTrue(s.contains("NOT SATISFIED"), s);
    assertTrue(s.contains("verified      Spreadsheet Basics"), s);
    assertTrue(s.contains("excluded https://credentials.example.edu/micro/spreadsheet-basics (NOT_ELIGIBLE): "), s);
    assertTrue(s.contains("$/methods: level too low (4 < 6)"), s);
    assertTrue(s.contains("shortfall: total credits: 5 of 10 ECTS (5 missing)"), s);
    assertTrue(s.contains("cheapest completion: https://credentials.example.edu/micro/survey-methods -> "
        + "https://credentials.example.edu/micro/psa-capstone (cost 650, proven optimal)"), s);
  }
}
