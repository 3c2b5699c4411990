package io.github.microcred.ctdl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.core.CreditValue;
import io.github.microcred.ctdl.CtdlProblemCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the main resource of a credential, learning opportunity or assessment record: identity, texts, owners and
 * offerers, status, jurisdiction, levels, delivery, duration, credit, conditions, degree routes, quality assurance
 * and the parts it stacks into or from.
 */
final class OfferingReader {
  private static final Pattern ISO = Pattern.compile(
      "^P(?:(\\d+(?:\\.\\d+)?)Y)?(?:(\\d+(?:\\.\\d+)?)M)?(?:(\\d+(?:\\.\\d+)?)W)?(?:(\\d+(?:\\.\\d+)?)D)?"
          + "(?:T(?:(\\d+(?:\\.\\d+)?)H)?(?:(\\d+(?:\\.\\d+)?)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?$");
  private static final List<String> QA = List.of("ceterms:accreditedBy", "ceterms:approvedBy",
      "ceterms:recognizedBy", "ceterms:regulatedBy");

  private final ReadContext ctx;
  private final OrganizationReader orgs;
  private final CreditReader credits;
  private final ConditionReader conditions;
  private final AssessmentReader assessments;

  OfferingReader(ReadContext ctx, OrganizationReader orgs, CreditReader credits, ConditionReader conditions,
      AssessmentReader assessments) {
    this.ctx = ctx;
    this.orgs = orgs;
    this.credits = credits;
    this.conditions = conditions;
    this.assessments = assessments;
  }

  /**
   * Reads the offering into the model.
   *
   * @param node the main resource
   */
  void read(JsonNode node) {
    NodeCursor n = ctx.at(node);
    CtdlModel m = ctx.model();
    CtdlReader.Kind kind = ctx.result.kind;
    n.use("@type", "@id");
    m.nodePath = n.path();
    m.ctid = n.ctid();
    m.id = node.path("@id").asText(null);
    m.name = n.text("ceterms:name");
    m.description = n.text("ceterms:description");
    m.subjectWebpage = n.string("ceterms:subjectWebpage");
    for (JsonNode l : n.all("ceterms:inLanguage")) {
      m.inLanguage.add(l.asText());
    }
    if (!m.name.isEmpty()) {
      m.lang = m.name.keySet().iterator().next();
    }
    List<String> st = n.concepts("ceterms:credentialStatusType");
    if (st.isEmpty()) {
      st = n.concepts("ceterms:lifeCycleStatusType");
    }
    m.status = st.isEmpty() ? "Active" : st.get(0);
    agents(n, m);
    m.credentialId = n.string("ceterms:credentialId");
    jurisdiction(n);
    m.dateEffective = n.string("ceterms:dateEffective");
    m.expirationDate = n.string("ceterms:expirationDate");
    m.image = n.string("ceterms:image");
    m.renewalFrequency = n.string("ceterms:renewalFrequency");
    m.keywords.addAll(n.texts("ceterms:keyword"));
    m.audienceLevels.addAll(n.concepts("ceterms:audienceLevelType"));
    levels(n, m);
    m.learningDelivery.addAll(n.concepts("ceterms:learningDeliveryType"));
    m.learningDelivery.addAll(n.concepts("ceterms:deliveryType"));
    m.assessmentDelivery.addAll(n.concepts("ceterms:assessmentDeliveryType"));
    duration(n, m);
    for (JsonNode v : n.all("ceterms:creditValue")) {
      if (kind == CtdlReader.Kind.CREDENTIAL) {
        ctx.warn(n.path("ceterms:creditValue"), CtdlProblemCode.LEGACY_SHAPE,
            "legacy creditValue directly on a credential (not in its domain): read as the credential's credit");
      }
      credits.read(v, null);
    }
    for (JsonNode c : n.all("ceterms:requires")) {
      JsonNode cp = ctx.resolve(c);
      if (cp != null && cp.isObject()) {
        conditions.requirement(cp);
      }
    }
    if (kind == CtdlReader.Kind.ASSESSMENT) {
      CtdlModel.Assessment a = assessments.read(node);
      a.ctid = null; // the assessment is the record itself
      m.assessment = a;
    }
    m.entryToDegree = conditions.degreeRoute(n, "ceterms:isPreparationFor", CtdlWriter.ENTRY_TO_DEGREE);
    m.creditForDegree = conditions.degreeRoute(n, "ceterms:isAdvancedStandingFor", CtdlWriter.CREDIT_FOR_DEGREE);
    for (String rel : QA) {
      for (JsonNode v : n.all(rel)) {
        CtdlModel.Qa q = new CtdlModel.Qa();
        q.relation = rel;
        q.org = orgs.reference(v, n.path(rel));
        q.org.qa = true;
        m.qa.add(q);
      }
    }
    for (JsonNode v : n.all("ceterms:isPartOf")) {
      m.isPartOf.add(ctx.reference(v, n.path("ceterms:isPartOf")));
    }
    for (JsonNode v : n.all("ceterms:hasPart")) {
      m.hasPart.add(ctx.reference(v, n.path("ceterms:hasPart")));
    }
  }

  /** The owner (first of ownedBy, else of offeredBy) and the other offering organizations. */
  private void agents(NodeCursor n, CtdlModel m) {
    for (JsonNode v : n.all("ceterms:ownedBy")) {
      CtdlModel.Org o = orgs.reference(v, n.path("ceterms:ownedBy"));
      if (m.owner == null) {
        m.owner = o;
      }
    }
    for (JsonNode v : n.all("ceterms:offeredBy")) {
      CtdlModel.Org o = orgs.reference(v, n.path("ceterms:offeredBy"));
      if (m.owner == null) {
        m.owner = o;
      } else if (o != m.owner && !(o.id != null && o.id.equals(m.owner.id))) {
        m.offeredBy.add(o);
      }
    }
  }

  /** The main jurisdiction: a country, or a subdivision ({@code addressRegion} such as {@code DE-BY}). */
  private void jurisdiction(NodeCursor n) {
    for (JsonNode jp : n.all("ceterms:jurisdiction")) {
      if (!jp.isObject()) {
        continue;
      }
      NodeCursor j = ctx.at(jp);
      j.use("@type");
      if (CtdlWriter.JURISDICTION.equals(j.peekFirstText("ceterms:description"))) {
        j.use("ceterms:description");
      }
      List<JsonNode> places = j.all("ceterms:mainJurisdiction");
      if (places.size() != 1 || !places.get(0).isObject() || ctx.model().jurisdiction != null) {
        continue; // left for the unmapped-value report
      }
      NodeCursor place = ctx.at(places.get(0));
      place.use("@type");
      String country = place.firstText("ceterms:addressCountry");
      String region = place.peekFirstText("ceterms:addressRegion");
      if (region != null && country != null && region.matches("^" + Pattern.quote(country) + "-[A-Z0-9]{1,3}$")) {
        place.use("ceterms:addressRegion");
        ctx.model().jurisdiction = region;
      } else {
        ctx.model().jurisdiction = country;
      }
    }
  }

  private void levels(NodeCursor n, CtdlModel m) {
    for (JsonNode v : n.all("ceterms:atLevel")) {
      if (v.isObject()) {
        NodeCursor cao = ctx.at(v);
        CtdlModel.Level l = new CtdlModel.Level();
        cao.use("@type");
        l.framework = cao.string("ceterms:framework");
        l.frameworkName = cao.firstText("ceterms:frameworkName");
        l.node = cao.string("ceterms:targetNode");
        l.nodeName = cao.firstText("ceterms:targetNodeName");
        m.levels.add(l);
      } else if (v.isTextual()) {
        CtdlModel.Level l = new CtdlModel.Level();
        l.node = v.asText();
        m.levels.add(l);
      }
    }
  }

  /** The estimated duration: {@code timeRequired} is the workload; exact / minimum / maximum durations are kept. */
  private void duration(NodeCursor n, CtdlModel m) {
    for (JsonNode node : n.all("ceterms:estimatedDuration")) {
      if (!node.isObject()) {
        continue;
      }
      NodeCursor d = ctx.at(node);
      d.use("@type", "ceterms:description");
      String tr = d.string("ceterms:timeRequired");
      if (tr != null) {
        Double h = hours(tr);
        if (h == null) {
          ctx.warn(d.path("ceterms:timeRequired"), CtdlProblemCode.UNREADABLE_VALUE, "not an ISO 8601 duration: " + brief(tr));
        } else if (!Double.isFinite(h) || !CreditValue.withinBounds(BigDecimal.valueOf(h))) {
          ctx.warn(d.path("ceterms:timeRequired"), CtdlProblemCode.UNREADABLE_VALUE, "duration " + brief(tr) + " out of range (at most "
              + CreditValue.MAX_INTEGER_DIGITS + " integer digits of hours): not read");
        } else {
          m.workloadHours = h;
        }
      }
      String ex = d.string("ceterms:exactDuration");
      if (ex != null) {
        m.exactDuration = ex;
      }
      String mn = d.string("ceterms:minimumDuration");
      if (mn != null) {
        m.minDuration = mn;
      }
      String mx = d.string("ceterms:maximumDuration");
      if (mx != null) {
        m.maxDuration = mx;
      }
    }
  }

  /**
   * Hours of an ISO 8601 duration (years 8,760 h, months 730 h, weeks 168 h, days 24 h), or null.
   *
   * @param iso the duration
   * @return hours
   */
  static Double hours(String iso) {
    if (iso == null) {
      return null;
    }
    Matcher mt = ISO.matcher(iso.trim());
    if (!mt.matches()) {
      return null;
    }
    double[] f = {8760, 730, 168, 24, 1, 1.0 / 60, 1.0 / 3600};
    double h = 0;
    for (int i = 0; i < 7; i++) {
      if (mt.group(i + 1) != null) {
        h += Double.parseDouble(mt.group(i + 1)) * f[i];
      }
    }
    return h;
  }

  private static String brief(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
