package io.github.microcred.elm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.core.AssessmentType;
import io.github.microcred.core.Award;
import io.github.microcred.core.LearnerIdentity;
import io.github.microcred.core.Level;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.QualityAssurance;
import io.github.microcred.core.QualityAssuranceType;
import io.github.microcred.elm.internal.ElmWriter;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The EDC document an award exports to: every Annex I element at the place the EC sample puts it. */
class ExportTest {
  private static final String EU = "http://data.europa.eu/snb/";

  private static JsonNode doc() throws ElmException {
    return Elm.export(Fixtures.microCredential(), Fixtures.award()).toJson();
  }

  private static JsonNode claim(JsonNode d) {
    return d.get("credentialSubject").get("hasClaim").get(0);
  }

  private static JsonNode spec(JsonNode d) {
    return claim(d).get("specifiedBy");
  }

  @Test
  void envelopeIsAVc11EuropeanDigitalCredential() throws ElmException {
    JsonNode d = doc();
    assertEquals("[\"https://www.w3.org/2018/credentials/v1\",\"http://data.europa.eu/snb/model/context/edc-ap\"]",
        d.get("@context").toString());
    assertEquals("[\"VerifiableCredential\",\"EuropeanDigitalCredential\"]", d.get("type").toString());
    assertEquals("urn:uuid:7d0f4a3c-1b2e-4c5d-9e8f-0a1b2c3d4e5f", d.get("id").asText());
    assertEquals(EU + "credential/e34929035b", d.get("credentialProfiles").get("id").asText());
    assertEquals("ShaclValidator2017", d.get("credentialSchema").get("type").asText());
    byte[] png = Base64.getDecoder().decode(d.at("/displayParameter/individualDisplay/0/displayDetail/0/image/content")
        .asText());
    assertEquals((byte) 0x89, png[0], "a PNG display image");
  }

  @Test
  void learnerTitleCountryAwardingBodyAndIssueDate() throws ElmException {
    JsonNode d = doc();
    assertEquals("did:example:learner42", d.get("credentialSubject").get("id").asText());
    assertEquals("Aoife Murphy", d.get("credentialSubject").get("fullName").get("en").asText());
    assertEquals("Data Analytics for Nurses", spec(d).get("title").get("en").asText());
    assertEquals("Data Analytics for Nurses", claim(d).get("title").get("en").asText());
    assertEquals("http://publications.europa.eu/resource/authority/country/IRL",
        d.at("/issuer/location/0/address/countryCode/id").asText());
    assertEquals("University of Galway", claim(d).at("/awardedBy/awardingBody/0/legalName/en").asText());
    assertEquals("2026-06-30T12:00:00Z", d.get("issued").asText());
    assertEquals("2026-06-30T12:00:00Z", d.get("validFrom").asText());
    assertEquals("2026-06-30T12:00:00Z", d.get("issuanceDate").asText());
  }

  @Test
  void learningOutcomesWithEscoSkillsWorkloadAndLevels() throws ElmException {
    JsonNode s = spec(doc());
    assertEquals("Clean a clinical data set", s.at("/learningOutcome/0/title/en").asText());
    assertEquals("Summarise data with descriptive statistics", s.at("/learningOutcome/1/title/en").asText());
    assertEquals("http://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be",
        s.at("/learningOutcome/0/relatedESCOSkill/0/id").asText());
    assertEquals("https://www.onetonline.org/find/descriptor/result/2.A.2.a",
        s.at("/learningOutcome/0/relatedSkill/0/id").asText());
    assertEquals("PT125H", s.get("volumeOfLearning").asText());
    assertEquals(EU + "education-credit/6fcec5c5af", s.at("/creditPoint/0/framework/id").asText());
    assertEquals("5", s.at("/creditPoint/0/point").asText());
    assertEquals(EU + "eqf/6", s.at("/eqfLevel/id").asText());
    assertEquals("NFQ-IE Level 7", s.at("/nqfLevel/0/prefLabel/en").asText());
  }

  @Test
  void assessmentParticipationAndQualityAssurance() throws ElmException {
    JsonNode d = doc();
    JsonNode s = spec(d);
    assertEquals(2, s.get("provenBy").size(), "one assessment specification per type");
    assertEquals(EU + "assessment/795dac4096", s.at("/provenBy/0/dcType/id").asText(), "EU 'project work'");
    assertEquals(EU + "assessment/25831c2", s.at("/provenBy/0/dcType/inScheme/id").asText());
    assertEquals("urn:microcred:elm:assessment:EXAMINATION", s.at("/provenBy/1/dcType/id").asText(),
        "the EU list has written and oral examinations, not the core's either-or");
    assertEquals("A data project and a one-hour examination.", s.at("/provenBy/0/description/en").asText());
    assertEquals(EU + "learning-assessment/e92d221e4d", s.at("/mode/0/id").asText(), "blended");
    assertEquals("Quality and Qualifications Ireland", s.at("/accreditation/0/accreditingAgent/legalName/en").asText());
    assertEquals(EU + "accreditation/820101cba6", s.at("/accreditation/0/dcType/id").asText(),
        "EXTERNAL: the EU 'programme quality assurance' accreditation type");
    assertEquals(EU + "accreditation/25831c2", s.at("/accreditation/0/dcType/inScheme/id").asText());
  }

  /**
   * QA types and national levels: the EU concept where one exists (external QA, accreditation; the sample's RQF Level
   * 6), microcred's concept, warned about, where none does (internal and no QA, other national levels).
   */
  @Test
  void qualityAssuranceTypesAndNationalLevelsAsEuConceptsWhereTheyExist() throws ElmException {
    String[][] qa = {{"EXTERNAL", EU + "accreditation/820101cba6"}, {"ACCREDITED", EU + "accreditation/e57dddfcf3"},
        {"INTERNAL", "urn:microcred:elm:quality-assurance:INTERNAL"}, {"NONE", "urn:microcred:elm:quality-assurance:NONE"}};
    for (String[] c : qa) {
      QualityAssuranceType t = QualityAssuranceType.valueOf(c[0]);
      MicroCredential m = Fixtures.microCredential().toBuilder()
          .qualityAssurance(new QualityAssurance(t, "", Fixtures.microCredential().qualityAssurance().get().bodies()))
          .levels(List.of(Level.eqf(6), Level.national("RQF", "6"))).build();
      ElmCredential e = Elm.export(m, Award.builder(m, LearnerIdentity.did("did:example:learner42"),
          Instant.parse("2026-06-30T12:00:00Z")).grade("Merit").build());
      JsonNode s = spec(e.toJson());
      assertEquals(c[1], s.at("/additionalNote/0/subject/id").asText(), c[0]);
      assertEquals(c[1], s.at("/accreditation/0/dcType/id").asText(), c[0]);
      assertEquals(c[1].startsWith("urn:"), e.warnings().stream().anyMatch(w -> w.path().endsWith(
          "additionalNote[0].subject") && w.message().contains(c[1])), c[0] + ": " + e.warnings());
      assertEquals(EU + "qdr/c_c392e7a2", s.at("/nqfLevel/0/id").asText(), "the EC sample's RQF Level 6");
      assertEquals(EU + "qdr/25831c2", s.at("/nqfLevel/0/inScheme/id").asText());
      assertTrue(e.warnings().stream().noneMatch(w -> w.path().contains("nqfLevel")), e.warnings().toString());
      assertEquals(c[1].startsWith("urn:") ? ElmWriter.SCHEMA_NO_CV : ElmWriter.SCHEMA_FULL,
          e.toJson().at("/credentialSchema/id").asText(), c[0] + ": the full shapes only without microcred concepts");
      MicroCredential back = Elm.importCredential(e.toJson().toString()).microCredential();
      assertEquals(t, back.qualityAssurance().orElseThrow().type(), c[0]);
      assertEquals("", back.qualityAssurance().orElseThrow().description(), c[0] + ": the label is not a description");
      assertEquals(m.levels(), back.levels());
    }
    // an accreditation without a QA note: its EU type says which, the institution-level ones included
    for (String[] c : new String[][] {{"820101cba6", "EXTERNAL"}, {"bb4618238e", "EXTERNAL"}, {"e57dddfcf3", "ACCREDITED"},
        {"003293d2ce", "ACCREDITED"}}) {
      com.fasterxml.jackson.databind.node.ObjectNode d = Elm.export(Fixtures.microCredential(), Fixtures.award())
          .toJson();
      com.fasterxml.jackson.databind.node.ObjectNode q = (com.fasterxml.jackson.databind.node.ObjectNode) spec(d);
      com.fasterxml.jackson.databind.node.ArrayNode notes = (com.fasterxml.jackson.databind.node.ArrayNode)
          q.get("additionalNote");
      for (int i = notes.size() - 1; i >= 0; i--) {
        if (notes.get(i).at("/subject/id").asText().contains("accreditation/")) {
          notes.remove(i);
        }
      }
      ((com.fasterxml.jackson.databind.node.ObjectNode) q.at("/accreditation/0/dcType")).put("id", EU + "accreditation/"
          + c[0]);
      assertEquals(QualityAssuranceType.valueOf(c[1]), Elm.importCredential(d).microCredential().qualityAssurance()
          .orElseThrow().type(), c[0]);
    }
  }

  /** ELM's learning setting and ISCED-F thematic areas: EU concepts in their schemes, read back into the core. */
  @Test
  void learningSettingAndFieldsOfEducation() throws ElmException {
    ElmCredential c = Elm.export(Fixtures.microCredential(), Fixtures.award());
    JsonNode s = spec(c.toJson());
    assertEquals(EU + "learning-setting/6fd4685715", s.at("/learningSetting/id").asText(), "formal learning");
    assertEquals(EU + "learning-setting/25831c2", s.at("/learningSetting/inScheme/id").asText());
    assertEquals(EU + "isced-f/0913", s.at("/thematicArea/0/id").asText(), "nursing and midwifery");
    assertEquals(EU + "isced-f/0688", s.at("/thematicArea/1/id").asText());
    assertEquals(EU + "isced-f/25831c2", s.at("/thematicArea/1/inScheme/id").asText());
    assertEquals("0688", s.at("/thematicArea/1/notation").asText());
    assertTrue(c.warnings().stream().noneMatch(w -> w.path().contains("learningSetting")
        || w.path().contains("thematicArea")), c.warnings().toString());
    MicroCredential back = Elm.importCredential(c.toJson().toString()).microCredential();
    assertEquals(Fixtures.microCredential().learningSetting(), back.learningSetting());
    assertEquals(Fixtures.microCredential().fieldsOfEducation(), back.fieldsOfEducation());
    // what the core cannot hold is warned about at its path, not carried
    com.fasterxml.jackson.databind.node.ObjectNode d = c.toJson().deepCopy();
    com.fasterxml.jackson.databind.node.ObjectNode q = (com.fasterxml.jackson.databind.node.ObjectNode) spec(d);
    ((com.fasterxml.jackson.databind.node.ObjectNode) q.at("/thematicArea/0")).put("id", EU + "isced-f/0618");
    ((com.fasterxml.jackson.databind.node.ObjectNode) q.at("/thematicArea/1")).put("id", EU + "eqf/6");
    ((com.fasterxml.jackson.databind.node.ObjectNode) q.get("learningSetting")).put("id", EU + "learning-setting/x");
    ElmImport i = Elm.importCredential(d);
    assertEquals(List.of(), i.microCredential().fieldsOfEducation());
    assertTrue(i.microCredential().learningSetting().isEmpty());
    String sp = "$.credentialSubject.hasClaim[0].specifiedBy";
    for (String path : List.of(sp + ".thematicArea[0]", sp + ".thematicArea[1]", sp + ".learningSetting")) {
      assertTrue(i.warnings().stream().anyMatch(w -> w.path().equals(path)), path + " in " + i.warnings());
    }
  }

  @Test
  void optionalElements() throws ElmException {
    JsonNode d = doc();
    JsonNode s = spec(d);
    assertEquals("A nursing qualification\nBasic spreadsheet skills", s.at("/entryRequirement/noteLiteral/en").asText());
    assertEquals("urn:microcred:elm:supervision-verification:ONSITE_ONE_FACTOR",
        claim(d).at("/provenBy/0/idVerification/id").asText());
    assertEquals("Merit", claim(d).at("/provenBy/0/grade/noteLiteral/en").asText());
    assertTrue(s.get("isPartialQualification").asBoolean());
    assertEquals("Certificate in Health Informatics", s.at("/isPartOf/0/title/en").asText());
    assertEquals("https://www.universityofgalway.ie/data-analytics-nurses", s.at("/homepage/0/contentURL").asText());
    assertEquals("Pass / Merit / Distinction", s.at("/provenBy/0/gradingScheme/description/en").asText());
  }

  @Test
  void exportIsDeterministicAndWarnsAboutMicrocredConcepts() throws ElmException {
    ElmCredential a = Elm.export(Fixtures.microCredential(), Fixtures.award());
    ElmCredential b = Elm.export(Fixtures.microCredential(), Fixtures.award());
    assertEquals(a.toJson(), b.toJson());
    assertTrue(a.warnings().stream().anyMatch(w -> w.path().endsWith(".provenBy[1].dcType")
        && w.message().contains("urn:microcred:elm:assessment:EXAMINATION")), a.warnings().toString());
    assertTrue(a.warnings().stream().noneMatch(w -> w.path().endsWith(".provenBy[0].dcType")), "PROJECT is an EU concept");
    assertEquals("http://data.europa.eu/snb/model/ap/edc-generic-no-cv",
        a.toJson().get("credentialSchema").get("id").asText(),
        "a microcred national level and QA type where the full shapes require EU ones: the no-cv shapes are named");
  }

  /** EU assessment concepts import as the core type they mean; the written and oral examinations as EXAMINATION. */
  @Test
  void euAssessmentConceptsImportAsTheirCoreTypes() throws ElmException {
    assertTrue(Elm.check(Elm.export(Fixtures.microCredential(), Fixtures.award()).toJson())
        .problems(ElmProblemCode.NOT_IN_VOCABULARY).stream()
        .anyMatch(p -> p.path().endsWith("specifiedBy.provenBy[1].dcType")),
        "the microcred EXAMINATION concept is reported at its provenBy path");
    for (String[] c : new String[][] {{"b1b68f6735", "AUTOMATED_TEST"}, {"2939dae15f", "ASSIGNMENT"},
        {"795dac4096", "PROJECT"}, {"4f03b91c0e", "PORTFOLIO"}, {"6a4db9f11d", "PRACTICAL_DEMONSTRATION"},
        {"c_04b30a72", "PRESENTATION"}, {"19a2e5e671", "PEER_ASSESSMENT"}, {"6e6cb2cc78", "EXAMINATION"},
        {"d30284d7df", "EXAMINATION"}}) {
      com.fasterxml.jackson.databind.node.ObjectNode d = Elm.export(Fixtures.microCredential(), Fixtures.award())
          .toJson();
      com.fasterxml.jackson.databind.node.ObjectNode t = (com.fasterxml.jackson.databind.node.ObjectNode) spec(d)
          .at("/provenBy/1/dcType");
      t.put("id", EU + "assessment/" + c[0]);
      ElmImport i = Elm.importCredential(d);
      assertEquals(java.util.stream.Stream.of(AssessmentType.PROJECT, AssessmentType.valueOf(c[1])).distinct().toList(),
          i.microCredential().assessment().types(), c[0] + " (a type given twice is one type)");
      assertTrue(Elm.check(d).problems(ElmProblemCode.NOT_IN_VOCABULARY).stream()
          .noneMatch(p -> p.path().endsWith("specifiedBy.provenBy[1].dcType")), c[0] + " is an EU concept");
    }
  }

  /** A core type listed twice is one specification; two specifications of one core type are one type, warned. */
  @Test
  void eachAssessmentTypeOnceEitherWay() throws ElmException {
    MicroCredential m = Fixtures.microCredential().toBuilder().assessment(Fixtures.microCredential().assessment()
        .withTypes(List.of(AssessmentType.PROJECT, AssessmentType.EXAMINATION, AssessmentType.PROJECT))).build();
    ElmCredential e = Elm.export(m, Award.builder(m, LearnerIdentity.did("did:example:learner42"),
        Instant.parse("2026-06-30T12:00:00Z")).build());
    assertEquals(2, spec(e.toJson()).get("provenBy").size(), spec(e.toJson()).get("provenBy").toString());
    assertTrue(e.warnings().stream().anyMatch(w -> w.path().endsWith("specifiedBy.provenBy")
        && w.message().contains("more than once")), e.warnings().toString());
    assertEquals(List.of(AssessmentType.PROJECT, AssessmentType.EXAMINATION),
        Elm.importCredential(e.toJson().toString()).microCredential().assessment().types());
    // an EU written and an oral examination are both EXAMINATION: read once, the second warned about at its path
    com.fasterxml.jackson.databind.node.ObjectNode d = Elm.export(Fixtures.microCredential(), Fixtures.award())
        .toJson();
    ((com.fasterxml.jackson.databind.node.ObjectNode) spec(d).at("/provenBy/0/dcType")).put("id",
        EU + "assessment/6e6cb2cc78");
    ((com.fasterxml.jackson.databind.node.ObjectNode) spec(d).at("/provenBy/1/dcType")).put("id",
        EU + "assessment/d30284d7df");
    ElmImport i = Elm.importCredential(d);
    assertEquals(List.of(AssessmentType.EXAMINATION), i.microCredential().assessment().types());
    assertTrue(i.warnings().stream().anyMatch(w -> w.path().equals(
        "$.credentialSubject.hasClaim[0].specifiedBy.provenBy[1].dcType") && w.message().contains("d30284d7df")
        && w.message().contains("once")), i.warnings().toString());
    ElmCredential again = Elm.export(i.microCredential(), i.award().orElseThrow());
    ElmImport j = Elm.importCredential(again.toJson().toString());
    assertEquals(again.toJson(), Elm.export(j.microCredential(), j.award().orElseThrow()).toJson(),
        "stable after one import");
  }

  @Test
  void withoutAGradeSupervisionStaysOnTheAssessmentSpecification() throws ElmException {
    Award ungraded = Fixtures.award().toBuilder().grade(null).build();
    JsonNode d = Elm.export(ungraded.microCredential(), ungraded).toJson();
    assertFalse(claim(d).has("provenBy"), "no LearningAssessment without a grade (EDC requires one)");
    assertEquals("urn:microcred:elm:supervision-verification:ONSITE_ONE_FACTOR",
        spec(d).at("/provenBy/0/additionalNote/0/subject/id").asText());
  }

  @Test
  void refusesWhatEdcCannotExpress() {
    MicroCredential noBody = MicroCredential.builder("Orphan").build();
    Award a = Award.builder(noBody, LearnerIdentity.did("did:example:x"), Instant.parse("2026-01-01T00:00:00Z"))
        .build();
    ElmException e = assertThrows(ElmException.class, () -> Elm.export(noBody, a));
    assertEquals(ElmErrorCode.UNSUPPORTED, e.code());
    assertTrue(e.getMessage().contains("awarding"), e.getMessage());
    ElmException other = assertThrows(ElmException.class, () -> Elm.export(noBody, Fixtures.award()));
    assertEquals(ElmErrorCode.INVALID_ARGUMENT, other.code());
    ElmException lang = assertThrows(ElmException.class, () -> Elm.exporter().withLanguage("not a tag"));
    assertEquals(ElmErrorCode.INVALID_ARGUMENT, lang.code());
    ElmException img = assertThrows(ElmException.class, () -> Elm.exporter().withDisplayImage(new byte[] {1, 2, 3}));
    assertEquals(ElmErrorCode.INVALID_ARGUMENT, img.code());
  }

  @Test
  void anOrganisationWithoutCountryTakesTheIssuerCountryWithAWarningOrIsRefused() throws ElmException {
    io.github.microcred.core.Organization noCountry = io.github.microcred.core.Organization.builder("Skills Hub").build();
    MicroCredential mc = Fixtures.microCredential().toBuilder().awardingBodies(java.util.List.of(noCountry)).build();
    Award a = Award.builder(mc, LearnerIdentity.did("did:example:x"), Instant.parse("2026-01-01T00:00:00Z")).build();
    ElmCredential c = Elm.export(mc, a);
    assertEquals("http://publications.europa.eu/resource/authority/country/IRL",
        c.toJson().at("/issuer/location/0/address/countryCode/id").asText());
    assertTrue(c.warnings().stream().anyMatch(w -> w.message().contains("Skills Hub")), c.warnings().toString());
    MicroCredential nowhere = mc.toBuilder().issuerCountry(null).build();
    Award b = Award.builder(nowhere, LearnerIdentity.did("did:example:x"), Instant.parse("2026-01-01T00:00:00Z"))
        .build();
    ElmException e = assertThrows(ElmException.class, () -> Elm.export(nowhere, b));
    assertTrue(e.getMessage().contains("countryCode"), e.getMessage());
  }
}
