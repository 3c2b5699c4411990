package io.github.microcred.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MicroCredentialJsonTest {

  static String sample() throws IOException {
    return Files.readString(Path.of("../examples/micro-credential.json"));
  }

  @Test
  void theSampleIsCompleteValidAndRoundTrips() throws Exception {
    String json = sample();
    MicroCredential m = MicroCredential.fromJson(json);
    assertEquals("Data Literacy for Public Services", m.title());
    assertEquals(Optional.of(Kind.MICRO_CREDENTIAL_MODULE), m.kind());
    ValidationReport r = MicroCredentialValidator.validate(json);
    assertTrue(r.issues().isEmpty(), r.summary());
    Completeness c = Completeness.of(m);
    assertEquals(100.0, c.euMandatory());
    assertEquals(100.0, c.euOptional());
    assertEquals(100.0, c.oliver());
    String again = m.toJson().toPrettyString();
    assertEquals(m, MicroCredential.fromJson(again));
    ObjectMapper om = new ObjectMapper();
    assertEquals(om.readTree(json), om.readTree(again), "writing the sample back gives the same JSON tree");
  }

  @Test
  void awardsRoundTripWithDerivedExpiry() throws Exception {
    MicroCredential m = MicroCredential.fromJson(sample()).toBuilder()
        .validity(ValidityPolicy.periodAfterAward(Period.ofYears(3))).build();
    Award a = Award.builder(m, LearnerIdentity.hashedEmail("Ada@Example.org ", "s4lt"), Instant.parse("2026-03-01T10:00:00Z"))
        .id("urn:uuid:0b4c5a8e-6b1e-4d2a-9f55-2f1f1b6a1a01")
        .awardedDate(LocalDate.parse("2026-02-27"))
        .grade("Distinction")
        .result(new Award.Result("analysis", "4"))
        .evidence(new Award.Evidence("https://portfolio.example.org/ada/project", "Project", ""))
        .build();
    assertTrue(a.learner().matchesEmail("ada@example.org"));
    assertEquals(Optional.of(Instant.parse("2029-02-27T00:00:00Z")), a.effectiveExpiry());
    assertEquals(a, Award.fromJson(a.toJson().toPrettyString()));
    assertEquals("Example Technological University", a.issuer().orElseThrow().name());
    assertTrue(MicroCredentialValidator.validateAward(a.toJson().toPrettyString()).valid());
  }

  @Test
  void malformedJsonNamesLineAndColumn() {
    ValidationReport r = MicroCredentialValidator.validate("{\n  \"title\": \"x\",\n  \"levels\": [ }\n");
    assertFalse(r.valid());
    assertEquals(CoreIssueCode.MALFORMED_JSON, r.issues().get(0).code());
    assertTrue(r.issues().get(0).message().startsWith("line 3, column"), r.issues().get(0).message());
    CoreException e = assertThrows(CoreException.class, () -> MicroCredential.fromJson("{\"title\": "));
    assertEquals(CoreErrorCode.MALFORMED_JSON, e.code());
  }

  @Test
  void duplicateKeysAndUnknownPropertiesAreErrorsNotSilentDrops() throws Exception {
    ValidationReport dup = MicroCredentialValidator.validate("{\"title\":\"a\",\"title\":\"b\"}");
    assertTrue(dup.has(CoreIssueCode.MALFORMED_JSON), dup.summary());
    ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(sample());
    tree.put("titel", "typo");
    ValidationReport r = MicroCredentialValidator.validate(tree.toString());
    assertTrue(r.issues().stream().anyMatch(i -> i.code() == CoreIssueCode.UNKNOWN_PROPERTY && i.path().equals("$.titel")), r.summary());
    CoreException e = assertThrows(CoreException.class, () -> MicroCredential.fromJson(tree.toString()));
    assertEquals(CoreErrorCode.INVALID_DOCUMENT, e.code());
    assertTrue(e.getMessage().contains("$.titel"), e.getMessage());
  }

  @Test
  void wrongTypesNameTheirPathAndEveryProblemIsListed() throws Exception {
    ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(sample());
    ((ObjectNode) tree.get("workload").get("credits").get(0)).put("unit", "ECTZ");
    tree.put("participation", 3);
    ((ObjectNode) tree.get("levels").get(0)).put("code", "9");
    ValidationReport r = MicroCredentialValidator.validate(tree.toString());
    java.util.Set<String> found = new java.util.HashSet<>();
    r.issues().forEach(i -> found.add(i.path() + " " + i.code()));
    assertTrue(found.contains("$.workload.credits[0].unit UNKNOWN_VALUE"), r.summary());
    assertTrue(found.contains("$.participation WRONG_TYPE"), r.summary());
    assertTrue(found.contains("$.levels[0] INVALID_LEVEL"), r.summary());
    assertTrue(r.has(CoreIssueCode.MISSING_PARTICIPATION), "the dropped value is also reported missing: " + r.summary());
  }

  @Test
  void oliverWordLimitsAndKindOverrideAreWarnings() throws Exception {
    MicroCredential m = MicroCredential.fromJson(sample()).toBuilder()
        .shortDescription("word ".repeat(31)).certifiedLearning("w ".repeat(101)).kindOverride(Kind.SKILL_CREDENTIAL).build();
    ValidationReport r = MicroCredentialValidator.validate(m);
    assertTrue(r.valid(), r.summary());
    assertTrue(r.has(CoreIssueCode.SHORT_DESCRIPTION_TOO_LONG) && r.has(CoreIssueCode.CERTIFIED_LEARNING_TOO_LONG) && r.has(CoreIssueCode.KIND_OVERRIDDEN), r.summary());
  }

  /** One fixture per EU Annex I mandatory element (of the specification): removing it is named. */
  static Stream<Arguments> annexOneElements() {
    return Stream.of(
        Arguments.of("title", "$.title", "MISSING_TITLE"),
        Arguments.of("issuerCountry", "$.issuerCountry", "MISSING_ISSUER_COUNTRY"),
        Arguments.of("awardingBodies", "$.awardingBodies", "MISSING_AWARDING_BODY"),
        Arguments.of("learningOutcomes", "$.learningOutcomes", "MISSING_LEARNING_OUTCOMES"),
        Arguments.of("workload", "$.workload", "MISSING_WORKLOAD"),
        Arguments.of("levels", "$.levels", "MISSING_LEVEL"),
        Arguments.of("assessment", "$.assessment.types", "MISSING_ASSESSMENT_TYPE"),
        Arguments.of("participation", "$.participation", "MISSING_PARTICIPATION"),
        Arguments.of("qualityAssurance", "$.qualityAssurance", "MISSING_QUALITY_ASSURANCE"));
  }

  @ParameterizedTest(name = "missing {0}")
  @MethodSource("annexOneElements")
  void eachMissingAnnexOneElementIsNamed(String key, String path, String code) throws Exception {
    ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(sample());
    tree.remove(key);
    ValidationReport r = MicroCredentialValidator.validate(tree.toString());
    assertFalse(r.valid());
    assertTrue(r.errors().stream().anyMatch(i -> i.code().name().equals(code) && i.path().equals(path)), r.summary());
    assertEquals(1, r.errors().size(), "only the removed element is reported: " + r.summary());
  }

  @Test
  void awardAnnexOneElementsLearnerAndIssueDate() throws Exception {
    ValidationReport r = MicroCredentialValidator.validateAward("{\"microCredential\":" + sample() + "}");
    assertTrue(r.has(CoreIssueCode.MISSING_LEARNER) && r.has(CoreIssueCode.MISSING_ISSUE_DATE), r.summary());
  }

  static final long FUZZ_SEED = 20261122L;

  static Stream<Integer> fuzzBatches() {
    return Stream.iterate(0, i -> i + 1).limit(20);
  }

  /** 20 batches × 500 = 10,000 mutated documents: the validator reports, it never throws. */
  @ParameterizedTest(name = "fuzz batch {0}")
  @MethodSource("fuzzBatches")
  void validationNeverThrowsOnMutatedJson(int batch) throws Exception {
    String base = sample();
    SplittableRandom rnd = new SplittableRandom(FUZZ_SEED + batch);
    String[] tokens = {"{", "}", "[", "]", ",", ":", "\"", "null", "true", "-1", "1e999", "\"ECTS\"", "\"\"", "0.5", "{}", "[]"};
    for (int i = 0; i < 500; i++) {
      StringBuilder s = new StringBuilder(base);
      int edits = 1 + rnd.nextInt(4);
      for (int e = 0; e < edits; e++) {
        int at = rnd.nextInt(s.length());
        switch (rnd.nextInt(3)) {
          case 0 -> s.deleteCharAt(at);
          case 1 -> s.insert(at, tokens[rnd.nextInt(tokens.length)]);
          default -> s.replace(at, Math.min(s.length(), at + 1 + rnd.nextInt(20)), tokens[rnd.nextInt(tokens.length)]);
        }
      }
      String doc = s.toString();
      try {
        ValidationReport r = MicroCredentialValidator.validate(doc);
        assertFalse(r.has(CoreIssueCode.INTERNAL_ERROR), "seed " + (FUZZ_SEED + batch) + " case " + i + ": " + r.summary());
        if (r.valid()) {
          MicroCredential.fromJson(doc); // a valid report means the document reads
        }
      } catch (Exception t) {
        throw new AssertionError("seed " + (FUZZ_SEED + batch) + " case " + i + " threw on:\n" + doc, t);
      }
    }
  }
}
