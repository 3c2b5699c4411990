package io.github.microcred.cli;

import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.Organization;
import io.github.microcred.core.Workload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CtdlCommandTest {
  @TempDir Path dir;

  static final String VALID = """
      {"@context": "https://credreg.net/ctdl/schema/context/json",
       "@graph": [{
         "@id": "https://credentialengineregistry.org/resources/ce-2f1b7c3e-5d4a-4b8e-9c61-0a7d3e5f9b12",
         "@type": "ceterms:MicroCredential",
         "ceterms:ctid": "ce-2f1b7c3e-5d4a-4b8e-9c61-0a7d3e5f9b12",
         "ceterms:name": {"en": "Data Literacy"},
         "ceterms:description": {"en": "A short assessed unit on data."},
         "ceterms:subjectWebpage": "https://example.edu/mc",
         "ceterms:inLanguage": ["en"],
         "ceterms:credentialStatusType": {"@type": "ceterms:CredentialAlignmentObject",
           "ceterms:targetNode": "credentialStat:Active"},
         "ceterms:ownedBy": ["https://credentialengineregistry.org/resources/ce-9f1b7c3e-5d4a-4b8e-9c61-0a7d3e5f9b12"]
       }]}
      """;

  @Test
  void validGraphExitsZero() throws IOException {
    Path f = dir.resolve("g.json");
    Files.writeString(f, VALID);
    MainTest.Run r = MainTest.run("ctdl", "validate", f.toString());
    assertEquals(Main.OK, r.code(), r.err());
    com.fasterxml.jackson.databind.JsonNode report = CliFiles.JSON.readTree(r.out());
    assertTrue(report.get("valid").asBoolean(), r.out());
    assertEquals(f.toString(), report.get("file").asText());
    assertTrue(MainTest.run("ctdl", "validate", "--text", f.toString()).out().startsWith("valid"));
  }

  @Test
  void invalidGraphExitsOneWithTheReport() throws IOException {
    Path f = dir.resolve("g.json");
    Files.writeString(f, VALID.replace("\"ceterms:inLanguage\"", "\"ceterms:creditValue\": [], \"ceterms:inLanguage\""));
    MainTest.Run r = MainTest.run("ctdl", "validate", f.toString());
    assertEquals(Main.FAILED, r.code());
    assertEquals("", r.err(), "every report goes to stdout");
    com.fasterxml.jackson.databind.JsonNode report = CliFiles.JSON.readTree(r.out());
    assertTrue(!report.get("valid").asBoolean() && report.get("errors").asInt() > 0, r.out());
    boolean found = false;
    for (com.fasterxml.jackson.databind.JsonNode i : report.get("issues")) {
      found |= i.get("code").asText().equals("DOMAIN_VIOLATION")
          && i.get("path").asText().equals("$['@graph'][0]['ceterms:creditValue']")
          && i.get("category").asText().equals("schema") && i.get("severity").asText().equals("error");
    }
    assertTrue(found, r.out());
    MainTest.Run t = MainTest.run("ctdl", "validate", "--text", f.toString());
    assertTrue(t.out().contains("DOMAIN_VIOLATION at $['@graph'][0]['ceterms:creditValue']"), t.out());
  }

  @Test
  void missingFileExitsOne() {
    MainTest.Run r = MainTest.run("ctdl", "validate", dir.resolve("nope.json").toString());
    assertEquals(Main.FAILED, r.code());
    assertTrue(r.err().contains("no such file"), r.err());
  }

  @Test
  void exportThenImportThenValidate() throws Exception {
    io.github.microcred.core.MicroCredential mc = io.github.microcred.core.MicroCredential.builder("Data Literacy")
        .workload(Workload.ofHours(100).withCredit(io.github.microcred.core.CreditValue.of(4, io.github.microcred.core.CreditUnit.ECTS)))
        .awardingBody(io.github.microcred.core.Organization.builder("Example University").build()).build();
    Path mcFile = dir.resolve("mc.json");
    Files.writeString(mcFile, mc.toJson().toPrettyString());
    Path graph = dir.resolve("graph.json");
    MainTest.Run e = MainTest.run("ctdl", "export", mcFile.toString(), "--out", graph.toString());
    assertEquals(Main.OK, e.code(), e.err());
    assertTrue(Files.readString(graph).contains("\"ceterms:MicroCredential\""));
    MainTest.Run v = MainTest.run("ctdl", "validate", "--no-policy", graph.toString());
    assertEquals(Main.OK, v.code(), v.err());
    MainTest.Run i = MainTest.run("ctdl", "import", graph.toString());
    assertEquals(Main.OK, i.code(), i.err());
    io.github.microcred.core.MicroCredential back = MicroCredential.fromJson(i.out());
    assertEquals(mc.title(), back.title());
    assertEquals(mc.workload().credits(), back.workload().credits());
  }

  @Test
  void importPrintsWarningsWithPaths() throws IOException {
    Path f = dir.resolve("g.json");
    Files.writeString(f, VALID.replace("\"ceterms:inLanguage\"", "\"ceterms:industryType\": [], \"ceterms:inLanguage\""));
    MainTest.Run r = MainTest.run("ctdl", "import", f.toString());
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(r.err().contains("warning: $['@graph'][0]['ceterms:industryType']: unmapped property"), r.err());
  }

  @Test
  void exitCodes() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"title\": ");
    MainTest.Run e = MainTest.run("ctdl", "export", bad.toString());
    assertEquals(Main.FAILED, e.code(), e.err());
    Path mcFile = dir.resolve("mc.json");
    Files.writeString(mcFile, io.github.microcred.core.MicroCredential.builder("Data Literacy").build().toJson().toPrettyString());
    MainTest.Run c = MainTest.run("ctdl", "export", mcFile.toString(), "--class", "ceterms:Credential");
    assertEquals(Main.USAGE, c.code(), c.err());
    assertTrue(c.err().contains("not a concrete CTDL credential class"), c.err());
    MainTest.Run i = MainTest.run("ctdl", "import", bad.toString());
    assertEquals(Main.FAILED, i.code(), i.err());
    assertTrue(i.err().contains("line 1"), i.err());
    MainTest.Run v = MainTest.run("ctdl", "validate", bad.toString());
    assertEquals(Main.FAILED, v.code(), v.err());
    assertEquals(Main.USAGE, MainTest.run("ctdl", "export").code());
    assertEquals(Main.USAGE, MainTest.run("ctdl").code());
  }

  @Test
  void exportOrgPublishesAValidRecordAndNamesWhatIsMissing() throws Exception {
    Path graph = dir.resolve("org.json");
    MainTest.Run ok = MainTest.run("ctdl", "export-org", "../examples/ctdl/organization.json", "--out", graph.toString(),
        "--description", "A public technological university.", "--agent-type", "orgType:Postsecondary",
        "--sector", "agentSector:Public");
    assertEquals(Main.OK, ok.code(), ok.err());
    assertTrue(io.github.microcred.ctdl.Ctdl.validate(Files.readString(graph)).valid());
    MainTest.Run v = MainTest.run("ctdl", "validate", graph.toString());
    assertEquals(Main.OK, v.code(), v.out());
    MainTest.Run back = MainTest.run("ctdl", "import", graph.toString());
    assertEquals(Main.OK, back.code(), back.err());
    io.github.microcred.core.Organization o = Organization.fromJson(back.out());
    assertEquals("Example Technological University", o.name());
    assertEquals("https://credentials.example.edu/issuers/etu", o.id().orElseThrow());

    MainTest.Run bare = MainTest.run("ctdl", "export-org", "../examples/ctdl/organization.json");
    assertEquals(Main.FAILED, bare.code());
    assertTrue(bare.out().contains("\"ceterms:CredentialOrganization\""), "the graph is still written: " + bare.out());
    CliConventionTest.oneSentence(bare, "../examples/ctdl/organization.json: the CTDL record misses what the "
        + "minimum-data policy requires: ");
    assertTrue(bare.err().contains("ceterms:description") && bare.err().contains("ceterms:agentType")
        && bare.err().contains("--description"), bare.err());
    MainTest.Run badType = MainTest.run("ctdl", "export-org", "../examples/ctdl/organization.json", "--agent-type",
        "orgType:Nope");
    assertEquals(Main.USAGE, badType.code());
    CliConventionTest.oneSentence(badType, "agent type: 'orgType:Nope' is not a concept of ceterms:OrganizationType");
  }

  @Test
  void importOfAnOrganizationRecordGivesTheCoreOrganization() throws Exception {
    MainTest.Run r = MainTest.run("ctdl", "import",
        "../ctdl/src/test/resources/io/github/microcred/ctdl/organizations/qa-organization.graph.json");
    assertEquals(Main.OK, r.code(), r.err());
    io.github.microcred.core.Organization o = Organization.fromJson(r.out());
    assertEquals("Example Quality Assurance Agency", o.name());
    assertEquals(java.util.Set.of(io.github.microcred.core.Organization.Role.QA_BODY), o.roles());
    assertEquals("IE", o.country().orElseThrow());
  }

  @Test
  void importOfAnotherRecordTypeIsNotSupported() throws IOException {
    Path f = dir.resolve("cost.json");
    Files.writeString(f, """
        {"@context": "https://credreg.net/ctdl/schema/context/json",
         "@graph": [{"@id": "https://credentialengineregistry.org/resources/ce-3f1b7c3e-5d4a-4b8e-9c61-0a7d3e5f9b12",
           "@type": "ceterms:CostManifest", "ceterms:ctid": "ce-3f1b7c3e-5d4a-4b8e-9c61-0a7d3e5f9b12",
           "ceterms:name": {"en": "Tuition"}}]}
        """);
    MainTest.Run r = MainTest.run("ctdl", "import", f.toString());
    assertEquals(Main.FAILED, r.code());
    assertEquals("", r.out());
    assertTrue(r.err().contains("error: " + f + ": not supported: ceterms:CostManifest (Tuition)"), r.err());
  }
}
