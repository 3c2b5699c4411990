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

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "real/01-nocti-21st-century-skills-certification.envelope.json|ce-14525aea-57c5-4f5a-8f1c-bdc95c7f8b9b|21st Century Skills for Workplace Success|https://credentialengineregistry.org/resources/ce-6a62b250-a1a2-4d31-a702-cdc2437efd31|3 US_SEMESTER_HOUR|-",
      "real/03-health-informatics-assessment.graph.json|ce-474460bb-617c-4181-8bb5-94cca3e2dde7|Health Informatics|https://credentialengineregistry.org/resources/ce-6a62b250-a1a2-4d31-a702-cdc2437efd31|-|-",
      "real/06-comptia-a-plus-certification.resource.json|ce-3877cdec-09b6-45df-814f-ede85c023858|CompTIA A+|https://credentialengineregistry.org/resources/ce-186fbc60-47e3-4616-b160-72cac9e78f54|-|-",
      "real/07-uakron-physics-polymer-bachelordegree.resource.json|ce-f1782b95-d234-4237-83e4-48b8c0f538d8|Physics - Polymer|https://credentialengineregistry.org/resources/ce-48e2e1d2-6c6c-4a0a-b744-fe353eda416f|-|-",
      "ce-samples/assistant-CredentialWithMultipleLanguages_Api_output.json|ce-cef8a76d-f168-0513-8fac-0b8dc60ef853|Bachelor of Science in Accounting|https://sandbox.credentialengineregistry.org/resources/ce-a588a18b-2616-4c74-bdcd-6507c0693d0e|10 US_SEMESTER_HOUR|-",
  })
  void keyFieldsReachTheCoreModel(String rel, String ctid, String name, String owner, String credit, String hours)
      throws Exception {
    CtdlImport imp = Ctdl.importRecord(Shared.read(Shared.ctdl("records/" + rel)));
    assertEquals(ctid, imp.ctid().orElse(null));
    MicroCredential mc = imp.microCredential().orElseThrow();
    assertTrue(mc.title().equals(name), mc.title());
    assertEquals("https://credentialengineregistry.org/resources/" + ctid, mc.id().orElse(null));
    assertEquals(owner, mc.awardingBodies().get(0).id().orElse(null));
    assertEquals(credit == null ? "" : credit, mc.credits().stream()
        .map(c -> c.amount().stripTrailingZeros().toPlainString() + " " + c.unit()).collect(Collectors.joining(", ")));
    assertEquals(hours, mc.hours().map(Object::toString).orElse(null));
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
