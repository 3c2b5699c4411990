package io.github.microcred.elm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.microcred.core.Award;
import io.github.microcred.core.Level;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.QualityAssurance;
import io.github.microcred.core.testing.MicroCredentialGenerator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.junit.jupiter.api.Test;

/**
 * Every exported credential passes the EDC SHACL shapes it names ({@code EDC-generic-full.ttl} with the
 * {@code EDC-generic-no-cv.ttl} it imports, or the no-cv ones alone; Apache Jena SHACL) with zero violations: the
 * fixture, and 1,000 seeded generated awards and their EU-only variants (seed printed on failure).
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
    ValidationReport r = Shacl.validate(EXPORTER.export(Fixtures.microCredential(), Fixtures.award()).toJson().toString());
    assertTrue(r.conforms(), report(r));
  }

  @Test
  void withoutTheIssuersLegalIdentifierTheShapesFailAndTheExportSaysSo() throws Exception {
    ElmCredential c = Elm.export(Fixtures.microCredential(), Fixtures.award());
    assertTrue(c.warnings().stream().anyMatch(w -> w.path().equals("$.issuer.eIDASIdentifier")), c.warnings().toString());
    ValidationReport r = Shacl.validate(c.toJson().toString());
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
   * 1,000 seeded awards (full and partial micro-credentials), each turned into RDF and validated alone against the
   * shapes its {@code credentialSchema} names: the full (controlled-vocabulary) shapes when every concept where they
   * require an EU one is an EU concept, else the no-cv shapes; zero violations. A no-cv export breaks the full shapes
   * only at its microcred concepts (national levels, QA types), which the export warns about. And each award's
   * EU-only variant (EQF levels only, QA without accrediting bodies) names and passes the full shapes: 1,000 exports
   * with zero violations of every shapes file. Prints the wall and CPU time (the CPU time is what the README states).
   */
  @Test
  void aThousandGeneratedAwardsConform() throws Exception {
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    long wall = System.nanoTime();
    long cpu0 = cpu.getCurrentThreadCpuTime();
    long rdf = 0;
    int full = 0;
    int outsideFull = 0;
    for (int i = 0; i < COUNT; i++) {
      long seed = SEED + i;
      ElmCredential c = EXPORTER.export(generated(seed));
      String json = c.toJson().toString();
      String schema = c.toJson().path("credentialSchema").path("id").asText();
      long t0 = cpu.getCurrentThreadCpuTime();
      org.apache.jena.graph.Graph g = Shacl.graph(json);
      rdf += cpu.getCurrentThreadCpuTime() - t0;
      boolean named = schema.endsWith("/edc-generic-full");
      ValidationReport r = ShaclValidator.get().validate(named ? Shacl.FULL : Shacl.SHAPES, g);
      assertTrue(r.conforms(), "seed " + seed + " (" + schema + "):\n" + report(r));
      if (named) {
        full++;
      } else {
        ValidationReport f = ShaclValidator.get().validate(Shacl.FULL, g);
        assertFalse(f.conforms(), "seed " + seed + ": names the no-cv shapes but passes the full ones");
        for (org.apache.jena.shacl.validation.ReportEntry e : f.getEntries()) {
          assertTrue(e.value() != null && e.value().isURI() && e.value().getURI().startsWith("urn:microcred:elm:"),
              "seed " + seed + ": a full-shapes violation at something other than a microcred concept:\n" + report(f));
          outsideFull++;
        }
      }
      Award eu = euOnly(generated(seed));
      ElmCredential e = EXPORTER.export(eu);
      assertEquals("http://data.europa.eu/snb/model/ap/edc-generic-full",
          e.toJson().path("credentialSchema").path("id").asText(), "seed " + seed + ": EU concepts only");
      ValidationReport fe = ShaclValidator.get().validate(Shacl.FULL, Shacl.graph(e.toJson().toString()));
      assertTrue(fe.conforms(), "seed " + seed + " (EU-only variant, full shapes):\n" + report(fe));
    }
    assertTrue(full > 0 && full < COUNT, full + " of " + COUNT + " name the full shapes: both kinds are exercised");
    long total = cpu.getCurrentThreadCpuTime() - cpu0;
    System.out.printf("[elm shacl] %d generated credentials conform to the shapes they name (%d full, %d no-cv with "
        + "%d microcred concepts the full shapes flag) and their %d EU-only variants to the full shapes: %d ms wall, "
        + "%d ms CPU (JSON-LD to RDF of the first %d ms)%n", COUNT, full, COUNT - full, outsideFull, COUNT,
        (System.nanoTime() - wall) / 1_000_000, total / 1_000_000, rdf / 1_000_000);
  }

  /** The award with only what EU Vocabularies concepts are known for where the full shapes require them. */
  static Award euOnly(Award a) {
    MicroCredential mc = a.microCredential();
    MicroCredential.Builder b = mc.toBuilder()
        .levels(mc.levels().stream().filter(l -> l.framework().equals(Level.EQF)).toList());
    mc.qualityAssurance().ifPresent(q -> b.qualityAssurance(new QualityAssurance(q.type(), q.description(),
        List.of())));
    Award.Builder c = Award.builder(b.build(), a.learner(), a.issuedOn()).grade(a.grade().orElse(null))
        .issuer(a.issuer().orElse(null)).learnerName(a.learnerName().orElse(null));
    a.awardedDate().ifPresent(c::awardedDate);
    a.validUntil().ifPresent(c::validUntil);
    return c.build();
  }

  static Award generated(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Award a = MicroCredentialGenerator.generateAward(rnd);
    return rnd.nextBoolean() ? a
        : Award.builder(MicroCredentialGenerator.generatePartial(rnd), a.learner(), a.issuedOn()).build();
  }

  @Test
  void theShapesDetectAViolation() throws Exception {
    String json = EXPORTER.export(Fixtures.microCredential(), Fixtures.award()).toJson().toString()
        .replace("\"legalName\":{\"en\":\"University of Galway\"}", "\"altLabel\":{\"en\":\"University of Galway\"}");
    ValidationReport r = Shacl.validate(json);
    assertFalse(r.conforms(), "an Organisation without legalName breaks the shapes");
  }
}
