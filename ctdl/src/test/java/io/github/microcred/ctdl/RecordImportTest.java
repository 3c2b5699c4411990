package io.github.microcred.ctdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.microcred.core.MicroCredential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Acceptance on the real records and CE samples in ../shared (read in place, never copied). */
class RecordImportTest {
  static Stream<Path> records() throws IOException {
    return ValidatorTest.records();
  }

  @ParameterizedTest
  @MethodSource("records")
  void importsWithWarningsButNoException(Path p) throws Exception {
    CtdlImport imp = Ctdl.importRecord(Shared.read(p));
    assertFalse(imp.warnings().isEmpty(), p.toString());
    assertTrue(imp.microCredential().isPresent() || imp.organization().isPresent() || imp.name().isPresent(),
        p.toString());
  }

  /** Every real record and CE sample: the key fields as read off the files by hand (see RecordReadTest for the model). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      // file | CTDL type | CTID | name | owner (or the organization itself) | core credits | core hours | duration
      "ce-samples/assistant-CareerBridge_Credential_WithAggregateDataProfile_API_Input.json|ceterms:Certificate|ce-343120e2-c068-4630-bb39-0a09e56d5613|A+/MCP Certification Training|https://credentialengineregistry.org/resources/ce-43cfb849-94af-4324-b1f3-d3c0df784fbb|-|-|-",
      "ce-samples/assistant-CareerBridge_Credential_WithAggregateDataProfile_API_Output.json|ceterms:Certificate|ce-343120e2-c068-4630-bb39-0a09e56d5613|A+/MCP Certification Training|https://sandbox.credentialengineregistry.org/resources/ce-43cfb849-94af-4324-b1f3-d3c0df784fbb|-|-|P9M",
      "ce-samples/assistant-CredentialGraphSampleInput.json|ceterms:AssociateDegree|ce-2dc6873f-1e94-4146-bb2b-fcebeed10c08|Sample Credential In Graph Format|https://sandbox.credentialengineregistry.org/resources/ce-a588a18b-2616-4c74-bdcd-6507c0693d0e|-|-|P2Y",
      "ce-samples/assistant-CredentialWithMultipleLanguages_Api_input.json|ceterms:BachelorDegree|ce-cef8a76d-f168-0513-8fac-0b8dc60ef853|Bachelor of Science in Accounting|https://credentialengineregistry.org/resources/ce-a588a18b-2616-4c74-bdcd-6507c0693d0e|-|-|-",
      "ce-samples/assistant-CredentialWithMultipleLanguages_Api_output.json|ceterms:BachelorDegree|ce-cef8a76d-f168-0513-8fac-0b8dc60ef853|Bachelor of Science in Accounting|https://sandbox.credentialengineregistry.org/resources/ce-a588a18b-2616-4c74-bdcd-6507c0693d0e|10 US_SEMESTER_HOUR|-|P8W..P12W",
      "ce-samples/assistant-Credential_PublishDetailedRecord_API_output.json|ceterms:Certification|ce-509682bb-658e-4eb6-87f2-ebff5d5e0aec|My Certification Name|https://sandbox.credentialengineregistry.org/resources/ce-a588a18b-2616-4c74-bdcd-6507c0693d0e|-|-|-",
      "ce-samples/ingest-Credential-1-graph.json|ceterms:BachelorDegree|ce-8669d5c6-566b-4409-9fff-f09753605d13|Bachelor of Science in Cybersecurity|https://credentialengine.github.io/credential-registry-ingest-examples/Organization/1/Organization-1.json|-|-|-",
      "ce-samples/ingest-LearningProgram-1-graph.json|ceterms:LearningProgram|ce-23b0e606-545c-4383-8630-f97ec3b190fa|Lifelong Learning Accelerator|https://credentialengine.github.io/credential-registry-ingest-examples/Organization/1/Organization-1.json|-|-|P9M",
      "ce-samples/ingest-Organization-1.json|ceterms:Organization|ce-7f42a13b-2c7e-4cbb-bbae-337a5187cf61|Example University|https://credentialengine.github.io/credential-registry-ingest-examples/Organization/1/Organization-1.json|-|-|-",
      "ce-samples/schemadev-EQF-qualifications-framework.json|ceterms:QualificationsFramework|-|The European Qualifications Framework|-|-|-|-",
      "ce-samples/schemadev-credentialLevel-atLevel.json|ceterms:Certificate|ce-b85a2faa-da27-4a89-a725-b2a5a91080f0|Certificate in Dental Technology|-|-|-|-",
      "ce-samples/schemadev-programWithCourses.json|ceterms:MasterDegree|-|MS Applied Data Science|res:1ca80f84-9331-4855-a746-13613a08c000|-|-|-",
      "real/01-nocti-21st-century-skills-certification.envelope.json|ceterms:Certification|ce-14525aea-57c5-4f5a-8f1c-bdc95c7f8b9b|21st Century Skills for Workplace Success|https://credentialengineregistry.org/resources/ce-6a62b250-a1a2-4d31-a702-cdc2437efd31|3 US_SEMESTER_HOUR|-|-",
      "real/01-nocti-21st-century-skills-certification.graph.json|ceterms:Certification|ce-14525aea-57c5-4f5a-8f1c-bdc95c7f8b9b|21st Century Skills for Workplace Success|https://credentialengineregistry.org/resources/ce-6a62b250-a1a2-4d31-a702-cdc2437efd31|3 US_SEMESTER_HOUR|-|-",
      "real/02-nocti-credential-organization.envelope.json|ceterms:CredentialOrganization|ce-6a62b250-a1a2-4d31-a702-cdc2437efd31|NOCTI|https://credentialengineregistry.org/resources/ce-6a62b250-a1a2-4d31-a702-cdc2437efd31|-|-|-",
      "real/02-nocti-credential-organization.graph.json|ceterms:CredentialOrganization|ce-6a62b250-a1a2-4d31-a702-cdc2437efd31|NOCTI|https://credentialengineregistry.org/resources/ce-6a62b250-a1a2-4d31-a702-cdc2437efd31|-|-|-",
      "real/03-health-informatics-assessment.envelope.json|ceterms:AssessmentProfile|ce-474460bb-617c-4181-8bb5-94cca3e2dde7|Health Informatics|https://credentialengineregistry.org/resources/ce-6a62b250-a1a2-4d31-a702-cdc2437efd31|-|-|PT2H",
      "real/03-health-informatics-assessment.graph.json|ceterms:AssessmentProfile|ce-474460bb-617c-4181-8bb5-94cca3e2dde7|Health Informatics|https://credentialengineregistry.org/resources/ce-6a62b250-a1a2-4d31-a702-cdc2437efd31|-|-|PT2H",
      "real/04-insurance-studies-certificate-lopp.envelope.json|ceterms:LearningOpportunityProfile|ce-0b6f0c2f-01b9-4776-b861-894b78f81eda|Insurance Studies Certificate|https://credentialengineregistry.org/resources/ce-2198982c-edc9-4e80-8938-d6c73b258858|-|-|-",
      "real/04-insurance-studies-certificate-lopp.graph.json|ceterms:LearningOpportunityProfile|ce-0b6f0c2f-01b9-4776-b861-894b78f81eda|Insurance Studies Certificate|https://credentialengineregistry.org/resources/ce-2198982c-edc9-4e80-8938-d6c73b258858|-|-|-",
      "real/05-cost-manifest.envelope.json|ceterms:CostManifest|ce-7e91ce94-9342-4ac7-a2c6-6d099ad457b5|Prior Learning Assessment|-|-|-|-",
      "real/05-cost-manifest.graph.json|ceterms:CostManifest|ce-7e91ce94-9342-4ac7-a2c6-6d099ad457b5|Prior Learning Assessment|-|-|-|-",
      "real/06-comptia-a-plus-certification.resource.json|ceterms:Certification|ce-3877cdec-09b6-45df-814f-ede85c023858|CompTIA A+|https://credentialengineregistry.org/resources/ce-186fbc60-47e3-4616-b160-72cac9e78f54|-|-|PT180M",
      "real/07-uakron-physics-polymer-bachelordegree.resource.json|ceterms:BachelorDegree|ce-f1782b95-d234-4237-83e4-48b8c0f538d8|Physics - Polymer|https://credentialengineregistry.org/resources/ce-48e2e1d2-6c6c-4a0a-b744-fe353eda416f|-|-|-",
      "real/08-hosp229-competency-framework.envelope.json|ceasn:CompetencyFramework|ce-c23a0e0c-8be8-4911-bc52-f2479c41af4b|HOSP 229, Revenue Management|https://credentialengineregistry.org/resources/ce-1abb6c52-0f8c-4b17-9f89-7e9807673106|-|-|-",
      "real/08-hosp229-competency-framework.graph.json|ceasn:CompetencyFramework|ce-c23a0e0c-8be8-4911-bc52-f2479c41af4b|HOSP 229, Revenue Management|https://credentialengineregistry.org/resources/ce-1abb6c52-0f8c-4b17-9f89-7e9807673106|-|-|-",
      "real/09-unt-french-ba-marketable-skills-badgr-pathway.json|ceterms:Pathway|ce-4cfc5efd-506c-4d78-8fa4-e668c6950fe9|French B.A. Marketable Skills|-|-|-|-",
      "real/10-comptia-it-networking-specialist-pathway.jsonld|ceterms:Pathway|ce-cc62e516-f95d-4306-a11a-c0ecc39d835f|IT Networking Specialist Pathway|https://credentialengineregistry.org/resources/ce-186fbc60-47e3-4616-b160-72cac9e78f54|-|-|-",
  })
  void keyFieldsOfEveryRecordReachTheCoreModel(String rel, String type, String ctid, String name, String owner,
      String credits, String hours, String duration) throws Exception {
    CtdlImport imp = Ctdl.importRecord(Shared.read(Shared.ctdl("records/" + rel)));
    assertEquals(type, imp.ctdlType(), rel);
    assertEquals(ctid, imp.ctid().orElse(null), rel);
    assertEquals(name, imp.name().orElse(null), rel);
    assertEquals(duration, imp.duration().orElse(null), rel);
    boolean offering = !Set.of("ceterms:Organization", "ceterms:CredentialOrganization", "ceterms:CostManifest",
        "ceterms:QualificationsFramework").contains(type);
    assertEquals(offering, imp.microCredential().isPresent(), () -> rel + " " + imp.warnings());
    if (!offering) {
      assertEquals(owner, imp.organization().flatMap(o -> o.id()).orElse(null), rel);
      return;
    }
    MicroCredential mc = imp.microCredential().orElseThrow();
    assertEquals(name, mc.title(), rel);
    if (ctid != null) {
      assertEquals("https://credentialengineregistry.org/resources/" + ctid, mc.id().orElse(null), rel);
    }
    assertEquals(owner, mc.awardingBodies().stream().findFirst().flatMap(o -> o.id()).orElse(null), rel);
    assertEquals(credits == null ? "" : credits, mc.workload().credits().stream()
        .map(c -> c.amount().stripTrailingZeros().toPlainString() + " " + c.unit()).collect(Collectors.joining(", ")), rel);
    assertEquals(hours, mc.workload().hours().map(Object::toString).orElse(null), rel);
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
  @MethodSource("records")
  void importExportValidateAddsNoSchemaError(Path p) throws Exception {
    String json = Shared.read(p);
    CtdlImport imp = Ctdl.importRecord(json);
    if (imp.microCredential().isEmpty()) {
      return;
    }
    CtdlReport before = Ctdl.validate(json);
    CtdlReport after = Ctdl.export(imp.microCredential().get()).validate();
    Set<String> old = before.schemaErrors().stream().map(x -> x.code() + " " + term(x.path())).collect(Collectors.toSet());
    List<String> added = after.schemaErrors().stream().map(x -> x.code() + " " + term(x.path()))
        .filter(k -> !old.contains(k)).toList();
    assertEquals(List.of(), added, p + "\n" + after);
  }
}
