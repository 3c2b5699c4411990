package io.github.microcred.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * How complete a micro-credential's description is: the share of the EU Annex I mandatory elements, the EU
 * optional elements and Oliver's critical information summary fields that are present, with the names of
 * those missing. (The learner's identification and the date of issue belong to an {@link Award}, so they are
 * not counted here.)
 *
 * @param euMandatory percentage of EU mandatory elements present, 0–100
 * @param euOptional percentage of EU optional elements present, 0–100
 * @param oliver percentage of Oliver's summary fields present, 0–100
 * @param missingEuMandatory the EU mandatory elements missing
 * @param missingEuOptional the EU optional elements missing
 * @param missingOliver Oliver's fields missing
 */
public record Completeness(
    double euMandatory,
    double euOptional,
    double oliver,
    List<String> missingEuMandatory,
    List<String> missingEuOptional,
    List<String> missingOliver) {

  /** Copies. */
  public Completeness {
    missingEuMandatory = List.copyOf(missingEuMandatory);
    missingEuOptional = List.copyOf(missingEuOptional);
    missingOliver = List.copyOf(missingOliver);
  }

  private static final List<Check> EU_MANDATORY = List.of(
      c("title", m -> true),
      c("country or region of the issuer", m -> m.issuerCountry().isPresent()),
      c("awarding body", m -> !m.awardingBodies().isEmpty()),
      c("learning outcomes", m -> !m.learningOutcomes().isEmpty()),
      c("notional workload", m -> m.workload().hours().isPresent() || !m.workload().credits().isEmpty()),
      c("level", m -> !m.levels().isEmpty()),
      c("type of assessment", m -> !m.assessment().types().isEmpty()),
      c("form of participation", m -> m.participation().isPresent()),
      c("type of quality assurance", m -> m.qualityAssurance().isPresent()));

  private static final List<Check> EU_OPTIONAL = List.of(
      c("prerequisites", m -> !m.prerequisites().isEmpty()),
      c("supervision and identity verification", m -> m.identityVerification().isPresent()),
      c("grade", m -> m.grading().isPresent()),
      c("integration / stackability options", m -> m.stackability().isPresent()),
      c("further information", m -> m.furtherInformation().isPresent()));

  private static final List<Check> OLIVER = List.of(
      c("name of certificate", m -> true),
      c("short description", m -> m.shortDescription().isPresent()),
      c("certified learning", m -> m.certifiedLearning().isPresent()),
      c("how learner participated", m -> m.participation().isPresent()),
      c("effort required (hours)", m -> m.workload().hours().isPresent()),
      c("complexity of main assessment task", m -> m.assessment().complexity().isPresent()),
      c("supervision and identity verification", m -> m.identityVerification().isPresent()),
      c("equivalent level", m -> m.equivalentLevel().isPresent() || !m.levels().isEmpty()),
      c("quality assurance", m -> m.qualityAssurance().isPresent()),
      c("entry to a degree programme", m -> m.entryToDegree().isPresent()),
      c("credit for a degree programme", m -> m.creditForDegree().isPresent()));

  private record Check(String name, Predicate<MicroCredential> present) {}

  private static Check c(String name, Predicate<MicroCredential> present) {
    return new Check(name, present);
  }

  /**
   * Measures a micro-credential.
   *
   * @param m the micro-credential
   * @return the completeness
   */
  public static Completeness of(MicroCredential m) {
    List<String> a = missing(EU_MANDATORY, m);
    List<String> b = missing(EU_OPTIONAL, m);
    List<String> c = missing(OLIVER, m);
    return new Completeness(pct(EU_MANDATORY.size(), a.size()), pct(EU_OPTIONAL.size(), b.size()),
        pct(OLIVER.size(), c.size()), a, b, c);
  }

  private static List<String> missing(List<Check> checks, MicroCredential m) {
    List<String> out = new ArrayList<>();
    for (Check c : checks) {
      if (!c.present().test(m)) {
        out.add(c.name());
      }
    }
    return out;
  }

  private static double pct(int total, int missing) {
    return Math.round(1000.0 * (total - missing) / total) / 10.0;
  }
}
