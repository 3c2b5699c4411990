package io.github.microcred.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.CreditUnit;
import io.github.microcred.core.CreditValue;
import io.github.microcred.core.DegreePathway;
import io.github.microcred.core.Level;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.Workload;
import io.github.microcred.stacking.AuditResult;
import io.github.microcred.stacking.Catalogue;
import io.github.microcred.stacking.Plan;
import io.github.microcred.stacking.Rules;
import io.github.microcred.stacking.Stacking;
import io.github.microcred.stacking.StackingException;
import io.github.microcred.stacking.Transcript;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.VcException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's last step: the learner's signed Open Badges credentials are verified, only the verified ones become
 * the stacking transcript, which is audited against a sample qualification; then the cheapest completion is planned
 * from a sample catalogue. The rules and catalogue are {@code examples/stacking/certificate-rules.json} and
 * {@code examples/stacking/catalogue.json} (shipped as resources of the CLI).
 */
final class StackingDemoStep {
  static final String RULES = "/io/github/microcred/cli/demo/certificate-rules.json";
  static final String CATALOGUE = "/io/github/microcred/cli/demo/catalogue.json";
  static final String LEARNER = "did:example:learner-1";

  private StackingDemoStep() {}

  static String resource(String name) {
    try (InputStream in = StackingDemoStep.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new CliException(Main.FAILED, "missing demo resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException(Main.FAILED, "cannot read demo resource " + name + ": " + e.getMessage());
    }
  }

  /** Another micro-credential of the same programme, derived from the demo's sample. */
  static MicroCredential variant(MicroCredential base, String slug, String title, int ects, int eqf) {
    return base.toBuilder().id("https://credentials.example.edu/micro/" + slug).title(title)
        .workload(Workload.ofHours(25L * ects).withCredit(CreditValue.of(ects, CreditUnit.ECTS))).levels(List.of(Level.eqf(eqf)))
        .creditForDegree(DegreePathway.none()).build();
  }

  static void run(DemoCommand.Story story, MicroCredential sample, KeyPair issuer) throws VcException {
    List<MicroCredential> earned = List.of(sample,
        variant(sample, "statistics-for-policy", "Statistics for Policy Analysis", 3, 6),
        variant(sample, "data-visualisation", "Data Visualisation for Public Services", 2, 6),
        variant(sample, "spreadsheet-basics", "Spreadsheet Basics", 1, 4));
    VerifiedTranscript vt = new VerifiedTranscript();
    List<String> files = new ArrayList<>();
    Instant awarded = Instant.now().minus(Duration.ofDays(1)).truncatedTo(
        ChronoUnit.SECONDS);
    for (MicroCredential mc : earned) {
      ObjectNode signed = Credentials.issue(mc, LEARNER, issuer,
          Clock.fixed(awarded, ZoneOffset.UTC)).get();
      String slug = mc.id().orElseThrow().substring(mc.id().orElseThrow().lastIndexOf('/') + 1);
      if (slug.equals("data-visualisation")) {
        // the learner's copy was altered after signing: it must not count
        ((ObjectNode) signed.at("/credentialSubject/achievement")).put("name", "Advanced Data Visualisation");
      }
      Path f = story.path("learner/" + slug + ".json");
      CliFiles.write(f, signed.toPrettyString());
      files.add(f.toString());
      vt.add(f.toString(), signed.toString());
    }
    if (vt.verified.size() != earned.size() - 1 || vt.excluded.size() != 1) {
      throw new CliException(Main.FAILED, "expected exactly the altered credential to fail verification");
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String rulesText = resource(RULES);
    String catalogueText = resource(CATALOGUE);
    try {
      Rules rules = Rules.fromJson(rulesText);
      Transcript transcript = vt.transcript();
      AuditResult audit = vt.withExclusions(Stacking.audit(rules, transcript, today));
      Catalogue catalogue = Catalogue.fromJson(catalogueText);
      Plan plan = Stacking.planner(rules, catalogue).withObjective(Plan.Objective.COST)
          .withBudget(Duration.ofSeconds(1)).plan(transcript, today);
      if (audit.satisfied() || !plan.satisfied() || !plan.audit().satisfied()) {
        throw new CliException(Main.FAILED, "the stacking demo did not come out as expected");
      }
      String shortfall = audit.summary().lines().map(String::strip).filter(l -> l.startsWith("shortfall:"))
          .findFirst().orElse("");
      story.step("audit the learner's credentials against a qualification", earned.size() + " signed credentials, "
          + vt.verified.size() + " verify (" + vt.excluded.get(0).source() + " was altered after signing: "
          + vt.excluded.get(0).detail() + "); " + rules.id() + ": " + (audit.satisfied() ? "SATISFIED"
          : "NOT SATISFIED") + ", " + audit.countedCredits().toPlainString() + " " + audit.unit() + " counted"
          + (shortfall.isEmpty() ? "" : "; " + shortfall));
      for (String line : audit.summary().split("\n")) {
        if (line.strip().startsWith("excluded")) {
          story.detail(line.strip());
        }
      }
      Path rulesFile = story.file("certificate-rules.json", rulesText, null);
      String again = "mcred audit --text --rules " + rulesFile + " --transcript " + String.join(" ", files);
      story.file("audit-result.json", audit.toJson().toPrettyString(), again
          + "   (exit 1: not satisfied yet)");
      story.step("plan the cheapest completion", plan.satisfied() ? String.join(" -> ", plan.items()) + " (cost "
          + plan.value().toPlainString() + ", " + (plan.optimal() ? "proven optimal" : "gap "
          + plan.gap().toPlainString()) + ")" : "none in the catalogue");
      Path catalogueFile = story.file("catalogue.json", catalogueText, null);
      story.file("plan.json", plan.toJson().toPrettyString(), "mcred plan --text --rules " + rulesFile + " --catalogue "
          + catalogueFile + " --transcript " + String.join(" ", files));
    } catch (StackingException e) {
      throw new CliException(Main.FAILED, "stacking demo: " + e.getMessage());
    }
  }
}
