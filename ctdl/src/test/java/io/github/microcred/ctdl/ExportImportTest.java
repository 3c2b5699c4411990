package io.github.microcred.ctdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.core.CreditUnit;
import io.github.microcred.core.CreditValue;
import io.github.microcred.core.DegreePathway;
import io.github.microcred.core.EquivalentLevel;
import io.github.microcred.core.IdentityVerification;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.Organization;
import io.github.microcred.core.QualityAssuranceType;
import io.github.microcred.core.Stackability;
import io.github.microcred.core.Kind;
import io.github.microcred.core.testing.MicroCredentialGenerator;
import io.github.microcred.core.Workload;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Acceptance: seeded generated micro-credentials export to valid graphs and import back with every carried field. */
class ExportImportTest {
  static final long SEED = 0x5EEDC7D1L;
  static final int CASES = 1200;

  /** Generated micro-credentials: complete, partial and title-only, from core's seeded generator. */
  static MicroCredential generate(SplittableRandom r, int i) {
    return switch (i % 5) {
      case 0, 1 -> MicroCredentialGenerator.generate(r);
      case 4 -> MicroCredentialGenerator.generateMinimal(r);
      default -> MicroCredentialGenerator.generatePartial(r);
    };
  }

  static List<String> orgs(List<Organization> l) {
    return l.stream().map(o -> o.name() + "|" + o.id().filter(ExportImportTest::uri).orElse("") + "|"
        + o.country().orElse("") + "|" + o.url().orElse("") + "|" + o.email().orElse("")).collect(Collectors.toList());
  }

  static boolean uri(String s) {
    return s.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:[^\\s\"<>{}|^`\\\\]+$");
  }

  /** What CTDL carries of the identity-verification step: supervised or not, online or onsite. */
  static Optional<IdentityVerification> carried(Optional<IdentityVerification> v) {
    return v.map(x -> x == IdentityVerification.UNSUPERVISED ? x
        : x.name().startsWith("ONLINE") ? IdentityVerification.ONLINE_ONE_FACTOR
        : x.name().startsWith("ONSITE") ? IdentityVerification.ONSITE_ONE_FACTOR
        : IdentityVerification.SUPERVISED_IDENTITY_NOT_VERIFIED);
  }

  @Test
  void generatedMicroCredentialsExportValidAndRoundTripEveryCarriedField() throws CtdlException {
    SplittableRandom rnd = new SplittableRandom(SEED);
    for (int i = 0; i < CASES; i++) {
      MicroCredential mc = generate(rnd, i);
      CtdlGraph g = Ctdl.export(mc);
      CtdlReport rep = g.validate();
      String ctx = "case " + i + " (seed " + SEED + "): " + mc + "\n" + g.toJson();
      assertTrue(rep.schemaErrors().isEmpty(), () -> ctx + "\n" + rep);
      assertTrue(GraphCtid.matches(g.ctid()), ctx);
      assertTrue(!mc.title().isBlank());
      CtdlImport imp = Ctdl.importRecord(g.toJson().toPrettyString());
      assertEquals(List.of(), imp.warnings().stream().filter(w -> w.message().startsWith("unmapped")
          || w.message().startsWith("node")).toList(), ctx);
      MicroCredential b = imp.microCredential().orElseThrow();
      assertEquals(Optional.of(mc.id().orElse(g.resourceUri())), b.id(), ctx);
      assertEquals(mc.title(), b.title(), ctx);
      assertEquals(mc.shortDescription(), b.shortDescription(), ctx);
      assertEquals(mc.certifiedLearning(), b.certifiedLearning(), ctx);
      assertEquals(mc.issuerCountry(), b.issuerCountry(), ctx);
      assertEquals(orgs(mc.awardingBodies()), orgs(b.awardingBodies()), ctx);
      assertEquals(mc.learningOutcomes(), b.learningOutcomes(), ctx);
      assertEquals(mc.workload().hours(), b.workload().hours(), ctx);
      assertEquals(mc.workload().credits().stream().map(c -> c.amount().stripTrailingZeros().toPlainString() + " " + c.unit()).toList(),
          b.workload().credits().stream().map(c -> c.amount().stripTrailingZeros().toPlainString() + " " + c.unit()).toList(), ctx);
      assertEquals(mc.levels(), b.levels(), ctx);
      assertEquals(mc.equivalentLevel().filter(l -> l != EquivalentLevel.NOT_AT_DEGREE_LEVEL), b.equivalentLevel(), ctx);
      assertEquals(mc.participation(), b.participation(), ctx);
      assertEquals(mc.assessment().types().stream().distinct().toList(), b.assessment().types().stream().distinct().toList(), ctx);
      assertEquals(mc.assessment().description(), b.assessment().description(), ctx);
      assertEquals(carried(mc.identityVerification()), b.identityVerification(), ctx);
      assertEquals(mc.qualityAssurance().filter(q -> q.type() == QualityAssuranceType.EXTERNAL && !q.bodies().isEmpty())
          .map(q -> orgs(q.bodies())), b.qualityAssurance().map(q -> orgs(q.bodies())), ctx);
      assertEquals(mc.prerequisites(), b.prerequisites(), ctx);
      assertEquals(mc.stackability().map(s -> s.targets().stream().filter(ExportImportTest::uri).toList())
          .filter(t -> !t.isEmpty()), b.stackability().map(Stackability::targets), ctx);
      assertEquals(mc.furtherInformation(), b.furtherInformation(), ctx);
      if (!(mc.kind().equals(Optional.of(Kind.MICRO_CREDENTIAL_MODULE)) && mc.derivedKind().isEmpty())) {
        assertEquals(mc.kind(), b.kind(), ctx);
      }
      assertEquals(mc.competencies(), b.competencies(), ctx);
      assertEquals(mc.languages(), b.languages(), ctx);
      assertEquals(mc.validity().filter(v -> v.period().isPresent()), b.validity(), ctx);
      assertEquals(mc.entryToDegree().filter(DegreePathway::granted), b.entryToDegree(), ctx);
      assertEquals(mc.creditForDegree().filter(DegreePathway::granted), b.creditForDegree(), ctx);
      CtdlGraph g2 = Ctdl.export(b);
      assertEquals(g.ctid(), g2.ctid(), ctx);
      assertEquals(g2, Ctdl.export(Ctdl.importRecord(g2.toJson()).microCredential().orElseThrow()),
          ctx + "\nexport ∘ import is a fixed point from the second round trip");
    }
  }

  static final class GraphCtid {
    static boolean matches(String s) {
      return s.matches("^ce-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    }
  }

  @Test
  void classComesFromTheKindAndIsNeverAbstract() throws CtdlException {
    MicroCredential skill = MicroCredential.builder("Skill").workload(Workload.ofHours(8)).build();
    MicroCredential module = MicroCredential.builder("Module").workload(Workload.ofHours(100)).build();
    MicroCredential slp = MicroCredential.builder("Programme").workload(Workload.ofHours(600)).build();
    assertEquals("ceterms:DigitalBadge", type(Ctdl.export(skill)));
    assertEquals("ceterms:MicroCredential", type(Ctdl.export(module)));
    assertEquals("ceterms:Certificate", type(Ctdl.export(slp)));
    assertEquals("ceterms:OpenBadge", type(Ctdl.exporter().withCtdlClass("ceterms:OpenBadge").export(skill)));
    CtdlException e = assertThrows(CtdlException.class, () -> Ctdl.exporter().withCtdlClass("ceterms:Credential"));
    assertEquals(CtdlErrorCode.INVALID_ARGUMENT, e.code());
  }

  static String type(CtdlGraph g) {
    return g.toJson().get("@graph").get(0).get("@type").asText();
  }

  @Test
  void creditGoesThroughRequiresConditionProfileAndEctsIsNamedInText() {
    MicroCredential mc = MicroCredential.builder("Module").workload(Workload.ofCredits(CreditValue.of(5, CreditUnit.ECTS),
        CreditValue.of(3, CreditUnit.US_SEMESTER_HOUR))).build();
    JsonNode main = Ctdl.export(mc).toJson().get("@graph").get(0);
    assertFalse(main.has("ceterms:creditValue"));
    JsonNode ects = main.get("ceterms:requires").get(0);
    assertEquals("ceterms:ConditionProfile", ects.get("@type").asText());
    JsonNode vp = ects.get("ceterms:creditValue").get(0);
    assertEquals("ceterms:ValueProfile", vp.get("@type").asText());
    assertEquals(5.0, vp.get("schema:value").asDouble());
    assertFalse(vp.has("ceterms:creditUnitType"), "CTDL has no ECTS concept");
    assertEquals("ECTS credits", ects.get("ceterms:creditUnitTypeDescription").get("en").asText());
    JsonNode sh = main.get("ceterms:requires").get(1).get("ceterms:creditValue").get(0);
    assertEquals("creditUnit:SemesterHour", sh.get("ceterms:creditUnitType").get(0).get("ceterms:targetNode").asText());
  }

  @Test
  void stackingTargetBecomesAPathwayWithARequiredNumber() throws CtdlException {
    MicroCredential mc = MicroCredential.builder("Certificate in Data").workload(Workload.ofHours(300)).build();
    List<String> parts = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      parts.add("ce-00000000-0000-4000-8000-00000000000" + k);
    }
    CtdlGraph g = Ctdl.exporter().withStackingTarget(3, parts).export(mc);
    assertTrue(g.validate().schemaErrors().isEmpty(), g.validate()::toString);
    JsonNode graph = g.toJson().get("@graph");
    JsonNode cond = null;
    int pathways = 0;
    for (JsonNode n : graph) {
      pathways += n.get("@type").asText().equals("ceterms:Pathway") ? 1 : 0;
      if (n.has("ceterms:hasCondition")) {
        cond = n.get("ceterms:hasCondition").get(0);
      }
    }
    assertEquals(1, pathways);
    List<String> hasPart = new ArrayList<>();
    graph.get(0).get("ceterms:hasPart").forEach(x -> hasPart.add(x.asText()));
    assertEquals(parts.stream().map(c -> "https://credentialengineregistry.org/resources/" + c).toList(), hasPart);
    assertEquals(3, cond.get("ceterms:requiredNumber").asInt());
    assertEquals(4, cond.get("ceterms:targetComponent").size());
    assertThrows(CtdlException.class, () -> Ctdl.exporter().withStackingTarget(5, parts));
  }

  @Test
  void ob3Bridge() {
    assertEquals("ceterms:MicroCredential", Ctdl.classForAchievementType("MicroCredential"));
    assertEquals("ceterms:OpenBadge", Ctdl.classForAchievementType("Badge"));
    assertEquals("ceterms:OpenBadge", Ctdl.classForAchievementType("Degree"));
    assertEquals("ceterms:OpenBadge", Ctdl.classForAchievementType("ext:Hackathon"));
    assertEquals("ceterms:CertificateOfCompletion", Ctdl.classForAchievementType("CertificateOfCompletion"));
    CtdlGraph g = Ctdl.export(MicroCredential.builder("Text analysis").build());
    JsonNode a = Ctdl.ob3Alignment(g, "Text analysis");
    assertEquals("[\"Alignment\"]", a.get("type").toString());
    assertEquals(g.ctid(), a.get("targetCode").asText());
    assertEquals("ceterms:Credential", a.get("targetType").asText());
    assertEquals("Credential Transparency Description Language", a.get("targetFramework").asText());
    assertEquals("https://credentialengineregistry.org/resources/" + g.ctid(), a.get("targetUrl").asText());
  }

  @Test
  void importOfNonJsonIsATypedErrorWithLineAndColumn() {
    CtdlException e = assertThrows(CtdlException.class, () -> Ctdl.importRecord("{\"@graph\": [\n}"));
    assertEquals(CtdlErrorCode.INVALID_RECORD, e.code());
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    CtdlException e2 = assertThrows(CtdlException.class, () -> Ctdl.importRecord("{\"x\": 1}"));
    assertEquals(CtdlErrorCode.INVALID_RECORD, e2.code());
  }

  /** Every row of shared/specs/ctdl/ob3-achievementType-to-ctdl.tsv (CE Open-Badge-Publisher's mapping). */
  static java.util.stream.Stream<String> ob3Rows() throws java.io.IOException {
    return java.nio.file.Files.readAllLines(Shared.ctdl("ob3-achievementType-to-ctdl.tsv")).stream().skip(1)
        .filter(l -> !l.isBlank());
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("ob3Rows")
  void everyOb3AchievementTypeMapsAsCredentialEngineMapsIt(String line) {
    String[] row = line.split("\t");
    String expected = row[2].equals("ceterms:Degree") ? "ceterms:OpenBadge" : row[2];
    String c = Ctdl.classForAchievementType(row[0]);
    assertEquals(expected, c, row[0]);
    // and back: the class gives an achievement type that maps to the same class
    String back = Ctdl.achievementTypeForClass(c).orElseThrow();
    assertEquals(c, Ctdl.classForAchievementType(back), row[0] + " -> " + c + " -> " + back);
    if (row[1].equals("True") && c.equals("ceterms:" + row[0])) {
      assertEquals(row[0], back, "exact matches come back unchanged");
    }
  }

  @Test
  void achievementTypeForClassesWithoutAnOb3Name() {
    assertEquals(Optional.of("Badge"), Ctdl.achievementTypeForClass("ceterms:DigitalBadge"));
    assertEquals(Optional.of("MicroCredential"), Ctdl.achievementTypeForClass("https://purl.org/ctdl/terms/MicroCredential"));
    assertEquals(Optional.of("Certificate"), Ctdl.achievementTypeForClass("ceterms:ProfessionalCertificate"));
    assertEquals(Optional.empty(), Ctdl.achievementTypeForClass("ceterms:AssessmentProfile"));
  }
}
