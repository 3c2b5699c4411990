package io.github.microcred.ctdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.core.Issue;
import io.github.microcred.core.Organization;
import io.github.microcred.core.Severity;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Organizations both ways: {@link Ctdl#export(Organization)} publishes a Registry record validated against the
 * minimum-data policy for organizations, and importing an Organization or QA-organization record gives the core
 * {@link Organization}. Fixture: a self-made QA organization record; real records only from ../shared.
 */
class OrganizationRecordTest {
  static final Organization ETU = Organization.builder("Example Technological University")
      .id("https://credentials.example.edu/issuers/etu").country("IE").url("https://www.example.edu")
      .email("registrar@example.edu").role(Organization.Role.AWARDING_BODY, Organization.Role.ISSUER).build();

  static String fixture(String name) throws Exception {
    try (InputStream in = OrganizationRecordTest.class.getResourceAsStream("organizations/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Set<String> missingRequired(CtdlReport r) {
    Set<String> out = new TreeSet<>();
    r.withCode(CtdlProblemCode.MISSING_REQUIRED).forEach(p -> out.add(p.message().replaceAll(".*\\((.*)\\)$", "$1")));
    return out;
  }

  @Test
  void anOrganizationExportsAsAValidRegistryRecordWithWhatThePolicyRequires() throws Exception {
    CtdlGraph g = Ctdl.organizationExporter().withDescription("A public technological university.")
        .withAgentType("orgType:Postsecondary").withAgentSectorType("agentSector:Public").export(ETU);
    CtdlReport r = g.validate();
    assertTrue(r.valid(), r.toString());
    assertEquals(0, r.problems().stream().filter(p -> p.severity() == Severity.ERROR).count(), r.toString());
    JsonNode n = g.toJson().get("@graph").get(0);
    assertEquals("ceterms:CredentialOrganization", n.get("@type").asText());
    assertEquals(g.ctid(), n.get("ceterms:ctid").asText());
    assertTrue(g.ctid().matches("ce-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), g.ctid());
    assertEquals(g.ctid(), Ctdl.export(ETU).ctid(), "the CTID is derived from the id: reproducible");
    assertEquals("https://credentials.example.edu/issuers/etu", n.at("/ceterms:sameAs/0").asText());
    assertEquals("orgType:Postsecondary", n.at("/ceterms:agentType/0/ceterms:targetNode").asText());

    Organization back = Ctdl.importRecord(g.toJson()).organization().orElseThrow();
    assertEquals(ETU.name(), back.name());
    assertEquals(ETU.id(), back.id());
    assertEquals(ETU.country(), back.country());
    assertEquals(ETU.url(), back.url());
    assertEquals(ETU.email(), back.email());
  }

  @Test
  void nothingIsMadeUpTheValidatorNamesWhatTheCoreModelLacks() {
    CtdlReport r = Ctdl.export(ETU).validate();
    assertTrue(!r.valid());
    assertEquals(Set.of("ceterms:description", "ceterms:agentType", "ceterms:agentSectorType"), missingRequired(r),
        r.toString());
    Organization bare = Organization.builder("Nameless Institute").build();
    assertEquals(Set.of("ceterms:description", "ceterms:agentType", "ceterms:agentSectorType",
        "ceterms:subjectWebpage", "ceterms:address or ceterms:email"), missingRequired(Ctdl.export(bare).validate()));
  }

  @Test
  void aQaBodyIsAQaCredentialOrganizationAndConceptsAreChecked() throws Exception {
    Organization qa = Organization.builder("Quality and Qualifications Ireland").id("https://www.qqi.ie")
        .country("IE").url("https://www.qqi.ie").role(Organization.Role.QA_BODY).build();
    CtdlGraph g = Ctdl.organizationExporter().withDescription("The Irish QA agency.")
        .withAgentType("orgType:QualityAssurance").withAgentSectorType("agentSector:Public").export(qa);
    assertEquals("ceterms:QACredentialOrganization", g.toJson().at("/@graph/0/@type").asText());
    assertTrue(g.validate().valid(), g.validate().toString());
    assertEquals(Set.of(Organization.Role.QA_BODY), Ctdl.importRecord(g.toJson()).organization().orElseThrow().roles());
    CtdlException e = assertThrows(CtdlException.class, () -> Ctdl.organizationExporter().withAgentType("orgType:Nope"));
    assertEquals(CtdlErrorCode.INVALID_ARGUMENT, e.code());
    assertTrue(e.getMessage().startsWith("agent type: 'orgType:Nope' is not a concept of ceterms:OrganizationType"),
        e.getMessage());
    assertThrows(CtdlException.class, () -> Ctdl.organizationExporter().withAgentSectorType("orgType:Postsecondary"));
  }

  @Test
  void aQaOrganizationRecordImportsAsAQaBody() throws Exception {
    String record = fixture("qa-organization.graph.json");
    assertTrue(Ctdl.validate(record).valid(), Ctdl.validate(record).toString());
    CtdlImport imp = Ctdl.importRecord(record);
    assertTrue(imp.microCredential().isEmpty());
    Organization o = imp.organization().orElseThrow();
    assertEquals("Example Quality Assurance Agency", o.name());
    assertEquals(Set.of(Organization.Role.QA_BODY), o.roles());
    assertEquals("IE", o.country().orElseThrow(), "a country name becomes its ISO code");
    assertEquals("https://qa.example.org/about", o.id().orElseThrow());
    assertEquals("reviews@qa.example.org", o.email().orElseThrow());
    assertTrue(imp.warnings().stream().anyMatch(w -> w.message().contains("ceterms:description is not mapped")),
        "the description is reported, not dropped silently: " + imp.warnings());
    assertTrue(imp.warnings().stream().anyMatch(w -> w.path().endsWith("['ceterms:agentType']")), imp.warnings()
        .toString());
  }

  @Test
  void theRealNoctiOrganizationRecordImports() throws Exception {
    // a real Registry record: no open licence, so it stays in ../shared (skipped with the reason without it)
    Path record = io.github.microcred.core.testing.SharedData.require(
        "specs/ctdl/records/real/02-nocti-credential-organization.envelope.json");
    CtdlImport imp = Ctdl.importRecord(Files.readString(record));
    Organization o = imp.organization().orElseThrow();
    assertEquals("NOCTI", o.name());
    assertEquals("US", o.country().orElseThrow());
    assertEquals("nocti@nocti.org", o.email().orElseThrow());
    assertEquals("ceterms:CredentialOrganization", imp.ctdlType());
    assertEquals(Set.of(Organization.Role.ISSUER), o.roles());
  }
}
