package io.github.microcred.elm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.microcred.core.AssessmentType;
import io.github.microcred.core.Award;
import io.github.microcred.core.Competency;
import io.github.microcred.core.CreditUnit;
import io.github.microcred.core.CreditValue;
import io.github.microcred.core.FieldOfEducation;
import io.github.microcred.core.IdentityVerification;
import io.github.microcred.core.LearnerIdentity;
import io.github.microcred.core.LearningSetting;
import io.github.microcred.core.Level;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.Organization;
import io.github.microcred.core.ParticipationMode;
import io.github.microcred.core.StackabilityOption;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EC's official Annex I micro-credential sample ({@code Sample-MC-Annex1-unsigned.jsonld}) imports with every
 * Annex I element it holds recovered: one test per element. The sample has no quality assurance and no further
 * information (the ELM repository says so too); those tests check that the import and {@link Elm#check} say they are
 * absent rather than inventing them.
 */
class SampleImportTest {
  private static ElmImport imported;
  private static MicroCredential mc;
  private static Award award;

  @BeforeAll
  static void importSample() throws ElmException {
    imported = Elm.importCredential(Fixtures.resource("Sample-MC-Annex1-unsigned.jsonld"));
    mc = imported.microCredential();
    award = imported.award().orElseThrow();
  }

  @Test
  void identificationOfTheLearner() {
    assertEquals(LearnerIdentity.Type.HASHED_EMAIL, award.learner().type());
    assertTrue(award.learner().matchesEmail("ana.andromeda@email.com"), "the learner's e-mail, hashed");
    assertEquals("Ana Andromeda", award.learnerName().orElseThrow());
    assertTrue(imported.warnings().stream().anyMatch(w -> w.path().equals("$.credentialSubject.nationalID")),
        "the national id is reported as not carried");
  }

  /** Import and export warnings are core {@code Issue}s, each with the {@link ElmProblemCode} of what happened. */
  @Test
  void warningsAreCodedCoreIssues() throws ElmException {
    java.util.function.BiFunction<List<io.github.microcred.core.Issue>, String, ElmProblemCode> code = (ws, path) ->
        ws.stream().filter(w -> w.path().equals(path)).map(w -> (ElmProblemCode) w.code()).findFirst().orElseThrow(
            () -> new AssertionError(path + " in " + ws));
    assertEquals(ElmProblemCode.NOT_CARRIED, code.apply(imported.warnings(), "$.credentialSubject.nationalID"));
    assertTrue(imported.warnings().stream().allMatch(w -> !w.isError()), imported.warnings().toString());
    ElmImport sealed = Elm.importCredential(Fixtures.resource("Sample-MC-Annex1-signed.jsonld"));
    assertEquals(ElmProblemCode.SEAL_NOT_CHECKED, code.apply(sealed.warnings(), "$.signatures"));
    ElmCredential e = Elm.export(mc, award);
    assertEquals(ElmProblemCode.EDC_REQUIREMENT_MISSING, code.apply(e.warnings(), "$.issuer.eIDASIdentifier"));
    ElmCredential f = Elm.export(Fixtures.microCredential(), Fixtures.award());
    assertEquals(ElmProblemCode.NOT_IN_VOCABULARY, code.apply(f.warnings(),
        "$.credentialSubject.hasClaim[0].specifiedBy.provenBy[1].dcType"), "the microcred EXAMINATION concept");
  }

  @Test
  void titleOfTheMicroCredential() {
    assertEquals("Digital micro-credential creation", mc.title());
  }

  @Test
  void countryOfTheIssuer() {
    assertEquals("IE", mc.issuerCountry().orElseThrow());
    assertEquals("IE", award.issuer().orElseThrow().country().orElseThrow());
  }

  @Test
  void awardingBody() {
    List<Organization> bodies = mc.awardingBodies();
    assertEquals(1, bodies.size());
    assertEquals("University of Zed", bodies.get(0).name());
    assertEquals("https://uniz.edu", bodies.get(0).url().orElseThrow());
    assertEquals("University of Zed", award.issuer().orElseThrow().name());
  }

  @Test
  void dateOfIssuing() {
    assertEquals(Instant.parse("2022-12-31T23:00:00Z"), award.issuedOn());
  }

  @Test
  void learningOutcomesWithTheirEscoSkills() {
    assertEquals(List.of("Communication, collaboration and creativity", "Developing digital content"),
        mc.learningOutcomes());
    assertTrue(mc.competencies().contains(Competency.of("stimulate creativity in the team",
        "http://data.europa.eu/esco/skill/ccdf3597-5c80-410f-896d-e1bdfa223de9")), mc.competencies().toString());
    assertTrue(mc.competencies().contains(Competency.of("Developing digital content",
        "http://data.europa.eu/snb/dcf/u69o196gu6")), "DigComp skills too");
    assertEquals(6, mc.competencies().size(), "4 ESCO skills and 2 DigComp skills");
    assertTrue(imported.warnings().stream().anyMatch(w -> w.message().contains("[es]")),
        "the Spanish title is reported as not carried");
  }

  @Test
  void notionalWorkloadInHoursAndEcts() {
    assertEquals(0, new BigDecimal("60").compareTo(mc.workload().hours().orElseThrow()));
    assertEquals(List.of(CreditValue.of(2, CreditUnit.ECTS)), mc.workload().credits());
  }

  @Test
  void levelEqfAndNqf() {
    assertTrue(mc.levels().contains(Level.eqf(6)), mc.levels().toString());
    assertTrue(mc.levels().contains(Level.national("RQF", "6")), mc.levels().toString());
    assertFalse(imported.warnings().stream().anyMatch(w -> w.path().contains("nqfLevel")),
        "qdr/c_c392e7a2 is a known qdr concept: read exactly, " + imported.warnings());
  }

  @Test
  void typeOfAssessment() {
    assertEquals(List.of(AssessmentType.OTHER), mc.assessment().types(),
        "the sample's 'artefact assessment' is not an EU concept nor a core type");
    assertEquals("Digital artefact assessment (artefact assessment)", mc.assessment().description().orElseThrow());
    assertTrue(mc.grading().orElseThrow().startsWith("The learner will have passed"));
  }

  @Test
  void formOfParticipation() {
    assertEquals(ParticipationMode.BLENDED, mc.participation().orElseThrow());
  }

  @Test
  void learningSettingAndFieldsOfEducation() {
    assertEquals(LearningSetting.NON_FORMAL, mc.learningSetting().orElseThrow(), "learning-setting/e207a81fc7");
    assertEquals(List.of(FieldOfEducation.isced("003"), FieldOfEducation.isced("0688")), mc.fieldsOfEducation(),
        "thematicArea isced-f/003 and isced-f/0688");
    assertFalse(imported.warnings().stream().anyMatch(w -> w.path().contains("learningSetting")
        || w.path().contains("thematicArea")), imported.warnings().toString());
  }

  @Test
  void qualityAssuranceIsAbsentFromTheSampleAndReportedMissing() {
    assertTrue(mc.qualityAssurance().isEmpty());
    ElmReport r = Elm.check(Fixtures.resource("Sample-MC-Annex1-unsigned.jsonld"));
    assertEquals(List.of("type of quality assurance"), r.problems(ElmProblemCode.MISSING_MANDATORY).stream()
        .map(p -> p.message().replaceAll(".*'(.*)'.*", "$1")).toList(), r.toString());
    assertFalse(r.valid());
  }

  @Test
  void prerequisites() {
    assertEquals(List.of("The learner needs to have an EDC Online Credential Builder account, that requires an EU "
        + "Login ID."), mc.prerequisites());
  }

  @Test
  void supervisionAndIdentityVerification() {
    assertEquals(IdentityVerification.UNSUPERVISED, mc.identityVerification().orElseThrow());
  }

  @Test
  void gradeAchieved() {
    assertEquals("Pass", award.grade().orElseThrow());
  }

  @Test
  void integrationAndStackability() {
    assertEquals(StackabilityOption.STANDALONE, mc.stackability().orElseThrow().option(),
        "isPartialQualification false");
  }

  @Test
  void furtherInformationIsAbsentFromTheSampleAndReportedAbsent() {
    assertTrue(mc.furtherInformation().isEmpty());
    ElmReport r = Elm.check(Fixtures.resource("Sample-MC-Annex1-unsigned.jsonld"));
    assertTrue(r.problems(ElmProblemCode.MISSING_OPTIONAL).stream()
        .anyMatch(p -> p.message().contains("further information")), r.toString());
  }

  @Test
  void languageOfInstruction() {
    assertEquals(List.of("en"), mc.languages());
  }

  @Test
  void theUploadFormAndTheSignedPayloadImportToTheSameModel() throws ElmException {
    ElmImport upload = Elm.importCredential(Fixtures.resource("Sample-MC-Annex1-unsigned-uploadable.json"));
    assertEquals(mc, upload.microCredential());
    ElmImport signed = Elm.importCredential(Fixtures.resource("Sample-MC-Annex1-signed.jsonld"));
    assertEquals(mc.title(), signed.microCredential().title());
    assertEquals(mc.learningOutcomes(), signed.microCredential().learningOutcomes());
    assertTrue(signed.warnings().stream().anyMatch(w -> w.path().equals("$.signatures")),
        "the import says it did not check the seal");
  }

  @Test
  void theLearningActivityIsReportedAsNotCarried() {
    assertTrue(imported.warnings().stream().anyMatch(w -> w.path().equals("$.credentialSubject.hasClaim[0].influencedBy")),
        imported.warnings().toString());
  }
}
