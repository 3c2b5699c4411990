package io.github.microcred.ctdl.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a {@link CtdlModel} as a Registry graph document (CURIE keys, language maps, main resource first). */
public final class CtdlWriter {
  /** Registry resource base. */
  public static final String RESOURCES = "https://credentialengineregistry.org/resources/";
  /** Registry graph base. */
  public static final String GRAPH = "https://credentialengineregistry.org/graph/";
  /** The European Qualifications Framework concept scheme (Europass / ESCO). */
  public static final String EQF_SCHEME = "http://data.europa.eu/snb/eqf/25831c2";
  /** Name of the condition that targets the competencies; its description is the certified learning. */
  public static final String LEARNING_OUTCOMES = "Learning outcomes";
  /** Description of the learning-outcomes condition when there is no certified-learning statement. */
  public static final String LEARNING_OUTCOMES_TEXT = "Demonstrate the learning outcomes of this credential.";
  /** Description of the assessment condition. */
  public static final String ASSESSMENT_TEXT = "Pass the assessment.";
  /** Description of the entry-requirements condition. */
  public static final String ENTRY_TEXT = "Requirements for entry to this credential.";
  /** Name of the {@code isPreparationFor} condition that carries entry to degree programmes. */
  public static final String ENTRY_TO_DEGREE = "Entry to degree programmes";
  /** Name of the {@code isAdvancedStandingFor} condition that carries credit towards degree programmes. */
  public static final String CREDIT_FOR_DEGREE = "Credit towards degree programmes";
  /** Description of the issuer's jurisdiction profile. */
  public static final String JURISDICTION = "Country or region of the issuer.";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final CtdlModel m;
  private final ArrayNode graph = F.arrayNode();
  private int blank;

  private CtdlWriter(CtdlModel m) {
    this.m = m;
  }

  /**
   * Writes the graph.
   *
   * @param m the model (its ctid must be set)
   * @return the graph document
   */
  public static ObjectNode write(CtdlModel m) {
    return new CtdlWriter(m).run();
  }

  /**
   * A CTID derived from a seed: {@code ce-} + a lowercase UUID with version 4 / variant bits, from SHA-256(seed).
   *
   * @param seed the seed
   * @return the CTID
   */
  public static String ctid(String seed) {
    byte[] h;
    try {
      h = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    h[6] = (byte) ((h[6] & 0x0f) | 0x40);
    h[8] = (byte) ((h[8] & 0x3f) | 0x80);
    StringBuilder sb = new StringBuilder("ce-");
    for (int i = 0; i < 16; i++) {
      if (i == 4 || i == 6 || i == 8 || i == 10) {
        sb.append('-');
      }
      sb.append(String.format("%02x", h[i]));
    }
    return sb.toString();
  }

  private String bnode(String role) {
    String c = ctid(m.ctid + "#" + role + "#" + (blank++));
    return "_:" + c.substring(3);
  }

  private ObjectNode run() {
    ObjectNode doc = F.objectNode();
    doc.put("@context", "https://credreg.net/ctdl/schema/context/json");
    doc.put("@id", GRAPH + m.ctid);
    ObjectNode main = F.objectNode();
    graph.add(main);
    main.put("@id", RESOURCES + m.ctid);
    main.put("@type", m.ctdlClass);
    main.put("ceterms:ctid", m.ctid);
    main.set("ceterms:name", lang(m.name));
    if (!m.description.isEmpty()) {
      main.set("ceterms:description", lang(m.description));
    }
    if (m.subjectWebpage != null) {
      main.put("ceterms:subjectWebpage", m.subjectWebpage);
    }
    if (!m.inLanguage.isEmpty()) {
      ArrayNode a = main.putArray("ceterms:inLanguage");
      m.inLanguage.forEach(a::add);
    }
    main.set("ceterms:credentialStatusType",
        cao("https://credreg.net/ctdl/terms/CredentialStatus", "credentialStat:" + m.status, m.status));
    if (m.owner != null) {
      String ref = org(m.owner, "owner");
      main.putArray("ceterms:ownedBy").add(ref);
      ArrayNode off = main.putArray("ceterms:offeredBy");
      off.add(ref);
      for (CtdlModel.Org o : m.offeredBy) {
        off.add(org(o, "offeror"));
      }
    }
    if (m.credentialId != null) {
      main.put("ceterms:credentialId", m.credentialId);
    }
    if (m.jurisdiction != null) {
      ObjectNode place = F.objectNode();
      place.put("@type", "ceterms:Place");
      int dash = m.jurisdiction.indexOf('-');
      // rdf:langString in CTDL: a language map, as in the Registry's own records
      place.set("ceterms:addressCountry", text("en", dash > 0 ? m.jurisdiction.substring(0, dash) : m.jurisdiction));
      if (dash > 0) {
        place.set("ceterms:addressRegion", text("en", m.jurisdiction));
      }
      ObjectNode jp = F.objectNode();
      jp.put("@type", "ceterms:JurisdictionProfile");
      jp.set("ceterms:description", lang1(JURISDICTION));
      jp.putArray("ceterms:mainJurisdiction").add(place);
      main.putArray("ceterms:jurisdiction").add(jp);
    }
    if (m.dateEffective != null) {
      main.put("ceterms:dateEffective", m.dateEffective);
    }
    if (m.expirationDate != null) {
      main.put("ceterms:expirationDate", m.expirationDate);
    }
    if (m.renewalFrequency != null) {
      main.put("ceterms:renewalFrequency", m.renewalFrequency);
    }
    if (m.image != null) {
      main.put("ceterms:image", m.image);
    }
    if (!m.keywords.isEmpty()) {
      ObjectNode k = F.objectNode();
      ArrayNode a = k.putArray(m.lang);
      m.keywords.forEach(a::add);
      main.set("ceterms:keyword", k);
    }
    if (!m.audienceLevels.isEmpty()) {
      ArrayNode a = main.putArray("ceterms:audienceLevelType");
      for (String l : m.audienceLevels) {
        a.add(cao("https://credreg.net/ctdl/terms/AudienceLevel", "audLevel:" + l, Vocabulary.defaults()
            .conceptLabel("audLevel:" + l)));
      }
    }
    if (!m.levels.isEmpty()) {
      ArrayNode a = main.putArray("ceterms:atLevel");
      for (CtdlModel.Level l : m.levels) {
        ObjectNode c = F.objectNode();
        c.put("@type", "ceterms:CredentialAlignmentObject");
        c.put("ceterms:framework", l.framework);
        if (l.frameworkName != null) {
          c.set("ceterms:frameworkName", lang1(l.frameworkName));
        }
        c.put("ceterms:targetNode", l.node);
        if (l.nodeName != null) {
          c.set("ceterms:targetNodeName", lang1(l.nodeName));
        }
        a.add(c);
      }
    }
    delivery(main, "ceterms:learningDeliveryType", m.learningDelivery);
    delivery(main, "ceterms:assessmentDeliveryType", m.assessmentDelivery);
    duration(main);
    requires(main);
    for (CtdlModel.Qa q : m.qa) {
      q.org.qa = true;
      String ref = org(q.org, "qa");
      ArrayNode a = main.has(q.relation) ? (ArrayNode) main.get(q.relation) : main.putArray(q.relation);
      a.add(ref);
    }
    refs(main, "ceterms:isPartOf", m.isPartOf);
    refs(main, "ceterms:hasPart", m.hasPart);
    if (m.pathway != null) {
      pathway();
    }
    doc.set("@graph", graph);
    return doc;
  }

  private void delivery(ObjectNode main, String prop, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    ArrayNode a = main.putArray(prop);
    for (String d : values) {
      a.add(cao("https://credreg.net/ctdl/terms/Delivery", "deliveryType:" + d,
          Vocabulary.defaults().conceptLabel("deliveryType:" + d)));
    }
  }

  private void duration(ObjectNode main) {
    List<ObjectNode> profiles = new ArrayList<>();
    if (m.workloadHours != null) {
      ObjectNode d = F.objectNode();
      d.put("@type", "ceterms:DurationProfile");
      d.set("ceterms:description", lang1("Notional workload: " + plain(m.workloadHours) + " hours of learning"));
      d.put("ceterms:timeRequired", isoHours(m.workloadHours));
      profiles.add(d);
    }
    if (m.exactDuration != null || m.minDuration != null || m.maxDuration != null) {
      ObjectNode d = F.objectNode();
      d.put("@type", "ceterms:DurationProfile");
      d.set("ceterms:description", lang1("Overall span of time"));
      if (m.exactDuration != null) {
        d.put("ceterms:exactDuration", m.exactDuration);
      }
      if (m.minDuration != null) {
        d.put("ceterms:minimumDuration", m.minDuration);
      }
      if (m.maxDuration != null) {
        d.put("ceterms:maximumDuration", m.maxDuration);
      }
      profiles.add(d);
    }
    if (!profiles.isEmpty()) {
      ArrayNode a = main.putArray("ceterms:estimatedDuration");
      profiles.forEach(a::add);
    }
  }

  /**
   * ISO 8601 duration of a number of hours: whole hours, else whole minutes, else seconds.
   *
   * @param hours the hours
   * @return the duration
   */
  public static String isoHours(double hours) {
    if (hours == Math.rint(hours)) {
      return "PT" + (long) hours + "H";
    }
    double min = hours * 60;
    if (Math.abs(min - Math.rint(min)) < 1e-9) {
      return "PT" + (long) Math.rint(min) + "M";
    }
    return "PT" + plain(hours * 3600) + "S";
  }

  static String plain(double d) {
    return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
  }

  static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }

  /** An amount as written, with a non-negative scale (so it is written as {@code 10}, never {@code 1E+1}). */
  static BigDecimal exact(BigDecimal d) {
    return d.scale() < 0 ? d.setScale(0) : d;
  }

  private void requires(ObjectNode main) {
    ArrayNode req = F.arrayNode();
    for (CtdlModel.Credit c : m.credits) {
      ObjectNode cp = condition("Credit", creditText(c));
      cp.putArray("ceterms:creditValue").add(valueProfile(c, cp));
      req.add(cp);
    }
    if (m.certifiedLearning != null && m.competencies.isEmpty()) {
      req.add(condition(LEARNING_OUTCOMES, m.certifiedLearning));
    }
    if (!m.competencies.isEmpty()) {
      ObjectNode cp = condition(LEARNING_OUTCOMES, m.certifiedLearning != null ? m.certifiedLearning
          : LEARNING_OUTCOMES_TEXT);
      ArrayNode tc = cp.putArray("ceterms:targetCompetency");
      Map<String, ArrayNode> tops = new LinkedHashMap<>();
      Map<String, String> fwIds = new LinkedHashMap<>();
      Map<String, String> fwNames = new LinkedHashMap<>();
      for (CtdlModel.Competency c : m.competencies) {
        String key = c.frameworkUri == null ? "" : c.frameworkUri;
        if (!fwIds.containsKey(key)) {
          String fwCtid = ctid(m.ctid + "#framework#" + key);
          String fwName = c.frameworkName != null ? c.frameworkName : "Learning outcomes: " + first(m.name);
          ObjectNode fw = F.objectNode();
          fw.put("@id", RESOURCES + fwCtid);
          fw.put("@type", "ceasn:CompetencyFramework");
          fw.put("ceterms:ctid", fwCtid);
          fw.set("ceasn:name", lang1(fwName));
          fw.set("ceasn:description", lang1("Competencies assessed by " + first(m.name)));
          if (!m.inLanguage.isEmpty()) {
            ArrayNode l = fw.putArray("ceasn:inLanguage");
            m.inLanguage.forEach(l::add);
          }
          if (m.owner != null) {
            fw.putArray("ceasn:publisher").add(orgRef(m.owner));
          }
          if (!key.isEmpty()) {
            fw.putArray("ceasn:source").add(key);
          }
          tops.put(key, fw.putArray("ceasn:hasTopChild"));
          graph.add(fw);
          fwIds.put(key, fwCtid);
          fwNames.put(key, fwName);
        }
        String fwCtid = fwIds.get(key);
        String cctid = c.ctid != null ? c.ctid : ctid(m.ctid + "#competency#" + c.text + "#" + c.uri);
        ObjectNode comp = F.objectNode();
        comp.put("@id", RESOURCES + cctid);
        comp.put("@type", "ceasn:Competency");
        comp.put("ceterms:ctid", cctid);
        comp.set("ceasn:competencyText", text(c.lang, c.text));
        comp.put("ceasn:isPartOf", RESOURCES + fwCtid);
        comp.put("ceasn:isTopChildOf", RESOURCES + fwCtid);
        if (c.category != null) {
          comp.set("ceasn:competencyCategory", text(c.lang, c.category));
        }
        if (c.uri != null) {
          comp.putArray("ceasn:exactAlignment").add(c.uri);
        }
        graph.add(comp);
        tops.get(key).add(RESOURCES + cctid);
        ObjectNode cao = F.objectNode();
        cao.put("@type", "ceterms:CredentialAlignmentObject");
        cao.put("ceterms:framework", RESOURCES + fwCtid);
        cao.set("ceterms:frameworkName", lang1(fwNames.get(key)));
        cao.put("ceterms:targetNode", RESOURCES + cctid);
        cao.set("ceterms:targetNodeName", text(c.lang, c.text));
        tc.add(cao);
      }
      req.add(cp);
    }
    if (m.assessment != null) {
      CtdlModel.Assessment a = m.assessment;
      String actid = a.ctid != null ? a.ctid : ctid(m.ctid + "#assessment");
      ObjectNode ap = F.objectNode();
      ap.put("@id", RESOURCES + actid);
      ap.put("@type", "ceterms:AssessmentProfile");
      ap.put("ceterms:ctid", actid);
      ap.set("ceterms:name", lang1("Assessment: " + first(m.name)));
      ap.set("ceterms:description", lang1(a.description != null ? a.description : "Assessment of " + first(m.name)));
      if (!m.inLanguage.isEmpty()) {
        ArrayNode l = ap.putArray("ceterms:inLanguage");
        m.inLanguage.forEach(l::add);
      }
      if (m.subjectWebpage != null) {
        ap.put("ceterms:subjectWebpage", m.subjectWebpage);
        ap.putArray("ceterms:availableOnlineAt").add(m.subjectWebpage);
      }
      if (m.owner != null) {
        ap.putArray("ceterms:ownedBy").add(orgRef(m.owner));
      }
      if (!a.methods.isEmpty()) {
        ArrayNode mt = ap.putArray("ceterms:assessmentMethodType");
        for (String x : a.methods) {
          mt.add(cao("https://credreg.net/ctdl/terms/AssessmentMethod", "assessMethod:" + x,
              Vocabulary.defaults().conceptLabel("assessMethod:" + x)));
        }
      }
      if (a.delivery != null) {
        ap.putArray("ceterms:deliveryType").add(cao("https://credreg.net/ctdl/terms/Delivery",
            "deliveryType:" + a.delivery, Vocabulary.defaults().conceptLabel("deliveryType:" + a.delivery)));
      }
      if (a.methodDescription != null) {
        ap.set("ceterms:assessmentMethodDescription", lang1(a.methodDescription));
      }
      if (a.proctored != null) {
        ap.put("ceterms:isProctored", a.proctored);
      }
      graph.add(ap);
      ObjectNode cp = condition("Assessment", ASSESSMENT_TEXT);
      cp.putArray("ceterms:targetAssessment").add(RESOURCES + actid);
      req.add(cp);
    }
    if (!m.prerequisites.isEmpty() || !m.prerequisiteCredentials.isEmpty()) {
      ObjectNode cp = condition("Entry requirements", ENTRY_TEXT);
      if (!m.prerequisites.isEmpty()) {
        ObjectNode c = F.objectNode();
        ArrayNode a = c.putArray(m.lang);
        m.prerequisites.forEach(a::add);
        cp.set("ceterms:condition", c);
      }
      if (!m.prerequisiteCredentials.isEmpty()) {
        ArrayNode a = cp.putArray("ceterms:targetCredential");
        for (CtdlModel.Ref r : m.prerequisiteCredentials) {
          a.add(refIri(r));
        }
      }
      req.add(cp);
    }
    if (!req.isEmpty()) {
      main.set("ceterms:requires", req);
    }
    degreeRoute(main, "ceterms:isPreparationFor", ENTRY_TO_DEGREE, m.entryToDegree);
    degreeRoute(main, "ceterms:isAdvancedStandingFor", CREDIT_FOR_DEGREE, m.creditForDegree);
  }

  private ObjectNode valueProfile(CtdlModel.Credit c, ObjectNode cp) {
    ObjectNode vp = F.objectNode();
    vp.put("@type", "ceterms:ValueProfile");
    vp.set("schema:value", DecimalNode.valueOf(exact(c.amount)));
    if (c.unit != null && Vocabulary.defaults().schemesOf("creditUnit:" + c.unit).contains("ceterms:CreditUnit")) {
      vp.putArray("ceterms:creditUnitType").add(cao("https://credreg.net/ctdl/terms/CreditUnit",
          "creditUnit:" + c.unit, Vocabulary.defaults().conceptLabel("creditUnit:" + c.unit)));
    } else {
      // CTDL's CreditUnit scheme has no ECTS / CATS / NZQA concept: the unit is named in text (see README)
      vp.set("schema:description", lang1(plain(c.amount) + " " + unitLabel(c)));
      cp.set("ceterms:creditUnitTypeDescription", lang1(unitLabel(c)));
    }
    return vp;
  }

  private void degreeRoute(ObjectNode main, String prop, String name, CtdlModel.DegreeRoute r) {
    if (r == null) {
      return;
    }
    ObjectNode cp = condition(name, degreeRouteText(name, r));
    if (!r.programmes.isEmpty()) {
      ObjectNode c = F.objectNode();
      ArrayNode a = c.putArray(m.lang);
      r.programmes.forEach(a::add);
      cp.set("ceterms:condition", c);
    }
    if (r.credit != null) {
      cp.putArray("ceterms:creditValue").add(valueProfile(r.credit, cp));
    }
    main.putArray(prop).add(cp);
  }

  /**
   * The description of a degree-route condition.
   *
   * @param name the condition name ({@link #ENTRY_TO_DEGREE} or {@link #CREDIT_FOR_DEGREE})
   * @param r the route
   * @return the text
   */
  public static String degreeRouteText(String name, CtdlModel.DegreeRoute r) {
    return name + (r.credit == null ? "" : " (" + plain(r.credit.amount) + " " + unitLabel(r.credit) + ")")
        + (r.programmes.isEmpty() ? "." : ": " + String.join("; ", r.programmes) + ".");
  }

  private void pathway() {
    CtdlModel.Pathway p = m.pathway;
    String pctid = p.ctid != null ? p.ctid : ctid(m.ctid + "#pathway");
    String destCtid = ctid(m.ctid + "#pathway#destination");
    ObjectNode pw = F.objectNode();
    pw.put("@id", RESOURCES + pctid);
    pw.put("@type", "ceterms:Pathway");
    pw.put("ceterms:ctid", pctid);
    pw.set("ceterms:name", lang(p.name.isEmpty() ? m.name : p.name));
    pw.set("ceterms:description", lang1("Earn " + p.requiredNumber + " of " + p.components.size()
        + " component credentials to complete " + first(m.name) + "."));
    if (m.subjectWebpage != null) {
      pw.put("ceterms:subjectWebpage", m.subjectWebpage);
    }
    if (m.owner != null) {
      pw.putArray("ceterms:ownedBy").add(orgRef(m.owner));
    }
    pw.putArray("ceterms:hasDestinationComponent").add(RESOURCES + destCtid);
    ArrayNode parts = pw.putArray("ceterms:hasPart");
    graph.add(pw);
    ObjectNode dest = component(destCtid, pctid, m.name, RESOURCES + m.ctid);
    parts.add(RESOURCES + destCtid);
    ObjectNode cond = F.objectNode();
    cond.put("@type", "ceterms:ComponentCondition");
    cond.set("ceterms:name", lang1("Required components"));
    cond.set("ceterms:description", lang1("Earn at least " + p.requiredNumber + " of these credentials."));
    cond.put("ceterms:requiredNumber", p.requiredNumber);
    ArrayNode targets = cond.putArray("ceterms:targetComponent");
    dest.putArray("ceterms:hasCondition").add(cond);
    graph.add(dest);
    int i = 0;
    for (CtdlModel.Ref r : p.components) {
      String cc = ctid(m.ctid + "#pathway#component#" + (i++) + "#" + refIri(r));
      Map<String, String> name = new LinkedHashMap<>();
      name.put(m.lang, r.name != null ? r.name : (r.ctid != null ? r.ctid : r.uri));
      graph.add(component(cc, pctid, name, refIri(r)));
      targets.add(RESOURCES + cc);
      parts.add(RESOURCES + cc);
    }
  }

  private ObjectNode component(String cctid, String pathwayCtid, Map<String, String> name, String proxyFor) {
    ObjectNode c = F.objectNode();
    c.put("@id", RESOURCES + cctid);
    c.put("@type", "ceterms:CredentialComponent");
    c.put("ceterms:ctid", cctid);
    c.set("ceterms:name", lang(name));
    c.putArray("ceterms:isPartOf").add(RESOURCES + pathwayCtid);
    c.put("ceterms:proxyFor", proxyFor);
    c.put("ceterms:credentialType", m.ctdlClass);
    return c;
  }

  private String refIri(CtdlModel.Ref r) {
    return r.ctid != null ? RESOURCES + r.ctid : r.uri;
  }

  private void refs(ObjectNode main, String prop, List<CtdlModel.Ref> refs) {
    if (refs.isEmpty()) {
      return;
    }
    ArrayNode a = main.putArray(prop);
    for (CtdlModel.Ref r : refs) {
      a.add(refIri(r));
    }
  }

  private final Map<CtdlModel.Org, String> orgIds = new LinkedHashMap<>();

  private String orgRef(CtdlModel.Org o) {
    return orgIds.containsKey(o) ? orgIds.get(o) : org(o, "org");
  }

  private String org(CtdlModel.Org o, String role) {
    String known = orgIds.get(o);
    if (known != null) {
      return known;
    }
    String id = bnode(role);
    orgIds.put(o, id);
    ObjectNode n = F.objectNode();
    n.put("@id", id);
    n.put("@type", o.qa ? "ceterms:QACredentialOrganization" : "ceterms:CredentialOrganization");
    if (o.ctid != null) {
      n.put("ceterms:ctid", o.ctid);
    }
    n.set("ceterms:name", lang(o.name));
    if (!o.description.isEmpty()) {
      n.set("ceterms:description", lang(o.description));
    }
    if (o.webpage != null) {
      n.put("ceterms:subjectWebpage", o.webpage);
    }
    if (o.email != null) {
      n.putArray("ceterms:email").add(o.email);
    }
    if (o.sameAs != null) {
      n.putArray("ceterms:sameAs").add(o.sameAs);
    }
    if (o.country != null || o.region != null) {
      ObjectNode place = F.objectNode();
      place.put("@type", "ceterms:Place");
      if (o.country != null) {
        place.set("ceterms:addressCountry", text("en", o.country));
      }
      if (o.region != null) {
        place.set("ceterms:addressRegion", lang1(o.region));
      }
      n.putArray("ceterms:address").add(place);
    }
    graph.add(n);
    return id;
  }

  private ObjectNode condition(String name, String description) {
    ObjectNode cp = F.objectNode();
    cp.put("@type", "ceterms:ConditionProfile");
    cp.set("ceterms:name", lang1(name));
    cp.set("ceterms:description", lang1(description));
    return cp;
  }

  private ObjectNode cao(String framework, String node, String label) {
    ObjectNode c = F.objectNode();
    c.put("@type", "ceterms:CredentialAlignmentObject");
    c.put("ceterms:framework", framework);
    c.put("ceterms:targetNode", node);
    c.set("ceterms:targetNodeName", text("en", label));
    return c;
  }

  /**
   * The description of the condition that carries a credit value.
   *
   * @param c the credit
   * @return the text
   */
  public static String creditText(CtdlModel.Credit c) {
    return "Earn " + plain(c.amount) + " " + unitLabel(c) + ".";
  }

  static String unitLabel(CtdlModel.Credit c) {
    if (c.unitText != null) {
      return c.unitText;
    }
    if (c.unit == null) {
      return "credits";
    }
    return switch (c.unit) {
      case "ECTS" -> "ECTS credits";
      case "CATS" -> "UK CATS credits";
      case "NZQA" -> "NZQA credits";
      default -> Vocabulary.defaults().conceptLabel("creditUnit:" + c.unit).toLowerCase(Locale.ROOT) + "s";
    };
  }

  private ObjectNode lang(Map<String, String> text) {
    ObjectNode o = F.objectNode();
    text.forEach(o::put);
    return o;
  }

  private ObjectNode lang1(String value) {
    return text(m.lang, value);
  }

  private static ObjectNode text(String lang, String value) {
    ObjectNode o = F.objectNode();
    o.put(lang, value);
    return o;
  }

  private static String first(Map<String, String> text) {
    return text.isEmpty() ? "" : text.values().iterator().next();
  }
}
