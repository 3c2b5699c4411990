package io.github.microcred.elm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.Issue;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Imported EU concepts are checked against their published schemes: a concept of a scheme whose whole term list is
 * pinned (EQF, ISCED-F, learning setting, accreditation and assessment types, modes, credit systems, supervision, qdr)
 * must be one of its terms, and every EU concept's
 * {@code inScheme} must be the scheme its IRI names; anything else is a warning at the concept's path.
 */
class EuSchemesTest {
  private static final String EU = "http://data.europa.eu/snb/";
  private static final String SPEC = "$.credentialSubject.hasClaim[0].specifiedBy";

  private static boolean schemeWarning(Issue w) {
    return w.message().contains("pinned term list") || w.message().contains("names the scheme");
  }

  private static ObjectNode export() throws ElmException {
    return Elm.export(Fixtures.microCredential(), Fixtures.award()).toJson();
  }

  private static ObjectNode at(ObjectNode d, String pointer) {
    return (ObjectNode) d.at("/credentialSubject/hasClaim/0/specifiedBy" + pointer);
  }

  private static List<Issue> at(ElmImport i, String path) {
    return i.warnings().stream().filter(w -> w.path().equals(path)).toList();
  }

  @Test
  void theOfficialSampleAndOurExportsHoldOnlyTermsOfTheirSchemes() throws ElmException {
    for (String sample : List.of("Sample-MC-Annex1-unsigned.jsonld", "Sample-MC-Annex1-signed.jsonld")) {
      ElmImport i = Elm.importCredential(Fixtures.resource(sample));
      assertEquals(List.of(), i.warnings().stream().filter(EuSchemesTest::schemeWarning).toList(), sample);
    }
    ElmImport i = Elm.importCredential(export());
    assertEquals(List.of(), i.warnings().stream().filter(EuSchemesTest::schemeWarning).toList());
  }

  @Test
  void aConceptOutsideItsPinnedSchemeIsWarnedAboutAtItsPath() throws ElmException {
    ObjectNode d = export();
    at(d, "/accreditation/0/dcType").put("id", EU + "accreditation/0123456789");
    ElmImport i = Elm.importCredential(d);
    List<Issue> w = at(i, SPEC + ".accreditation[0].dcType");
    assertEquals(1, w.size(), i.warnings().toString());
    assertTrue(w.get(0).message().contains("accreditation/0123456789")
        && w.get(0).message().contains("EU accreditation scheme"), w.toString());
    assertEquals(ElmProblemCode.NOT_IN_VOCABULARY, w.get(0).code());
    assertEquals(io.github.microcred.core.Severity.WARNING, w.get(0).severity());

    // the reader's own warning for a term it cannot carry is the only one at that path
    d = export();
    at(d, "/eqfLevel").put("id", EU + "eqf/9");
    at(d, "/thematicArea/0").put("id", EU + "isced-f/0618");
    at(d, "/learningSetting").put("id", EU + "learning-setting/informal");
    i = Elm.importCredential(d);
    for (String path : List.of(SPEC + ".eqfLevel", SPEC + ".thematicArea[0]", SPEC + ".learningSetting")) {
      assertEquals(1, at(i, path).size(), path + ": " + i.warnings());
    }

    // the assessment scheme is pinned too now (ControlledVocabulariesTest): an unknown code is one warning at its path
    d = export();
    at(d, "/provenBy/0/dcType").put("id", EU + "assessment/0123456789");
    i = Elm.importCredential(d);
    w = at(i, SPEC + ".provenBy[0].dcType");
    assertEquals(1, w.size(), i.warnings().toString());
    assertEquals(ElmProblemCode.NOT_IN_VOCABULARY, w.get(0).code());
    assertTrue(w.get(0).message().contains("not a term of the EU assessment scheme"), w.toString());

    // a scheme whose terms are not pinned (credential profiles) is not checked term by term
    d = export();
    JsonNode profile = d.get("credentialProfiles");
    (profile.isArray() ? (ObjectNode) profile.get(0) : (ObjectNode) profile).put("id", EU + "credential/0123456789");
    i = Elm.importCredential(d);
    assertEquals(List.of(), i.warnings().stream().filter(x -> x.code() == ElmProblemCode.NOT_IN_VOCABULARY).toList());
  }

  @Test
  void aConceptNamingAnotherSchemeIsWarnedAboutAtItsInScheme() throws ElmException {
    ObjectNode d = export();
    ((ObjectNode) at(d, "/eqfLevel").get("inScheme")).put("id", EU + "isced-f/25831c2");
    ((ObjectNode) at(d, "/mode/0").get("inScheme")).put("id", EU + "learning-setting/25831c2");
    ((ObjectNode) d.at("/issuer/location/0/address/countryCode/inScheme")).put("id",
        "http://publications.europa.eu/resource/authority/language");
    ElmImport i = Elm.importCredential(d);
    for (String[] c : new String[][] {{SPEC + ".eqfLevel.inScheme", "eqf/25831c2"},
        {SPEC + ".mode[0].inScheme", "learning-assessment/25831c2"},
        {"$.issuer.location[0].address.countryCode.inScheme", "authority/country"}}) {
      List<Issue> w = at(i, c[0]);
      assertEquals(1, w.size(), c[0] + ": " + i.warnings());
      assertTrue(w.get(0).message().contains(c[1]), w.toString());
    }
  }
}
