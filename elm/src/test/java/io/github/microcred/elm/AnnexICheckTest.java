package io.github.microcred.elm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.Issue;
import io.github.microcred.core.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Elm#check}: each mandatory Annex I element removed from a complete document is reported at its path. */
class AnnexICheckTest {
  private static ObjectNode complete() throws ElmException {
    return Elm.export(Fixtures.microCredential(), Fixtures.award()).toJson();
  }

  private static ObjectNode spec(ObjectNode d) {
    return (ObjectNode) d.get("credentialSubject").get("hasClaim").get(0).get("specifiedBy");
  }

  @Test
  void aCompleteExportHasEveryElement() throws ElmException {
    ElmReport r = Elm.check(complete());
    assertTrue(r.valid(), r.toString());
    assertTrue(r.problems(ElmProblemCode.MISSING_OPTIONAL).isEmpty(), r.toString());
    assertFalse(r.problems(ElmProblemCode.NOT_IN_VOCABULARY).isEmpty(), "microcred concepts are reported");
    assertTrue(r.problems(ElmProblemCode.NOT_IN_VOCABULARY).stream()
        .allMatch(p -> p.severity() == Severity.WARNING && p.message().contains("urn:microcred:elm:")), r.toString());
  }

  @Test
  void eachMissingMandatoryElementIsNamedAtItsPath() throws ElmException {
    for (String key : List.of("learningOutcome", "creditPoint", "eqfLevel", "provenBy", "mode", "additionalNote")) {
      ObjectNode d = complete();
      ObjectNode s = spec(d);
      s.remove(key);
      if (key.equals("creditPoint")) {
        s.remove("volumeOfLearning");
      }
      if (key.equals("eqfLevel")) {
        s.remove("nqfLevel");
      }
      if (key.equals("provenBy")) {
        ((ObjectNode) d.get("credentialSubject").get("hasClaim").get(0)).remove("provenBy");
      }
      if (key.equals("additionalNote")) {
        s.remove("accreditation");
      }
      ElmReport r = Elm.check(d);
      assertFalse(r.valid(), key);
      List<Issue> missing = r.problems(ElmProblemCode.MISSING_MANDATORY);
      assertEquals(1, missing.size(), key + ": " + r);
      assertEquals(Severity.ERROR, missing.get(0).severity());
      assertTrue(missing.get(0).path().startsWith("$.credentialSubject.hasClaim[0]"), missing.get(0).toString());
    }
  }

  @Test
  void theIssueDateAndLearnerAreMandatoryToo() throws ElmException {
    ObjectNode d = complete();
    d.remove("issued");
    d.remove("validFrom");
    d.remove("issuanceDate");
    ((ObjectNode) d.get("credentialSubject")).put("id", "urn:epass:person:1");
    ElmReport r = Elm.check(d);
    assertEquals(List.of("$.credentialSubject", "$.issued"), r.problems(ElmProblemCode.MISSING_MANDATORY).stream()
        .map(Issue::path).toList(), r.toString());
    Issue first = r.problems(ElmProblemCode.MISSING_MANDATORY).get(0);
    assertEquals("elm", first.code().module());
    assertTrue(first.toString().startsWith("ERROR MISSING_MANDATORY at $.credentialSubject: Annex I element '"),
        first.toString());
    assertTrue(r.problems(ElmProblemCode.MISSING_OPTIONAL).stream().allMatch(p -> p.severity() == Severity.INFO),
        r.toString());
  }
}
