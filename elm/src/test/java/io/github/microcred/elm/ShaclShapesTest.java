package io.github.microcred.elm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.microcred.core.Award;
import io.github.microcred.core.testing.MicroCredentialGenerator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.junit.jupiter.api.Test;

/**
 * Every exported credential passes the EDC SHACL shapes ({@code EDC-generic-no-cv.ttl}, Apache Jena SHACL) with zero
 * violations: the fixture, and 1,000 seeded generated awards (seed printed on failure).
 */
class ShaclShapesTest {
  static final long SEED = 0x5AC1_E1A1L;
  static final int COUNT = 1_000;
  static final ElmExporter EXPORTER;

  static {
    try {
      EXPORTER = Elm.exporter().withIssuerLegalIdentifier("VATIE-1234567X");
    } catch (ElmException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  static String report(ValidationReport r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ShLib.printReport(out, r);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theFixtureConforms() throws Exception {
    ValidationReport r = Shacl.validate(EXPORTER.export(Fixtures.microCredential(), Fixtures.award()).toJson());
    assertTrue(r.conforms(), report(r));
  }

  @Test
  void withoutTheIssuersLegalIdentifierTheShapesFailAndTheExportSaysSo() throws Exception {
    ElmCredential c = Elm.export(Fixtures.microCredential(), Fixtures.award());
    assertTrue(c.warnings().stream().anyMatch(w -> w.path().equals("$.issuer.eIDASIdentifier")), c.warnings().toString());
    ValidationReport r = Shacl.validate(c.toJson());
    assertFalse(r.conforms());
    assertTrue(report(r).contains("IssuerNodeShape"), report(r));
  }

  @Test
  void theOfficialSampleFailsOnlyTheIssuersLegalIdentifier() throws Exception {
    ValidationReport r = Shacl.validate(Fixtures.resource("Sample-MC-Annex1-unsigned.jsonld"));
    String text = report(r);
    assertFalse(r.conforms(), "the EC sample has registration and VAT identifiers, no eIDAS legal identifier");
    assertEquals(2, r.getEntries().size(), text);
    assertTrue(text.contains("IssuerNodeShape") && text.contains("credentials#issued>"), text);
  }

  /**
   * 1,000 seeded awards (full and partial micro-credentials), each turned into RDF and validated alone. Prints the
   * wall and CPU time of the two stages (the CPU time is what the README states: it does not grow with the load).
   */
  @Test
  void aThousandGeneratedAwardsConform() throws Exception {
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    long wall = System.nanoTime();
    long cpu0 = cpu.getCurrentThreadCpuTime();
    long rdf = 0;
    for (int i = 0; i < COUNT; i++) {
      long seed = SEED + i;
      String json = EXPORTER.export(generated(seed)).toJson();
      long t0 = cpu.getCurrentThreadCpuTime();
      org.apache.jena.graph.Graph g = Shacl.graph(json);
      rdf += cpu.getCurrentThreadCpuTime() - t0;
      ValidationReport r = ShaclValidator.get().validate(Shacl.SHAPES, g);
      assertTrue(r.conforms(), "seed " + seed + ":\n" + report(r));
    }
    long total = cpu.getCurrentThreadCpuTime() - cpu0;
    System.out.printf("[elm shacl] %d generated credentials conform: %d ms wall, %d ms CPU (JSON-LD to RDF %d ms, "
        + "export and SHACL %d ms)%n", COUNT, (System.nanoTime() - wall) / 1_000_000, total / 1_000_000,
        rdf / 1_000_000, (total - rdf) / 1_000_000);
  }

  static Award generated(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Award a = MicroCredentialGenerator.generateAward(rnd);
    return rnd.nextBoolean() ? a
        : Award.builder(MicroCredentialGenerator.generatePartial(rnd), a.learner(), a.issuedOn()).build();
  }

  @Test
  void theShapesDetectAViolation() throws Exception {
    String json = EXPORTER.export(Fixtures.microCredential(), Fixtures.award()).toJson()
        .replace("\"legalName\":{\"en\":\"University of Galway\"}", "\"altLabel\":{\"en\":\"University of Galway\"}");
    ValidationReport r = Shacl.validate(json);
    assertFalse(r.conforms(), "an Organisation without legalName breaks the shapes");
  }
}
