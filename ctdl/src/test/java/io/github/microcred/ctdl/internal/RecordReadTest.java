package io.github.microcred.ctdl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.microcred.ctdl.internal.CtdlReader.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real record and CE sample in ../shared reads without an exception; key fields are asserted per record
 * (expected values read off the files by hand). The records are read from ../shared, never copied (no open licence);
 * without ../shared the tests are skipped with that reason (failed under MICROCRED_REQUIRE_SHARED=1).
 */
class RecordReadTest {
  static Path shared(String rel) {
    return io.github.microcred.core.testing.SharedData.require("specs/ctdl/" + rel);
  }

  static Result read(String rel) throws IOException {
    return CtdlReader.read(Json.parse(Files.readString(shared(rel))));
  }

  static Stream<String> allRecords() throws IOException {
    return Stream.concat(Files.list(shared("records/real")), Files.list(shared("records/ce-samples")))
        .map(p -> shared("").relativize(p).toString()).sorted();
  }

  @ParameterizedTest
  @MethodSource("allRecords")
  void everyRecordReadsWithWarningsForWhatDidNotMap(String rel) throws IOException {
    Result r = read(rel);
    assertFalse(r.warnings.isEmpty(), rel + ": real records always carry something the core model lacks");
    for (CtdlReader.Warning w : r.warnings) {
      assertTrue(w.path().startsWith("$"), w.toString());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      // file | kind | ctid | name | owner ctid | credits | duration
      "records/real/01-nocti-21st-century-skills-certification.envelope.json|CREDENTIAL|ce-14525aea-57c5-4f5a-8f1c-bdc95c7f8b9b|21st Century Skills for Workplace Success|ce-6a62b250-a1a2-4d31-a702-cdc2437efd31|3.0 SemesterHour|-",
      "records/real/01-nocti-21st-century-skills-certification.graph.json|CREDENTIAL|ce-14525aea-57c5-4f5a-8f1c-bdc95c7f8b9b|21st Century Skills for Workplace Success|ce-6a62b250-a1a2-4d31-a702-cdc2437efd31|3.0 SemesterHour|-",
      "records/real/02-nocti-credential-organization.envelope.json|ORGANIZATION|ce-6a62b250-a1a2-4d31-a702-cdc2437efd31|NOCTI|-|-|-",
      "records/real/02-nocti-credential-organization.graph.json|ORGANIZATION|ce-6a62b250-a1a2-4d31-a702-cdc2437efd31|NOCTI|-|-|-",
      "records/real/03-health-informatics-assessment.envelope.json|ASSESSMENT|ce-474460bb-617c-4181-8bb5-94cca3e2dde7|Health Informatics|ce-6a62b250-a1a2-4d31-a702-cdc2437efd31|-|PT2H",
      "records/real/03-health-informatics-assessment.graph.json|ASSESSMENT|ce-474460bb-617c-4181-8bb5-94cca3e2dde7|Health Informatics|ce-6a62b250-a1a2-4d31-a702-cdc2437efd31|-|PT2H",
      "records/real/04-insurance-studies-certificate-lopp.envelope.json|LEARNING_OPPORTUNITY|ce-0b6f0c2f-01b9-4776-b861-894b78f81eda|Insurance Studies Certificate|ce-2198982c-edc9-4e80-8938-d6c73b258858|-|-",
      "records/real/05-cost-manifest.graph.json|OTHER|ce-7e91ce94-9342-4ac7-a2c6-6d099ad457b5|Prior Learning Assessment|-|-|-",
      "records/real/06-comptia-a-plus-certification.resource.json|CREDENTIAL|ce-3877cdec-09b6-45df-814f-ede85c023858|CompTIA A+|ce-186fbc60-47e3-4616-b160-72cac9e78f54|-|PT180M",
      "records/real/07-uakron-physics-polymer-bachelordegree.resource.json|CREDENTIAL|ce-f1782b95-d234-4237-83e4-48b8c0f538d8|Physics - Polymer|ce-48e2e1d2-6c6c-4a0a-b744-fe353eda416f|-|-",
      "records/real/08-hosp229-competency-framework.graph.json|COMPETENCY_FRAMEWORK|ce-c23a0e0c-8be8-4911-bc52-f2479c41af4b|HOSP 229, Revenue Management|ce-1abb6c52-0f8c-4b17-9f89-7e9807673106|-|-",
      "records/real/09-unt-french-ba-marketable-skills-badgr-pathway.json|PATHWAY|ce-4cfc5efd-506c-4d78-8fa4-e668c6950fe9|French B.A. Marketable Skills|-|-|-",
      "records/real/10-comptia-it-networking-specialist-pathway.jsonld|PATHWAY|ce-cc62e516-f95d-4306-a11a-c0ecc39d835f|IT Networking Specialist Pathway|ce-186fbc60-47e3-4616-b160-72cac9e78f54|-|-",
      "records/ce-samples/assistant-CredentialWithMultipleLanguages_Api_output.json|CREDENTIAL|ce-cef8a76d-f168-0513-8fac-0b8dc60ef853|Bachelor of Science in Accounting|ce-a588a18b-2616-4c74-bdcd-6507c0693d0e|10.0 SemesterHour|P8W..P12W",
      "records/ce-samples/assistant-CareerBridge_Credential_WithAggregateDataProfile_API_Output.json|CREDENTIAL|ce-343120e2-c068-4630-bb39-0a09e56d5613|A+/MCP Certification Training|ce-43cfb849-94af-4324-b1f3-d3c0df784fbb|-|P9M",
      "records/ce-samples/assistant-CredentialGraphSampleInput.json|CREDENTIAL|ce-2dc6873f-1e94-4146-bb2b-fcebeed10c08|Sample Credential In Graph Format|ce-a588a18b-2616-4c74-bdcd-6507c0693d0e|-|P2Y",
      "records/ce-samples/ingest-LearningProgram-1-graph.json|LEARNING_OPPORTUNITY|ce-23b0e606-545c-4383-8630-f97ec3b190fa|Lifelong Learning Accelerator|-|-|P9M",
      "records/ce-samples/ingest-Organization-1.json|ORGANIZATION|ce-7f42a13b-2c7e-4cbb-bbae-337a5187cf61|Example University|-|-|-",
      "records/ce-samples/schemadev-credentialLevel-atLevel.json|CREDENTIAL|ce-b85a2faa-da27-4a89-a725-b2a5a91080f0|Certificate in Dental Technology|-|-|-",
  })
  void keyFields(String rel, String kind, String ctid, String name, String owner, String credits, String duration)
      throws IOException {
    Result r = read(rel);
    CtdlModel m = r.model;
    assertEquals(kind, r.kind.name(), rel);
    assertEquals(ctid, m.ctid, rel);
    assertTrue(m.name.containsValue(name), rel + " " + m.name);
    assertEquals(owner, m.owner == null ? null : m.owner.ctid, rel);
    String c = m.credits.stream().map(x -> x.amount.doubleValue() + " " + x.unit).collect(Collectors.joining(", "));
    assertEquals(credits == null ? "" : credits, c, rel);
    String d = m.exactDuration != null ? m.exactDuration
        : m.minDuration != null ? m.minDuration + ".." + m.maxDuration : null;
    assertEquals(duration, d, rel);
  }

  @ParameterizedTest
  @CsvSource({"records/real/08-hosp229-competency-framework.graph.json,13"})
  void competencyFrameworkYieldsItsCompetencies(String rel, int n) throws IOException {
    Result r = read(rel);
    assertEquals(n, r.model.competencies.size());
    assertTrue(r.model.competencies.stream().allMatch(c -> c.text != null && !c.text.isBlank() && c.ctid != null));
  }

  @ParameterizedTest
  @CsvSource({"records/real/01-nocti-21st-century-skills-certification.graph.json"})
  void legacyShapesAreNamedInWarnings(String rel) throws IOException {
    List<String> msgs = read(rel).warnings.stream().map(CtdlReader.Warning::message).toList();
    assertTrue(msgs.stream().anyMatch(s -> s.startsWith("legacy link") && s.contains("/graph/ce-6A62B250")), msgs::toString);
    assertTrue(msgs.stream().anyMatch(s -> s.startsWith("legacy creditHourValue")), msgs::toString);
    assertTrue(msgs.stream().anyMatch(s -> s.equals("unmapped property ceterms:jurisdiction")), msgs::toString);
  }

  static String term(String path) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\['([^'@]+)'\\]").matcher(path);
    String last = "$";
    while (m.find()) {
      last = m.group(1);
    }
    return last;
  }

  @ParameterizedTest
  @MethodSource("allRecords")
  void reExportAddsNoSchemaErrorTheOriginalLacked(String rel) throws IOException {
    String json = Files.readString(shared(rel));
    Result r = CtdlReader.read(Json.parse(json));
    if (r.kind == CtdlReader.Kind.ORGANIZATION || r.kind == CtdlReader.Kind.OTHER) {
      return; // not an offering: nothing to export as a credential
    }
    CtdlModel m = r.model;
    if (!io.github.microcred.ctdl.internal.Vocabulary.defaults().isA(m.ctdlClass, List.of("ceterms:Credential"))) {
      m.ctdlClass = "ceterms:MicroCredential"; // the core model is a micro-credential
    }
    if (m.ctid == null) {
      m.ctid = CtdlWriter.ctid(rel);
    }
    io.github.microcred.ctdl.CtdlReport before = io.github.microcred.ctdl.Ctdl.validate(json);
    io.github.microcred.ctdl.CtdlReport after = io.github.microcred.ctdl.Ctdl.validate(CtdlWriter.write(m));
    java.util.Set<String> old = before.schemaErrors().stream().map(p -> p.code() + " " + term(p.path()))
        .collect(Collectors.toSet());
    List<String> added = after.schemaErrors().stream().map(p -> p.code() + " " + term(p.path()))
        .filter(k -> !old.contains(k)).toList();
    assertEquals(List.of(), added, rel + "\n" + after);
  }
}
