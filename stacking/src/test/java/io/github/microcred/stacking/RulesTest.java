package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RulesTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

  static String err(String json) {
    StackingException e = assertThrows(StackingException.class, () -> Rules.fromJson(json));
    assertEquals(StackingErrorCode.RULES_INVALID, e.code());
    return e.getMessage();
  }

  @Test
  void badRulesAreRejectedWithThePathToTheFault() {
    String unknownRef = err("{\"id\":\"q\",\"unit\":\"ECTS\",\"requirement\":{\"allOf\":[{\"id\":\"a\",\"ref\":\"core\"}]}}");
    assertTrue(unknownRef.contains("$/a: unknown requirement reference 'core'"), unknownRef);
    String nOf = err("{\"id\":\"q\",\"unit\":\"ECTS\",\"requirement\":{\"id\":\"r\",\"allOf\":[{\"id\":\"pick\",\"nOf\":3,"
        + "\"of\":[{\"credential\":\"A\"},{\"credential\":\"B\"}]}]}}");
    assertTrue(nOf.contains("$/pick: nOf needs 3 but has only 2 children"), nOf);
    String neg = err("{\"id\":\"q\",\"unit\":\"ECTS\",\"requirement\":{\"allOf\":[{\"credential\":\"A\"},"
        + "{\"id\":\"el\",\"credits\":-5}]}}");
    assertTrue(neg.contains("$/el: negative credits -5"), neg);
    String cyc = err("{\"id\":\"q\",\"unit\":\"ECTS\",\"requirement\":{\"ref\":\"a\"},\"definitions\":{"
        + "\"a\":{\"allOf\":[{\"ref\":\"b\"}]},\"b\":{\"anyOf\":[{\"ref\":\"a\"},{\"credential\":\"X\"}]}}}");
    assertTrue(cyc.contains("cyclic requirement reference a -> b -> a"), cyc);
    String wl = err("{\"id\":\"q\",\"unit\":\"ECTS\",\"requirement\":{\"allOf\":[{\"id\":\"a\",\"credits\":5}]},"
        + "\"doubleCounting\":[{\"requirements\":[\"a\",\"nope\"]}]}");
    assertTrue(wl.contains("$.doubleCounting[0].requirements: unknown requirement reference 'nope'"), wl);
    String syntax = err("{\"id\":\"q\",\"unit\":\"ECTS\",\"requirement\":{\"allOf\":[{\"credits\":\"x\"},{\"bogus\":1}]}}");
    assertTrue(syntax.contains("$.requirement.allOf[0].credits: expected a number"), syntax);
    assertTrue(syntax.contains("$.requirement.allOf[1].bogus: unknown field"), syntax);
  }

  @Test
  void builderAndJsonRoundTrip() throws Exception {
    Rules r = Rules.builder("msc").title("MSc").unit("ECTS")
        .requirement(Requirement.allOf("root",
            Requirement.credential("intro", "MC-101"),
            Requirement.equivalent("stats", "A:STAT1", "B:STAT-X"),
            Requirement.nOf("electives", 2,
                Requirement.credits("ml", 5, Filter.builder().subjects("ml").minLevel(6).build()),
                Requirement.count("data", 1, Filter.builder().tags("data").withinYears(5).build()),
                Requirement.ref("ethics"))))
        .define("ethics", Requirement.credits("eth", 2, Filter.builder().competencies("ethics").assessedOnly()
            .creditBearingOnly().issuers("U1", "U2").build()))
        .totalCredits(30).minResidence(10).validityYears(7)
        .cap(Cap.maxShare("rpl", Filter.builder().origins(Origin.RPL, Origin.EXTERNAL).build(), new BigDecimal("0.33")))
        .cap(Cap.maxPerProvider("provider", BigDecimal.TEN))
        .cap(Cap.maxCount("badges", Filter.builder().kinds("badge").build(), 2))
        .allowDoubleCounting("ml", "data")
        .build();
    Rules back = Rules.fromJson(r.toJson().toPrettyString());
    assertEquals(r, back);
    assertEquals(r.toJson().toPrettyString(), back.toJson().toPrettyString());
  }

  @Test
  void randomRulesRoundTripThroughJson() throws Exception {
    SplittableRandom m = new SplittableRandom(99);
    for (int i = 0; i < 300; i++) {
      long seed = m.nextLong();
      Rules r = RandomInstances.generate(new SplittableRandom(seed), 5, 6).rules();
      assertEquals(r, Rules.fromJson(r.toJson().toPrettyString()), "seed " + seed);
    }
  }

  @Test
  void schemaIsShipped() throws Exception {
    try (InputStream in = Rules.class.getResourceAsStream(Rules.SCHEMA_RESOURCE)) {
      assertNotNull(in);
      String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(s.contains("\"doubleCounting\""));
    }
  }

  @Test
  void auditExplainsExclusionsAndMissing() throws Exception {
    Rules r = Rules.builder("cert").unit("ECTS")
        .requirement(Requirement.allOf("root",
            Requirement.credits("adv", 10, Filter.builder().minLevel(6).build()),
            Requirement.credential("cap", "CAPSTONE")))
        .validityYears(5)
        .cap(Cap.maxPerProvider("perProvider", BigDecimal.valueOf(5)))
        .build();
    Transcript t = Transcript.of(
        Credential.builder("A").credits(5, "ECTS").level(6).issuer("X").issued(LocalDate.of(2025, 1, 1)).build(),
        Credential.builder("B").credits(5, "ECTS").level(6).issuer("X").issued(LocalDate.of(2025, 2, 1)).build(),
        Credential.builder("C").credits(5, "ECTS").level(4).issuer("Y").issued(LocalDate.of(2025, 2, 1)).build(),
        Credential.builder("D").credits(5, "ECTS").level(7).issuer("Z").issued(LocalDate.of(2015, 2, 1)).build(),
        Credential.builder("E").credits(5, "ECTS").level(7).issuer("W").issued(LocalDate.of(2025, 2, 1))
            .expires(LocalDate.of(2026, 1, 1)).build());
    AuditResult a = Stacking.audit(r, t, AS_OF);
    assertFalse(a.satisfied());
    assertTrue(a.provedOptimal());
    String s = a.summary();
    assertTrue(a.exclusions().contains(new Exclusion("E", Exclusion.Reason.EXPIRED, "expired on 2026-01-01")), s);
    assertTrue(a.exclusions().stream().anyMatch(x -> x.credentialId().equals("D")
        && x.reason() == Exclusion.Reason.OUTSIDE_VALIDITY_WINDOW), s);
    assertTrue(a.exclusions().stream().anyMatch(x -> x.credentialId().equals("C")
        && x.reason() == Exclusion.Reason.NOT_ELIGIBLE && x.detail().contains("level too low (4 < 6)")), s);
    assertTrue(a.exclusions().stream().anyMatch(x -> x.reason() == Exclusion.Reason.OVER_CAP
        && x.detail().contains("perProvider (X)")), s);
    RequirementStatus adv = a.requirement("$/adv").orElseThrow();
    assertEquals(0, adv.missing().compareTo(BigDecimal.valueOf(5)), s);
    assertTrue(adv.toClose().get(0).startsWith("5 more ECTS"), s);
    RequirementStatus cap = a.requirement("$/cap").orElseThrow();
    assertFalse(cap.satisfied());
    assertEquals(java.util.List.of("$/adv", "$/cap"), a.requirement("$").orElseThrow().toClose());
    assertTrue(a.toJson().toPrettyString().contains("\"mode\" : \"EXACT\""));
  }

  @Test
  void missingConversionIsAnError() throws Exception {
    Rules r = Rules.builder("q").unit("ECTS").requirement(Requirement.credits("c", 5, Filter.ANY)).build();
    Transcript ok = Transcript.of(Credential.builder("A").credits(3, "SCH").build());
    AuditResult converted = Stacking.audit(r, ok, AS_OF);
    assertTrue(converted.satisfied(), converted.summary());
    assertEquals(0, converted.countedCredits().compareTo(BigDecimal.valueOf(6)), converted.summary());
    Transcript t = Transcript.of(Credential.builder("A").credits(3, "CEU").build());
    StackingException e = assertThrows(StackingException.class, () -> Stacking.audit(r, t, AS_OF));
    assertEquals(StackingErrorCode.CONVERSION_UNDEFINED, e.code());
    assertTrue(e.getMessage().contains("credentials[0] (A).credits"), e.getMessage());
  }

  @Test
  void doubleCountingOnlyWhenWhitelisted() throws Exception {
    Requirement tree = Requirement.allOf("root", Requirement.credits("x", 5, Filter.ANY),
        Requirement.credits("y", 5, Filter.ANY));
    Transcript t = Transcript.of(Credential.builder("A").credits(5, "ECTS").build());
    assertFalse(Stacking.audit(Rules.builder("q").requirement(tree).build(), t, AS_OF).satisfied());
    AuditResult ok = Stacking.audit(Rules.builder("q").requirement(tree).allowDoubleCounting("x", "y").build(), t,
        AS_OF);
    assertTrue(ok.satisfied());
    assertEquals(2, ok.assignments().size());
  }
}
