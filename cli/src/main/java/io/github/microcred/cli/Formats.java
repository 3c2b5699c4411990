package io.github.microcred.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.core.Award;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.ctdl.Ctdl;
import io.github.microcred.ctdl.CtdlException;
import io.github.microcred.elm.Elm;
import io.github.microcred.elm.ElmException;
import io.github.microcred.elm.ElmImport;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.ob3.Awards;
import io.github.microcred.vc.ob3.MicroCredentials;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One model, four formats: which core fields Open Badges 3.0, CTDL and ELM carry, measured (not asserted) by an
 * export → import round trip of a micro-credential and its award through each format: {@code yes} when the value comes
 * back equal, {@code partly} when it comes back changed, {@code no} when it is lost.
 */
final class Formats {
  private Formats() {}

  /** One row: a core field and what each format does with it. */
  record Row(String field, String ob3, String ctdl, String elm) {}

  private record Field<T>(String name, Function<T, Object> get) {}

  private static final List<Field<MicroCredential>> FIELDS = List.of(
      new Field<>("id", m -> m.id()), new Field<>("title", MicroCredential::title),
      new Field<>("shortDescription", m -> m.shortDescription()),
      new Field<>("certifiedLearning", m -> m.certifiedLearning()),
      new Field<>("issuerCountry", m -> m.issuerCountry()), new Field<>("awardingBodies", m -> m.awardingBodies()),
      new Field<>("learningOutcomes", m -> m.learningOutcomes()), new Field<>("competencies", m -> m.competencies()),
      new Field<>("hours", m -> m.workload().hours()), new Field<>("credits", m -> m.workload().credits()),
      new Field<>("levels", m -> m.levels()), new Field<>("equivalentLevel", m -> m.equivalentLevel()),
      new Field<>("assessmentTypes", m -> m.assessment().types()),
      new Field<>("assessmentDescription", m -> m.assessment().description()),
      new Field<>("assessmentComplexity", m -> m.assessment().complexity()), new Field<>("rubric", m -> m.assessment().rubric()),
      new Field<>("participation", m -> m.participation()),
      new Field<>("learningSetting", m -> m.learningSetting()),
      new Field<>("fieldsOfEducation", m -> m.fieldsOfEducation()),
      new Field<>("qualityAssurance", m -> m.qualityAssurance()),
      new Field<>("prerequisites", m -> m.prerequisites()),
      new Field<>("identityVerification", m -> m.identityVerification()), new Field<>("grading", m -> m.grading()),
      new Field<>("stackability", m -> m.stackability()),
      new Field<>("furtherInformation", m -> m.furtherInformation()),
      new Field<>("creditBearing", m -> m.creditBearingStated()), new Field<>("kindOverride", m -> m.kindOverride()),
      new Field<>("languages", m -> m.languages()), new Field<>("validity", m -> m.validity()),
      new Field<>("entryToDegree", m -> m.entryToDegree()), new Field<>("creditForDegree", m -> m.creditForDegree()));

  private static final List<Field<Award>> AWARD_FIELDS = List.of(
      new Field<>("award: learner", Award::learner), new Field<>("award: learnerName", a -> a.learnerName()),
      new Field<>("award: issuer", a -> a.issuer()), new Field<>("award: issuedOn", Award::issuedOn),
      new Field<>("award: awardedDate", a -> a.awardedDate()), new Field<>("award: validUntil", a -> a.validUntil()),
      new Field<>("award: grade", a -> a.grade()), new Field<>("award: results", a -> a.results()),
      new Field<>("award: evidence", a -> a.evidence()));

  /**
   * The table for a micro-credential and its award (fields the micro-credential leaves empty are skipped).
   *
   * @param award the award (its micro-credential is exported)
   * @param issuerId the OB3 issuer id
   * @return the rows
   */
  static List<Row> table(Award award, String issuerId) {
    MicroCredential mc = award.microCredential();
    Award ob3;
    MicroCredential ctdl;
    ElmImport elm;
    try {
      ob3 = Awards.fromCredential(MicroCredentials.toOpenBadge(award, issuerId).toJson());
      ctdl = Ctdl.importRecord(Ctdl.export(mc).toJson()).microCredential().orElseThrow();
      elm = Elm.importCredential(Elm.export(mc, award).toJson());
    } catch (VcException | CtdlException | ElmException e) {
      throw new CliException(Main.FAILED, "format round trip failed: " + e.getMessage());
    }
    List<Row> rows = new ArrayList<>();
    for (Field<MicroCredential> f : FIELDS) {
      Object before = f.get().apply(mc);
      if (empty(before)) {
        continue;
      }
      rows.add(new Row(f.name(), verdict(before, f.get().apply(ob3.microCredential())),
          verdict(before, f.get().apply(ctdl)), verdict(before, f.get().apply(elm.microCredential()))));
    }
    for (Field<Award> f : AWARD_FIELDS) {
      Object before = f.get().apply(award);
      if (empty(before)) {
        continue;
      }
      rows.add(new Row(f.name(), verdict(before, f.get().apply(ob3)), "n/a",
          elm.award().map(a -> verdict(before, f.get().apply(a))).orElse("no")));
    }
    return rows;
  }

  static String verdict(Object before, Object after) {
    if (empty(after)) {
      return "no";
    }
    return same(before, after) ? "yes" : "partly";
  }

  private static boolean same(Object a, Object b) {
    Object x = a instanceof Optional<?> o ? o.orElse(null) : a;
    Object y = b instanceof Optional<?> o ? o.orElse(null) : b;
    if (x instanceof BigDecimal p && y instanceof BigDecimal q) {
      return p.compareTo(q) == 0;
    }
    return Objects.equals(x, y);
  }

  private static boolean empty(Object v) {
    return v == null || v instanceof Optional<?> o && o.isEmpty() || v instanceof Collection<?> c && c.isEmpty();
  }

  /**
   * The table as Markdown, as the README shows it.
   *
   * @param rows the rows
   * @return the lines
   */
  static String markdown(List<Row> rows) {
    StringBuilder s = new StringBuilder("| core field | OB3 / CLR | CTDL | ELM |\n|---|---|---|---|\n");
    for (Row r : rows) {
      s.append("| `").append(r.field()).append("` | ").append(r.ob3()).append(" | ").append(r.ctdl()).append(" | ")
          .append(r.elm()).append(" |\n");
    }
    return s.toString();
  }

  /** The kind of a document, read from its contexts and type. */
  enum Kind { CORE, OB3, CTDL, ELM }

  static Kind kindOf(JsonNode doc) {
    String ctx = doc.path("@context").toString();
    if (ctx.contains(Elm.EDC_CONTEXT) || doc.has("credential") && doc.get("credential").path("@context").toString()
        .contains(Elm.EDC_CONTEXT) || doc.has("payload") && doc.has("signatures")) {
      return Kind.ELM;
    }
    if (ctx.contains("credreg.net") || doc.has("@graph") && !ctx.contains("credentials")) {
      return Kind.CTDL;
    }
    if (ctx.contains("purl.imsglobal.org/spec/ob/")) {
      return Kind.OB3;
    }
    return Kind.CORE;
  }
}
