package io.github.microcred.ctdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.Issue;
import io.github.microcred.core.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ValidatorTest {
  private static final ObjectMapper M = new ObjectMapper();

  static ObjectNode minimal() throws IOException {
    try (InputStream in = ValidatorTest.class.getResourceAsStream("/fixtures/minimal-microcredential.json")) {
      return (ObjectNode) M.readTree(in);
    }
  }

  static ObjectNode main(ObjectNode doc) {
    return (ObjectNode) doc.get("@graph").get(0);
  }

  static Issue only(CtdlReport r, CtdlProblemCode code) {
    List<Issue> l = r.withCode(code);
    assertEquals(1, l.size(), () -> "expected exactly one " + code + " in\n" + r);
    return l.get(0);
  }

  @Test
  void minimalGraphIsValidWithoutSchemaErrors() throws IOException {
    CtdlReport r = Ctdl.validate(minimal());
    assertTrue(r.valid(), r::toString);
    assertTrue(r.schemaErrors().isEmpty(), r::toString);
  }

  @Test
  void unknownTermIsReportedWithItsPath() throws IOException {
    ObjectNode d = minimal();
    main(d).put("ceterms:fooBar", "x");
    main(d).put("name", "plain key");
    CtdlReport r = Ctdl.validate(d);
    List<Issue> l = r.withCode(CtdlProblemCode.UNKNOWN_TERM);
    assertEquals(2, l.size(), r::toString);
    assertEquals("$['@graph'][0]['ceterms:fooBar']", l.get(0).path());
    assertEquals("$['@graph'][0]['name']", l.get(1).path());
    assertFalse(r.valid());
  }

  @Test
  void creditValueOnACredentialIsADomainViolation() throws IOException {
    ObjectNode d = minimal();
    JsonNode vp = main(d).get("ceterms:requires").get(0).get("ceterms:creditValue");
    main(d).set("ceterms:creditValue", vp);
    Issue p = only(Ctdl.validate(d), CtdlProblemCode.DOMAIN_VIOLATION);
    assertEquals("$['@graph'][0]['ceterms:creditValue']", p.path());
    assertEquals(Severity.ERROR, p.severity());
    assertTrue(p.message().contains("ceterms:MicroCredential"), p.message());
  }

  @Test
  void upperCaseCtidIsReported() throws IOException {
    ObjectNode d = minimal();
    main(d).put("ceterms:ctid", "ce-2F1B7C3E-5D4A-4B8E-9C61-0A7D3E5F9B12");
    CtdlReport r = Ctdl.validate(d);
    List<Issue> l = r.withCode(CtdlProblemCode.INVALID_CTID);
    assertEquals("$['@graph'][0]['ceterms:ctid']", l.get(0).path(), r::toString);
    assertTrue(l.get(0).message().contains("upper-case"), l.get(0).message());
    assertEquals(Severity.ERROR, l.get(0).severity());
    // the @id tail differs only in case: a warning on @id
    assertEquals("$['@graph'][0]['@id']", l.get(1).path());
  }

  @Test
  void wrongLengthCtidIsReported() throws IOException {
    ObjectNode d = minimal();
    main(d).put("ceterms:ctid", "ce-2f1b7c3e-5d4a-4b8e-9c61-0a7d3e5f9b1");
    main(d).put("@id", "https://credentialengineregistry.org/resources/ce-2f1b7c3e-5d4a-4b8e-9c61-0a7d3e5f9b1");
    Issue p = only(Ctdl.validate(d), CtdlProblemCode.INVALID_CTID);
    assertEquals("$['@graph'][0]['ceterms:ctid']", p.path());
    assertTrue(p.message().contains("38 characters"), p.message());
  }

  @Test
  void ctidDifferentFromIdTailIsReported() throws IOException {
    ObjectNode d = minimal();
    main(d).put("@id", "https://credentialengineregistry.org/resources/ce-00000000-5d4a-4b8e-9c61-0a7d3e5f9b12");
    Issue p = only(Ctdl.validate(d), CtdlProblemCode.INVALID_CTID);
    assertEquals("$['@graph'][0]['@id']", p.path());
  }

  @Test
  void missingRequiredFieldIsReportedWithItsPath() throws IOException {
    ObjectNode d = minimal();
    main(d).remove("ceterms:description");
    CtdlReport r = Ctdl.validate(d);
    Issue p = only(r, CtdlProblemCode.MISSING_REQUIRED);
    assertEquals("$['@graph'][0]['ceterms:description']", p.path());
    assertTrue(r.schemaErrors().isEmpty(), "a policy finding is not a schema error");
    assertFalse(r.valid());
  }

  @Test
  void missingOwnerIsReportedOnTheNode() throws IOException {
    ObjectNode d = minimal();
    main(d).remove("ceterms:ownedBy");
    main(d).remove("ceterms:offeredBy");
    Issue p = only(Ctdl.validate(d), CtdlProblemCode.MISSING_REQUIRED);
    assertEquals("$['@graph'][0]", p.path());
    assertTrue(p.message().contains("ceterms:ownedBy or ceterms:offeredBy"), p.message());
  }

  @Test
  void conceptOutsideTheTargetSchemeIsReported() throws IOException {
    ObjectNode d = minimal();
    ObjectNode cao = M.createObjectNode().put("@type", "ceterms:CredentialAlignmentObject")
        .put("ceterms:targetNode", "creditUnit:SemesterHour");
    main(d).putArray("ceterms:audienceLevelType").add(cao);
    Issue p = only(Ctdl.validate(d), CtdlProblemCode.CONCEPT_NOT_IN_SCHEME);
    assertEquals("$['@graph'][0]['ceterms:audienceLevelType'][0]['ceterms:targetNode']", p.path());
    assertTrue(p.message().contains("ceterms:AudienceLevel"), p.message());
  }

  @Test
  void durationThatIsNotIso8601IsARangeViolation() throws IOException {
    ObjectNode d = minimal();
    ((ObjectNode) main(d).get("ceterms:estimatedDuration").get(0)).put("ceterms:exactDuration", "3 hours");
    Issue p = only(Ctdl.validate(d), CtdlProblemCode.RANGE_VIOLATION);
    assertEquals("$['@graph'][0]['ceterms:estimatedDuration'][0]['ceterms:exactDuration']", p.path());
  }

  @Test
  void valueOfTheWrongClassIsARangeViolation() throws IOException {
    ObjectNode d = minimal();
    ((ArrayNode) main(d).get("ceterms:estimatedDuration")).add(M.createObjectNode().put("@type", "ceterms:ValueProfile"));
    Issue p = only(Ctdl.validate(d), CtdlProblemCode.RANGE_VIOLATION);
    assertEquals("$['@graph'][0]['ceterms:estimatedDuration'][1]['@type']", p.path());
  }

  @Test
  void danglingBlankNodeIsReported() throws IOException {
    ObjectNode d = minimal();
    main(d).putArray("ceterms:accreditedBy").add("_:nowhere");
    Issue p = only(Ctdl.validate(d), CtdlProblemCode.UNRESOLVED_REFERENCE);
    assertEquals("$['@graph'][0]['ceterms:accreditedBy'][0]", p.path());
  }

  @Test
  void abstractCredentialTypeIsReported() throws IOException {
    ObjectNode d = minimal();
    main(d).put("@type", "ceterms:Credential");
    Issue p = only(Ctdl.validate(d), CtdlProblemCode.ABSTRACT_CLASS);
    assertEquals("$['@graph'][0]['@type']", p.path());
  }

  @Test
  void unknownClassIsReported() throws IOException {
    ObjectNode d = minimal();
    main(d).put("@type", "ceterms:NanoCredential");
    Issue p = only(Ctdl.validate(d), CtdlProblemCode.UNKNOWN_CLASS);
    assertEquals("$['@graph'][0]['@type']", p.path());
  }

  @Test
  void plainStringForTextIsAWarning() throws IOException {
    ObjectNode d = minimal();
    main(d).put("ceterms:name", "Data Literacy Essentials");
    CtdlReport r = Ctdl.validate(d);
    Issue p = only(r, CtdlProblemCode.LANGUAGE_MAP_EXPECTED);
    assertEquals(Severity.WARNING, p.severity());
    assertTrue(r.valid());
  }

  @Test
  void malformedJsonGivesLineAndColumn() {
    CtdlReport r = Ctdl.validate("{\n  \"@graph\": [ }");
    Issue p = only(r, CtdlProblemCode.NOT_A_GRAPH);
    assertTrue(p.message().contains("line 2"), p.message());
  }

  @Test
  void reportConvertsToACoreValidationReport() throws IOException {
    ObjectNode d = minimal();
    main(d).remove("ceterms:description");
    main(d).put("ceterms:fooBar", "x");
    CtdlReport r = Ctdl.validate(d);
    io.github.microcred.core.ValidationReport core = r.toValidationReport();
    assertEquals(r.valid(), core.valid());
    assertEquals(r.problems().size(), core.issues().size());
    assertTrue(core.has(CtdlProblemCode.UNKNOWN_TERM), core::summary);
    assertEquals("$['@graph'][0]['ceterms:fooBar']", core.issues().stream()
        .filter(i -> i.code() == CtdlProblemCode.UNKNOWN_TERM).findFirst().orElseThrow().path());
  }

  @Test
  void policyIsDataDriven() throws Exception {
    ObjectNode d = minimal();
    String tsv = "class\tlevel\tlabel\tproperties\nceterms:MicroCredential\tREQUIRED\tKeyword\tceterms:keyword\n";
    Issue p = only(Ctdl.validator().withPolicy(tsv).validate(d), CtdlProblemCode.MISSING_REQUIRED);
    assertEquals("$['@graph'][0]['ceterms:keyword']", p.path());
    assertTrue(Ctdl.validator().withoutPolicy().validate(d).problems().stream()
        .noneMatch(x -> CtdlProblemCode.of(x).category() == CtdlProblemCode.Category.POLICY));
  }

  @Test
  void badPolicyTableIsATypedError() {
    CtdlException e = org.junit.jupiter.api.Assertions.assertThrows(CtdlException.class,
        () -> Ctdl.validator().withPolicy("ceterms:MicroCredential\tMANDATORY\tx\tceterms:name\n"));
    assertEquals(CtdlErrorCode.INVALID_POLICY, e.code());
    assertTrue(e.getMessage().contains("line 1"), e.getMessage());
  }

  static Stream<Path> records() throws IOException {
    Stream<Path> a = Files.list(Shared.ctdl("records/real"));
    Stream<Path> b = Files.list(Shared.ctdl("records/ce-samples"));
    return Stream.concat(a, b).sorted();
  }

  @ParameterizedTest
  @MethodSource("records")
  void everyRecordValidatesWithoutThrowing(Path p) throws IOException {
    CtdlReport r = Ctdl.validate(Shared.read(p));
    for (Issue x : r.problems()) {
      assertTrue(x.path().startsWith("$"), x::toString);
    }
  }

  @Test
  void knownDefectsOfRealRecordsAreFound() throws IOException {
    CtdlReport r1 = Ctdl.validate(Shared.read(Shared.ctdl("records/real/01-nocti-21st-century-skills-certification.graph.json")));
    assertEquals(List.of("$['@graph'][0]['ceterms:requires'][1]['ceterms:creditHourType']",
        "$['@graph'][0]['ceterms:requires'][1]['ceterms:creditHourValue']"),
        r1.withCode(CtdlProblemCode.UNKNOWN_TERM).stream().map(Issue::path).toList());
    CtdlReport r3 = Ctdl.validate(Shared.read(Shared.ctdl("records/real/03-health-informatics-assessment.graph.json")));
    assertEquals("$['@graph'][0]['ceterms:naics']", only(r3, CtdlProblemCode.DOMAIN_VIOLATION).path());
    assertTrue(Ctdl.validate(Shared.read(Shared.ctdl("records/real/07-uakron-physics-polymer-bachelordegree.resource.json")))
        .valid());
  }
}
