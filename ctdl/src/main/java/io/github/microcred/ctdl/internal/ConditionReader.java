package io.github.microcred.ctdl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code ceterms:ConditionProfile}s: the credit, learning outcomes, assessment and entry requirements of
 * {@code ceterms:requires}, and the degree routes of {@code isPreparationFor} / {@code isAdvancedStandingFor}. A
 * profile's name and description are read only where they carry something (or are this library's own
 * boilerplate); otherwise they stay unread and so are reported with their path.
 */
final class ConditionReader {
  private static final Set<String> OWN_NAMES = Set.of("Credit", CtdlWriter.LEARNING_OUTCOMES, "Assessment",
      "Entry requirements");

  private final ReadContext ctx;
  private final CreditReader credits;
  private final CompetencyReader competencies;
  private final AssessmentReader assessments;

  ConditionReader(ReadContext ctx, CreditReader credits, CompetencyReader competencies,
      AssessmentReader assessments) {
    this.ctx = ctx;
    this.credits = credits;
    this.competencies = competencies;
    this.assessments = assessments;
  }

  /**
   * Reads one condition of {@code ceterms:requires} into the model.
   *
   * @param node the condition profile
   */
  void requirement(JsonNode node) {
    NodeCursor cp = ctx.at(node);
    CtdlModel m = ctx.model();
    cp.use("@type");
    int creditsBefore = m.credits.size();
    boolean credit = false;
    String unitDescription = cp.firstText("ceterms:creditUnitTypeDescription");
    for (JsonNode v : cp.all("ceterms:creditValue")) {
      credit |= credits.read(v, unitDescription);
    }
    credit |= credits.readLegacyHours(cp);
    for (JsonNode v : cp.all("ceterms:targetCompetency")) {
      competencies.target(v);
    }
    for (JsonNode v : cp.all("ceterms:targetAssessment")) {
      JsonNode a = ctx.resolve(v);
      if (a != null && a.isObject() && m.assessment == null) {
        m.assessment = assessments.read(a);
      } else if (m.assessment == null) {
        m.assessment = new CtdlModel.Assessment();
        m.assessment.ctid = Ctids.lowerAtEnd(v.asText());
      }
    }
    if (!credit) {
      m.prerequisites.addAll(cp.texts("ceterms:condition"));
      for (JsonNode v : cp.all("ceterms:targetCredential")) {
        m.prerequisiteCredentials.add(ctx.reference(v, cp.path("ceterms:targetCredential")));
      }
    }
    String name = cp.peekFirstText("ceterms:name");
    String description = cp.peekFirstText("ceterms:description");
    boolean learning = cp.has("ceterms:targetCompetency") || CtdlWriter.LEARNING_OUTCOMES.equals(name);
    if (name != null && OWN_NAMES.contains(name) && cp.peekText("ceterms:name").size() == 1) {
      cp.use("ceterms:name");
    }
    if (description != null && cp.peekText("ceterms:description").size() == 1) {
      boolean own = description.equals(CtdlWriter.ASSESSMENT_TEXT) || description.equals(CtdlWriter.ENTRY_TEXT)
          || description.equals(CtdlWriter.LEARNING_OUTCOMES_TEXT);
      if (m.credits.size() == creditsBefore + 1
          && description.equals(CtdlWriter.creditText(m.credits.get(creditsBefore)))) {
        own = true;
      }
      if (own) {
        cp.use("ceterms:description");
      } else if (learning && m.certifiedLearning == null) {
        m.certifiedLearning = description;
        cp.use("ceterms:description");
      }
    }
  }

  /**
   * A degree route from the one ConditionProfile of a property; any other shape (several conditions, links to
   * credentials) is left unread and so reported as unmapped.
   *
   * @param n the offering
   * @param key {@code ceterms:isPreparationFor} or {@code ceterms:isAdvancedStandingFor}
   * @param ownName the name this library's export gives the profile
   * @return the route, or null
   */
  CtdlModel.DegreeRoute degreeRoute(NodeCursor n, String key, String ownName) {
    List<JsonNode> values = n.peekAll(key);
    if (values.size() != 1 || !values.get(0).isObject()
        || !ctx.at(values.get(0)).types().equals(List.of("ceterms:ConditionProfile"))) {
      return null;
    }
    n.get(key);
    NodeCursor cp = ctx.at(values.get(0));
    cp.use("@type");
    CtdlModel.DegreeRoute route = new CtdlModel.DegreeRoute();
    route.programmes.addAll(cp.texts("ceterms:condition"));
    List<JsonNode> credit = cp.peekAll("ceterms:creditValue");
    if (credit.size() == 1) {
      cp.get("ceterms:creditValue");
      List<CtdlModel.Credit> all = ctx.model().credits;
      int before = all.size();
      String unitDescription = cp.firstText("ceterms:creditUnitTypeDescription");
      if (credits.read(credit.get(0), unitDescription)) {
        route.credit = all.remove(before);
      }
    }
    if (ownName.equals(cp.peekFirstText("ceterms:name")) && cp.peekText("ceterms:name").size() == 1) {
      cp.use("ceterms:name");
    }
    String description = cp.peekFirstText("ceterms:description");
    if (description != null && description.equals(CtdlWriter.degreeRouteText(ownName, route))) {
      cp.use("ceterms:description");
    }
    return route;
  }
}
