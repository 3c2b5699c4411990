package io.github.microcred.cli;

import io.github.microcred.core.Award;
import io.github.microcred.core.LearnerIdentity;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.elm.Elm;
import io.github.microcred.elm.ElmCredential;
import io.github.microcred.elm.ElmException;
import io.github.microcred.elm.ElmReport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The demo's ELM step: the same micro-credential and award as a Europass EDC credential, its Annex I check, and the
 * one-model-four-formats table (measured by round trips) as a summary and a file.
 */
final class ElmDemoStep {
  private ElmDemoStep() {}

  static void run(DemoCommand.Story story, MicroCredential mc, String issuerId) {
    Award award = award(mc, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    ElmCredential edc;
    try {
      edc = Elm.exporter().withIssuerLegalIdentifier("VATIE-9999999X").export(mc, award);
    } catch (ElmException e) {
      throw new CliException(Main.FAILED, "the sample's ELM export failed: " + e.getMessage());
    }
    ElmReport annexI = Elm.check(edc.toJson());
    story.step("export it to Europass (ELM / EDC)", "EuropeanDigitalCredential " + edc.id() + "; Annex I "
        + (annexI.valid() ? "complete" : "INCOMPLETE") + "; " + edc.warnings().size() + " export warning(s) "
        + "(microcred concepts where EU Vocabularies has none, fields ELM cannot carry)");
    List<Formats.Row> rows = Formats.table(award, issuerId);
    story.detail("one model, four formats (" + rows.size() + " fields of this micro-credential and award, by round "
        + "trip):");
    story.detail("  OB3 / CLR: " + summary(rows, 1) + " (OB3 properties plus the signed microcred extension)");
    story.detail("  CTDL:      " + summary(rows, 2));
    story.detail("  ELM:       " + summary(rows, 3));
    story.file("elm-credential.json", edc.toJson().toPrettyString(), "mcred elm import {}");
    story.file("formats.md", Formats.markdown(rows), null);
  }

  /** The demo's award: every award field set, so that the table covers them. */
  static Award award(MicroCredential mc, Instant issued) {
    return Award.builder(mc, LearnerIdentity.did(DemoCommand.LEARNER), issued).learnerName("Aoife Murphy")
        .awardedDate(LocalDate.ofInstant(issued, ZoneOffset.UTC).minusDays(3))
        .validUntil(issued.plus(Duration.ofDays(5 * 365))).grade("Pass")
        .result(new Award.Result("Data project rubric", "Proficient"))
        .evidence(new Award.Evidence("https://www.example.edu/portfolio/learner-1/data-project", "Data project",
            "A cleaned and charted open data set on regional bus punctuality."))
        .build();
  }

  private static String summary(List<Formats.Row> rows, int column) {
    long yes = rows.stream().filter(r -> cell(r, column).equals("yes")).count();
    String partly = names(rows, column, "partly");
    String no = names(rows, column, "no");
    long na = rows.stream().filter(r -> cell(r, column).equals("n/a")).count();
    return yes + " carried" + (partly.isEmpty() ? "" : "; changed: " + partly) + (no.isEmpty() ? "" : "; lost: " + no)
        + (na == 0 ? "" : "; " + na + " award fields n/a (CTDL describes offerings)");
  }

  private static String names(List<Formats.Row> rows, int column, String verdict) {
    return rows.stream().filter(r -> cell(r, column).equals(verdict)).map(Formats.Row::field)
        .map(f -> f.replace("award: ", "award."))
        .collect(Collectors.joining(", "));
  }

  private static String cell(Formats.Row r, int column) {
    return switch (column) {
      case 1 -> r.ob3();
      case 2 -> r.ctdl();
      default -> r.elm();
    };
  }
}
