package io.github.microcred.cli;

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
    assertTrue(r.out().startsWith("valid"), r.out());
  }

  @Test
  void invalidGraphExitsOneWithTheReport() throws IOException {
    Path f = dir.resolve("g.json");
    Files.writeString(f, VALID.replace("\"ceterms:inLanguage\"", "\"ceterms:creditValue\": [], \"ceterms:inLanguage\""));
    MainTest.Run r = MainTest.run("ctdl", "validate", f.toString());
    assertEquals(Main.FAILED, r.code());
    assertTrue(r.err().contains("DOMAIN_VIOLATION at $['@graph'][0]['ceterms:creditValue']"), r.err());
  }

  @Test
  void missingFileExitsOne() {
    MainTest.Run r = MainTest.run("ctdl", "validate", dir.resolve("nope.json").toString());
    assertEquals(Main.FAILED, r.code());
    assertTrue(r.err().contains("no such file"), r.err());
  }
}
