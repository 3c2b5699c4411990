package io.github.microcred.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.core.internal.Json;
import io.github.microcred.core.internal.JsonCodec;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates micro-credentials and awards, reporting <b>all</b> problems, each an {@link Issue} with a JSON path, a
 * {@link CoreIssueCode}, a severity and a message. Validating JSON text never throws: a syntax error is a {@code MALFORMED_JSON}
 * issue with line and column.
 *
 * <p>Errors: a missing EU Annex I mandatory element ({@code MISSING_TITLE}, {@code MISSING_ISSUER_COUNTRY},
 * {@code MISSING_AWARDING_BODY}, {@code MISSING_LEARNING_OUTCOMES}, {@code MISSING_WORKLOAD},
 * {@code MISSING_LEVEL}, {@code MISSING_ASSESSMENT_TYPE}, {@code MISSING_PARTICIPATION},
 * {@code MISSING_QUALITY_ASSURANCE}; on awards also {@code MISSING_LEARNER} and {@code MISSING_ISSUE_DATE}),
 * malformed values ({@code INVALID_COUNTRY}, {@code INVALID_LANGUAGE}, {@code INVALID_URI},
 * {@code DUPLICATE_CREDIT_UNIT}) and anything the JSON cannot be bound to. Warnings: Oliver's word limits
 * ({@code SHORT_DESCRIPTION_TOO_LONG} over 30 words, {@code CERTIFIED_LEARNING_TOO_LONG} over 100),
 * {@code KIND_OVERRIDDEN}, {@code HOURS_OUTSIDE_KIND_BANDS}, {@code WORKLOAD_CREDIT_MISMATCH},
 * {@code CREDIT_BEARING_WITHOUT_CREDIT}, {@code EQUIVALENT_LEVEL_MISMATCH}.
 */
public final class MicroCredentialValidator {

  private MicroCredentialValidator() {}

  /**
   * Validates a micro-credential given as JSON text.
   *
   * @param json the text
   * @return the report
   */
  public static ValidationReport validate(String json) {
    List<Issue> issues = new ArrayList<>();
    try {
      JsonNode n = Json.parse(json, issues);
      if (n != null) {
        JsonCodec c = new JsonCodec();
        MicroCredential m = c.readMicroCredential(n, "$");
        issues.addAll(c.issues());
        if (m != null) {
          check(m, "$", issues);
        } else if (n.isObject()) {
          missingFromTree(n, issues);
        }
      }
    } catch (RuntimeException e) {
      issues.add(internal(e));
    }
    return new ValidationReport(dedupe(issues));
  }

  /**
   * Validates an award given as JSON text.
   *
   * @param json the text
   * @return the report
   */
  public static ValidationReport validateAward(String json) {
    List<Issue> issues = new ArrayList<>();
    try {
      JsonNode n = Json.parse(json, issues);
      if (n != null) {
        JsonCodec c = new JsonCodec();
        Award a = c.readAward(n, "$");
        issues.addAll(c.issues());
        if (a != null) {
          check(a.microCredential(), "$.microCredential", issues);
        }
      }
    } catch (RuntimeException e) {
      issues.add(internal(e));
    }
    return new ValidationReport(dedupe(issues));
  }

  /**
   * Validates a micro-credential.
   *
   * @param m the micro-credential
   * @return the report
   */
  public static ValidationReport validate(MicroCredential m) {
    List<Issue> issues = new ArrayList<>();
    check(m, "$", issues);
    return new ValidationReport(issues);
  }

  /**
   * Validates an award and its micro-credential.
   *
   * @param a the award
   * @return the report
   */
  public static ValidationReport validate(Award a) {
    List<Issue> issues = new ArrayList<>();
    check(a.microCredential(), "$.microCredential", issues);
    return new ValidationReport(issues);
  }

  private static Issue internal(RuntimeException e) {
    return new Issue("$", CoreIssueCode.INTERNAL_ERROR, Severity.ERROR,
        "the validator failed on this input (" + e.getClass().getSimpleName() + "); please report it");
  }

  private static List<Issue> dedupe(List<Issue> issues) {
    return issues.stream().distinct().toList();
  }

  /** When the model could not be built at all, still name the mandatory elements the tree lacks. */
  private static void missingFromTree(JsonNode n, List<Issue> out) {
    List<Map.Entry<String, CoreIssueCode>> keys = List.of(
        Map.entry("issuerCountry", CoreIssueCode.MISSING_ISSUER_COUNTRY),
        Map.entry("awardingBodies", CoreIssueCode.MISSING_AWARDING_BODY),
        Map.entry("learningOutcomes", CoreIssueCode.MISSING_LEARNING_OUTCOMES),
        Map.entry("workload", CoreIssueCode.MISSING_WORKLOAD), Map.entry("levels", CoreIssueCode.MISSING_LEVEL),
        Map.entry("assessment", CoreIssueCode.MISSING_ASSESSMENT_TYPE),
        Map.entry("participation", CoreIssueCode.MISSING_PARTICIPATION),
        Map.entry("qualityAssurance", CoreIssueCode.MISSING_QUALITY_ASSURANCE));
    for (Map.Entry<String, CoreIssueCode> k : keys) {
      if (!n.has(k.getKey())) {
        out.add(err("$." + k.getKey(), k.getValue(), "EU Annex I mandatory element '" + k.getKey() + "' is missing"));
      }
    }
  }

  private static Issue err(String path, CoreIssueCode code, String message) {
    return new Issue(path, code, Severity.ERROR, message);
  }

  private static Issue warn(String path, CoreIssueCode code, String message) {
    return new Issue(path, code, Severity.WARNING, message);
  }

  static void check(MicroCredential m, String p, List<Issue> out) {
    // --- EU Annex I mandatory elements
    if (m.issuerCountry().isEmpty()) {
      out.add(err(p + ".issuerCountry", CoreIssueCode.MISSING_ISSUER_COUNTRY,
          "EU Annex I: the country/region of the issuer is required (ISO 3166-1 alpha-2 such as IE, or ISO 3166-2 such as DE-BY)"));
    } else if (!m.issuerCountry().get().matches("[A-Z]{2}(-[A-Z0-9]{1,3})?")) {
      out.add(err(p + ".issuerCountry", CoreIssueCode.INVALID_COUNTRY,
          "expected an ISO 3166-1 alpha-2 code (IE) or ISO 3166-2 code (DE-BY), found '" + m.issuerCountry().get() + "'"));
    }
    if (m.awardingBodies().isEmpty()) {
      out.add(err(p + ".awardingBodies", CoreIssueCode.MISSING_AWARDING_BODY, "EU Annex I: at least one awarding body is required"));
    }
    if (m.learningOutcomes().isEmpty()) {
      out.add(err(p + ".learningOutcomes", CoreIssueCode.MISSING_LEARNING_OUTCOMES, "EU Annex I: the learning outcomes are required"));
    }
    if (m.workload().hours().isEmpty() && m.workload().credits().isEmpty()) {
      out.add(err(p + ".workload", CoreIssueCode.MISSING_WORKLOAD,
          "EU Annex I: the notional workload is required, as hours and/or credits (ECTS wherever possible)"));
    }
    if (m.levels().isEmpty()) {
      out.add(err(p + ".levels", CoreIssueCode.MISSING_LEVEL, "EU Annex I: the level (EQF and/or national framework) is required"));
    }
    if (m.assessment().types().isEmpty()) {
      out.add(err(p + ".assessment.types", CoreIssueCode.MISSING_ASSESSMENT_TYPE, "EU Annex I: the type of assessment is required"));
    }
    if (m.participation().isEmpty()) {
      out.add(err(p + ".participation", CoreIssueCode.MISSING_PARTICIPATION,
          "EU Annex I: the form of participation is required (ONLINE, ONSITE or BLENDED)"));
    }
    if (m.qualityAssurance().isEmpty()) {
      out.add(err(p + ".qualityAssurance", CoreIssueCode.MISSING_QUALITY_ASSURANCE,
          "EU Annex I: the type of quality assurance is required"));
    }
    // --- well-formed values
    Set<CreditUnit> units = EnumSet.noneOf(CreditUnit.class);
    for (int i = 0; i < m.workload().credits().size(); i++) {
      if (!units.add(m.workload().credits().get(i).unit())) {
        out.add(err(p + ".workload.credits[" + i + "].unit", CoreIssueCode.DUPLICATE_CREDIT_UNIT,
            "credit in " + m.workload().credits().get(i).unit() + " is given twice"));
      }
    }
    for (int i = 0; i < m.languages().size(); i++) {
      String tag = m.languages().get(i);
      if (!tag.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*") || Locale.forLanguageTag(tag).getLanguage().isEmpty()) {
        out.add(err(p + ".languages[" + i + "]", CoreIssueCode.INVALID_LANGUAGE, "expected a BCP 47 language tag (en, de-AT), found '" + tag + "'"));
      }
    }
    for (int i = 0; i < m.competencies().size(); i++) {
      String uri = m.competencies().get(i).uri();
      if (!uri.isEmpty() && !absoluteUri(uri)) {
        out.add(err(p + ".competencies[" + i + "].uri", CoreIssueCode.INVALID_URI, "expected an absolute URI, found '" + uri + "'"));
      }
    }
    m.id().filter(id -> !absoluteUri(id)).ifPresent(id ->
        out.add(err(p + ".id", CoreIssueCode.INVALID_URI, "expected an absolute URI, found '" + id + "'")));
    // --- Oliver's summary recommendations
    m.shortDescription().filter(s -> words(s) > 30).ifPresent(s -> out.add(warn(p + ".shortDescription",
        CoreIssueCode.SHORT_DESCRIPTION_TOO_LONG, "Oliver recommends 30 words or fewer, found " + words(s))));
    m.certifiedLearning().filter(s -> words(s) > 100).ifPresent(s -> out.add(warn(p + ".certifiedLearning",
        CoreIssueCode.CERTIFIED_LEARNING_TOO_LONG, "Oliver recommends 100 words or fewer, found " + words(s))));
    // --- kind and workload consistency
    Optional<Kind> derived = m.derivedKind();
    if (m.kindOverride().isPresent() && !m.kindOverride().equals(derived)) {
      out.add(warn(p + ".kind", CoreIssueCode.KIND_OVERRIDDEN, "kind " + m.kindOverride().get() + " overrides "
          + derived.map(k -> "the kind derived from " + m.workload().hours().get().toPlainString() + " h, " + k)
              .orElse("no derivable kind")));
    } else if (m.workload().hours().isPresent() && derived.isEmpty()) {
      out.add(warn(p + ".workload.hours", CoreIssueCode.HOURS_OUTSIDE_KIND_BANDS, m.workload().hours().get().toPlainString()
          + " h is outside every kind band (skill credential 4-12 h, module 25-150 h, short learning programme 150-1500 h)"));
    }
    if (m.workload().hours().isPresent()) {
      BigDecimal h = m.workload().hours().get();
      for (int i = 0; i < m.workload().credits().size(); i++) {
        CreditValue c = m.workload().credits().get(i);
        try {
          BigDecimal ch = CreditConversions.defaults().toHours(c);
          if (ch.signum() > 0 && (h.compareTo(ch.multiply(BigDecimal.valueOf(2))) > 0
              || h.multiply(BigDecimal.valueOf(2)).compareTo(ch) < 0)) {
            out.add(warn(p + ".workload.credits[" + i + "]", CoreIssueCode.WORKLOAD_CREDIT_MISMATCH, c + " is about "
                + ch.toPlainString() + " h under the default conversion policy, but the workload is " + h.toPlainString() + " h"));
          }
        } catch (CoreException noConversion) {
          // no hours equivalence for this unit: nothing to compare
        }
      }
    }
    if (m.creditBearingStated().orElse(false) && m.workload().credits().isEmpty()) {
      out.add(warn(p + ".creditBearing", CoreIssueCode.CREDIT_BEARING_WITHOUT_CREDIT, "stated credit-bearing but no credit is given"));
    }
    if (m.equivalentLevel().isPresent()) {
      m.levels().stream().filter(Level::isEqf).findFirst().flatMap(Level::equivalentLevel)
          .filter(e -> e != m.equivalentLevel().get())
          .ifPresent(e -> out.add(warn(p + ".equivalentLevel", CoreIssueCode.EQUIVALENT_LEVEL_MISMATCH,
              "equivalent level " + m.equivalentLevel().get() + " differs from " + e + " implied by the EQF level")));
    }
  }

  private static boolean absoluteUri(String s) {
    try {
      return new URI(s).isAbsolute();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static int words(String s) {
    String t = s.trim();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }
}
