package io.github.microcred.core;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders Oliver's critical information summary (Oliver 2019, p. 25) of a micro-credential as plain text, in
 * the order of the summary: title and description, certified learning, participation, effort, assessment
 * complexity, supervision and identity verification, equivalent level, quality assurance, entry and credit
 * toward a degree, plus the EU elements that the summary does not name.
 */
public final class CriticalInformationSummary {

  private CriticalInformationSummary() {}

  /**
   * The summary as text, one field a line; absent fields read "not stated".
   *
   * @param m the micro-credential
   * @return the text
   */
  public static String toText(MicroCredential m) {
    StringBuilder s = new StringBuilder();
    line(s, "Title", m.title());
    line(s, "Description", m.shortDescription().orElse(NS));
    line(s, "Certified learning", m.certifiedLearning().orElse(NS));
    line(s, "Awarded by", m.awardingBodies().isEmpty() ? NS
        : m.awardingBodies().stream().map(Organization::name).collect(Collectors.joining(", "))
            + m.issuerCountry().map(c -> " (" + c + ")").orElse(""));
    line(s, "Learning outcomes", m.learningOutcomes().isEmpty() ? NS : m.learningOutcomes().size() + " stated");
    line(s, "How learner participated", m.participation().map(CriticalInformationSummary::words).orElse(NS));
    line(s, "Effort required", m.workload().hours().map(h -> h.toPlainString() + " h").orElse(NS)
        + (m.workload().credits().isEmpty() ? "" : "; " + m.workload().credits().stream().map(CreditValue::toString).collect(Collectors.joining(", ")))
        + m.kind().map(k -> " [" + words(k) + "]").orElse(""));
    line(s, "Credit-bearing", m.isCreditBearing() ? "yes" : "no");
    line(s, "Level", m.levels().isEmpty() ? NS : m.levels().stream().map(Level::toString).collect(Collectors.joining(", ")));
    line(s, "Assessment", m.assessment().types().isEmpty() ? NS : list(m.assessment().types()));
    line(s, "Complexity of main assessment task", m.assessment().complexity().map(CriticalInformationSummary::words).orElse(NS));
    line(s, "Supervision and identity verification", m.identityVerification().map(CriticalInformationSummary::words).orElse(NS));
    line(s, "Equivalent level", m.equivalentLevel().map(CriticalInformationSummary::words).orElse(NS));
    line(s, "Quality assurance", m.qualityAssurance().map(q -> words(q.type())
        + (q.bodies().isEmpty() ? "" : " by " + q.bodies().stream().map(Organization::name).collect(Collectors.joining(", "))))
        .orElse(NS));
    line(s, "Entry to a degree programme", m.entryToDegree().map(DegreePathway::toString).orElse(NS));
    line(s, "Credit for a degree programme", m.creditForDegree().map(DegreePathway::toString).orElse(NS));
    line(s, "Stackability", m.stackability().map(x -> words(x.option()) + (x.targets().isEmpty() ? "" : " into " + x.targets())).orElse(NS));
    line(s, "Validity", m.validity().map(ValidityPolicy::toString).orElse(NS));
    return s.toString();
  }

  private static final String NS = "not stated";

  private static void line(StringBuilder s, String label, String value) {
    s.append(String.format(Locale.ROOT, "%-38s %s%n", label + ":", value));
  }

  private static String words(Enum<?> e) {
    String w = e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  private static String list(List<? extends Enum<?>> es) {
    return es.stream().map(CriticalInformationSummary::words).collect(Collectors.joining(", "));
  }
}
