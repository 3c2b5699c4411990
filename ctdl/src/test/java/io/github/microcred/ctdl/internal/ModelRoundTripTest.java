package io.github.microcred.ctdl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.ctdl.Ctdl;
import io.github.microcred.ctdl.CtdlReport;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Writer ↔ reader on seeded random CTDL models: every written graph is schema-valid and reads back equal. */
class ModelRoundTripTest {
  static final String[] UNITS = {"ECTS", "CATS", "NZQA", "SemesterHour", "QuarterHour", "ContinuingEducationUnit",
      "ClockHour", "ContactHour"};
  static final String[] CLASSES = {"ceterms:MicroCredential", "ceterms:DigitalBadge", "ceterms:OpenBadge",
      "ceterms:Certificate", "ceterms:CertificateOfCompletion"};

  static CtdlModel random(SplittableRandom rnd, int i) {
    CtdlModel m = new CtdlModel();
    m.ctdlClass = CLASSES[rnd.nextInt(CLASSES.length)];
    m.ctid = CtdlWriter.ctid("case-" + i);
    m.name.put("en", "Micro-credential " + i);
    m.description.put("en", "Description of micro-credential " + i + " with enough words.");
    m.subjectWebpage = "https://example.org/mc/" + i;
    m.inLanguage.add("en");
    m.owner = new CtdlModel.Org();
    m.owner.name.put("en", "Issuer " + rnd.nextInt(50));
    m.owner.webpage = "https://issuer.example/" + i;
    m.owner.country = rnd.nextBoolean() ? "IE" : "NZ";
    if (rnd.nextBoolean()) {
      CtdlModel.Credit c = new CtdlModel.Credit();
      c.amount = java.math.BigDecimal.valueOf(1 + rnd.nextInt(30) / 2.0);
      c.unit = UNITS[rnd.nextInt(UNITS.length)];
      m.credits.add(c);
    }
    if (rnd.nextBoolean()) {
      m.workloadHours = 4 + rnd.nextInt(1500) / 4.0;
    }
    if (rnd.nextBoolean()) {
      CtdlModel.Level l = new CtdlModel.Level();
      int eqf = 1 + rnd.nextInt(8);
      l.framework = CtdlWriter.EQF_SCHEME;
      l.frameworkName = "European Qualifications Framework";
      l.node = "http://data.europa.eu/snb/eqf/" + eqf;
      l.nodeName = "EQF level " + eqf;
      m.levels.add(l);
    }
    if (rnd.nextBoolean()) {
      m.learningDelivery.add(new String[] {"OnlineOnly", "InPerson", "BlendedDelivery"}[rnd.nextInt(3)]);
    }
    if (rnd.nextBoolean()) {
      m.assessment = new CtdlModel.Assessment();
      m.assessment.description = "Assessment by " + new String[] {"exam", "project", "portfolio"}[rnd.nextInt(3)];
      m.assessment.methods.add(new String[] {"Exam", "Artifact", "Performance", "PortfolioEvaluation"}[rnd.nextInt(4)]);
      m.assessment.proctored = rnd.nextBoolean();
      m.assessmentDelivery.add("OnlineOnly");
    }
    int nc = rnd.nextInt(4);
    for (int k = 0; k < nc; k++) {
      CtdlModel.Competency c = new CtdlModel.Competency();
      c.text = "Outcome " + k + " of " + i;
      if (rnd.nextBoolean()) {
        c.uri = "http://data.europa.eu/esco/skill/" + CtdlWriter.ctid("s" + i + k).substring(3);
        c.frameworkUri = "http://data.europa.eu/esco/concept-scheme/skills";
        c.frameworkName = "ESCO skills";
      }
      m.competencies.add(c);
    }
    if (rnd.nextBoolean()) {
      m.prerequisites.add("Basic numeracy");
    }
    if (rnd.nextBoolean()) {
      CtdlModel.Qa q = new CtdlModel.Qa();
      q.org.name.put("en", "Quality Agency " + rnd.nextInt(5));
      q.org.webpage = "https://qa.example";
      m.qa.add(q);
    }
    if (rnd.nextBoolean()) {
      m.keywords.addAll(List.of("data", "skills"));
    }
    if (rnd.nextInt(4) == 0) {
      CtdlModel.Ref part = new CtdlModel.Ref();
      part.ctid = CtdlWriter.ctid("parent" + i);
      m.isPartOf.add(part);
    }
    if (rnd.nextInt(5) == 0) {
      m.pathway = new CtdlModel.Pathway();
      m.pathway.requiredNumber = 2;
      for (int k = 0; k < 3; k++) {
        CtdlModel.Ref c = new CtdlModel.Ref();
        c.ctid = CtdlWriter.ctid("component" + i + k);
        c.name = "Component " + k;
        m.pathway.components.add(c);
      }
    }
    return m;
  }

  @Test
  void writtenGraphsAreValidAndReadBack() {
    SplittableRandom rnd = new SplittableRandom(20260522L);
    for (int i = 0; i < 300; i++) {
      CtdlModel m = random(rnd, i);
      ObjectNode g = CtdlWriter.write(m);
      CtdlReport rep = Ctdl.validate(g);
      String ctx = "case " + i + " (seed 20260522)\n" + g.toPrettyString();
      assertTrue(rep.schemaErrors().isEmpty(), () -> ctx + "\n" + rep);
      assertTrue(rep.valid(), () -> ctx + "\n" + rep);
      CtdlReader.Result back = CtdlReader.read(g);
      assertEquals(List.of(), back.warnings.stream().filter(w -> w.message().startsWith("unmapped")
          || w.message().startsWith("node")).toList(), ctx);
      CtdlModel b = back.model;
      assertEquals(m.ctdlClass, b.ctdlClass, ctx);
      assertEquals(m.ctid, b.ctid, ctx);
      assertEquals(m.name, b.name, ctx);
      assertEquals(m.description, b.description, ctx);
      assertEquals(m.owner.name, b.owner.name, ctx);
      assertEquals(m.owner.country, b.owner.country, ctx);
      assertEquals(m.credits.size(), b.credits.size(), ctx);
      for (int k = 0; k < m.credits.size(); k++) {
        assertEquals(m.credits.get(k).amount, b.credits.get(k).amount, ctx);
        assertEquals(m.credits.get(k).unit, b.credits.get(k).unit, ctx);
      }
      assertEquals(m.workloadHours, b.workloadHours, ctx);
      assertEquals(m.levels.size(), b.levels.size(), ctx);
      for (int k = 0; k < m.levels.size(); k++) {
        assertEquals(m.levels.get(k).node, b.levels.get(k).node, ctx);
      }
      assertEquals(m.learningDelivery, b.learningDelivery, ctx);
      assertEquals(m.assessmentDelivery, b.assessmentDelivery, ctx);
      assertEquals(m.assessment == null, b.assessment == null, ctx);
      if (m.assessment != null) {
        assertEquals(m.assessment.description, b.assessment.description, ctx);
        assertEquals(m.assessment.methods, b.assessment.methods, ctx);
        assertEquals(m.assessment.proctored, b.assessment.proctored, ctx);
      }
      assertEquals(m.competencies.size(), b.competencies.size(), ctx);
      for (int k = 0; k < m.competencies.size(); k++) {
        assertEquals(m.competencies.get(k).text, b.competencies.get(k).text, ctx);
        assertEquals(m.competencies.get(k).uri, b.competencies.get(k).uri, ctx);
        assertEquals(m.competencies.get(k).frameworkUri, b.competencies.get(k).frameworkUri, ctx);
      }
      assertEquals(m.prerequisites, b.prerequisites, ctx);
      assertEquals(m.qa.size(), b.qa.size(), ctx);
      assertEquals(m.keywords, b.keywords, ctx);
      assertEquals(m.isPartOf.size(), b.isPartOf.size(), ctx);
    }
  }
}
