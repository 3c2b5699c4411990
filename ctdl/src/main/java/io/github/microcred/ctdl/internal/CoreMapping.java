package io.github.microcred.ctdl.internal;

import io.github.microcred.core.Assessment;
import io.github.microcred.core.AssessmentType;
import io.github.microcred.core.Competency;
import io.github.microcred.core.CreditUnit;
import io.github.microcred.core.CreditValue;
import io.github.microcred.core.DegreePathway;
import io.github.microcred.core.EquivalentLevel;
import io.github.microcred.core.IdentityVerification;
import io.github.microcred.core.Kind;
import io.github.microcred.core.Level;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.Organization;
import io.github.microcred.core.ParticipationMode;
import io.github.microcred.core.QualityAssurance;
import io.github.microcred.core.QualityAssuranceType;
import io.github.microcred.core.Stackability;
import io.github.microcred.core.StackabilityOption;
import io.github.microcred.core.ValidityPolicy;
import io.github.microcred.core.Workload;
import io.github.microcred.ctdl.CtdlProblemCode;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps the core model to and from {@link CtdlModel}. */
public final class CoreMapping {
  /** Category that marks a ceasn:Competency as one of the EU "learning outcomes". */
  public static final String LEARNING_OUTCOME = "Learning Outcome";
  /** Category of an aligned competency. */
  public static final String COMPETENCY = "Competency";
  private static final String EQF_NODE = "http://data.europa.eu/snb/eqf/";
  private static final String ISCED = "https://uis.unesco.org/isced-2011";
  private static final String NATIONAL = "urn:microcred:level-framework:";
  private static final Pattern ABSOLUTE_URI = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:[^\\s\"<>{}|^`\\\\]+$");
  private static final Map<CreditUnit, String> UNITS = Map.of(CreditUnit.ECTS, "ECTS",
      CreditUnit.US_SEMESTER_HOUR, "SemesterHour", CreditUnit.US_QUARTER_HOUR, "QuarterHour", CreditUnit.UK_CATS,
      "CATS", CreditUnit.NZQA_CREDIT, "NZQA", CreditUnit.CEU, "ContinuingEducationUnit", CreditUnit.HOUR, "ClockHour");
  private static final Map<EquivalentLevel, String> AUDIENCE = Map.of(EquivalentLevel.SUB_DEGREE,
      "AssociatesDegreeLevel", EquivalentLevel.BACHELOR, "BachelorsDegreeLevel", EquivalentLevel.MASTER,
      "MastersDegreeLevel", EquivalentLevel.DOCTORATE, "DoctoralDegreeLevel");

  private CoreMapping() {}

  /**
   * The CTDL class for a kind: skill credential → DigitalBadge, module → MicroCredential, short learning
   * programme → Certificate; no kind → MicroCredential.
   *
   * @param kind the kind or null
   * @return the class CURIE
   */
  public static String classFor(Kind kind) {
    if (kind == null) {
      return "ceterms:MicroCredential";
    }
    return switch (kind) {
      case SKILL_CREDENTIAL -> "ceterms:DigitalBadge";
      case MICRO_CREDENTIAL_MODULE -> "ceterms:MicroCredential";
      case SHORT_LEARNING_PROGRAMME -> "ceterms:Certificate";
    };
  }

  /**
   * The CTID of a micro-credential: taken from its id when that is (or ends with) a CTID, else derived from its id
   * or title and awarding bodies.
   *
   * @param mc the micro-credential
   * @return the CTID
   */
  public static String ctidOf(MicroCredential mc) {
    String id = mc.id().orElse(null);
    if (id != null) {
      Matcher m = Ctids.AT_END.matcher(id);
      if (m.find()) {
        return m.group(1).toLowerCase(Locale.ROOT);
      }
      return CtdlWriter.ctid("microcred:" + id);
    }
    StringBuilder seed = new StringBuilder("microcred:").append(mc.title());
    mc.awardingBodies().forEach(o -> seed.append('|').append(o.name()));
    return CtdlWriter.ctid(seed.toString());
  }

  /**
   * Core → CTDL model.
   *
   * @param mc the micro-credential
   * @param ctdlClass the class, or null to choose from the kind
   * @return the model
   */
  public static CtdlModel toModel(MicroCredential mc, String ctdlClass) {
    CtdlModel m = new CtdlModel();
    m.lang = mc.languages().isEmpty() ? "en" : mc.languages().get(0);
    m.ctdlClass = ctdlClass != null ? ctdlClass : classFor(mc.kind().orElse(null));
    m.ctid = ctidOf(mc);
    m.name.put(m.lang, mc.title());
    mc.shortDescription().or(mc::certifiedLearning).ifPresent(d -> m.description.put(m.lang, d));
    m.certifiedLearning = mc.certifiedLearning().orElse(null);
    m.entryToDegree = mc.entryToDegree().map(CoreMapping::degreeRoute).orElse(null);
    m.creditForDegree = mc.creditForDegree().map(CoreMapping::degreeRoute).orElse(null);
    m.jurisdiction = mc.issuerCountry().orElse(null);
    m.inLanguage.addAll(mc.languages());
    String id = mc.id().orElse(null);
    if (id != null && !Ctids.AT_END.matcher(id).find()) {
      m.credentialId = id;
    }
    for (String candidate : new String[] {mc.furtherInformation().orElse(null), id}) {
      if (m.subjectWebpage == null && candidate != null && candidate.matches("(?i)https?://\\S+")) {
        m.subjectWebpage = candidate;
      }
    }
    List<Organization> bodies = mc.awardingBodies();
    for (int i = 0; i < bodies.size(); i++) {
      CtdlModel.Org o = org(bodies.get(i), m.lang);
      if (i == 0) {
        m.owner = o;
      } else {
        m.offeredBy.add(o);
      }
    }
    if (m.subjectWebpage == null && m.owner != null && m.owner.webpage != null) {
      m.subjectWebpage = m.owner.webpage;
    }
    for (CreditValue c : mc.workload().credits()) {
      CtdlModel.Credit x = new CtdlModel.Credit();
      x.amount = c.amount();
      x.unit = UNITS.get(c.unit());
      m.credits.add(x);
    }
    mc.workload().hours().ifPresent(h -> m.workloadHours = h.doubleValue());
    for (Level l : mc.levels()) {
      CtdlModel.Level x = new CtdlModel.Level();
      if (l.isEqf()) {
        x.framework = CtdlWriter.EQF_SCHEME;
        x.frameworkName = "European Qualifications Framework";
        x.node = EQF_NODE + l.code();
        x.nodeName = "EQF level " + l.code();
      } else if (Level.ISCED_2011.equals(l.framework())) {
        x.framework = ISCED;
        x.frameworkName = "ISCED 2011";
        x.node = ISCED + "#" + l.code();
        x.nodeName = "ISCED 2011 level " + l.code();
      } else {
        x.framework = NATIONAL + URLEncoder.encode(l.framework(), StandardCharsets.UTF_8);
        x.frameworkName = l.framework();
        x.node = x.framework + ":" + URLEncoder.encode(l.code(), StandardCharsets.UTF_8);
        x.nodeName = l.framework() + " " + l.code();
      }
      m.levels.add(x);
    }
    mc.equivalentLevel().map(AUDIENCE::get).ifPresent(m.audienceLevels::add);
    mc.participation().ifPresent(p -> m.learningDelivery.add(delivery(p)));
    if (!mc.assessment().types().isEmpty() || mc.assessment().description().isPresent()
        || mc.identityVerification().isPresent()) {
      CtdlModel.Assessment a = new CtdlModel.Assessment();
      a.description = mc.assessment().description().orElse(null);
      Set<String> methods = new LinkedHashSet<>();
      List<String> names = new ArrayList<>();
      for (AssessmentType t : mc.assessment().types()) {
        methods.add(method(t));
        names.add(t.name());
      }
      a.methods.addAll(methods);
      if (!names.isEmpty()) {
        a.methodDescription = "Assessment types: " + String.join(", ", names);
      }
      mc.identityVerification().ifPresent(v -> {
        a.proctored = v != IdentityVerification.UNSUPERVISED;
        if (v.name().startsWith("ONLINE")) {
          m.assessmentDelivery.add("OnlineOnly");
        } else if (v.name().startsWith("ONSITE")) {
          m.assessmentDelivery.add("InPerson");
        }
      });
      m.assessment = a;
    }
    mc.qualityAssurance().filter(q -> q.type() == QualityAssuranceType.EXTERNAL)
        .ifPresent(q -> q.bodies().forEach(b -> {
          CtdlModel.Qa qa = new CtdlModel.Qa();
          qa.org = org(b, m.lang);
          qa.org.qa = true;
          m.qa.add(qa);
        }));
    m.prerequisites.addAll(mc.prerequisites());
    mc.stackability().ifPresent(s -> {
      for (String t : s.targets()) {
        if (t.matches("(?i)(https?|urn|did):\\S+") || Ctids.AT_END.matcher(t).find()) {
          CtdlModel.Ref r = new CtdlModel.Ref();
          Matcher cm = Ctids.AT_END.matcher(t);
          if (cm.find()) {
            r.ctid = cm.group(1).toLowerCase(Locale.ROOT);
          } else {
            r.uri = t;
          }
          m.isPartOf.add(r);
        }
      }
    });
    for (String lo : mc.learningOutcomes()) {
      CtdlModel.Competency c = new CtdlModel.Competency();
      c.text = lo;
      c.lang = m.lang;
      c.category = LEARNING_OUTCOME;
      m.competencies.add(c);
    }
    for (Competency k : mc.competencies()) {
      CtdlModel.Competency c = new CtdlModel.Competency();
      c.text = k.name();
      c.lang = m.lang;
      c.uri = k.uri().isEmpty() ? null : k.uri();
      c.category = COMPETENCY;
      m.competencies.add(c);
    }
    mc.validity().flatMap(ValidityPolicy::period).ifPresent(p -> m.renewalFrequency = p.toString());
    return m;
  }

  private static CtdlModel.Org org(Organization o, String lang) {
    CtdlModel.Org x = new CtdlModel.Org();
    x.name.put(lang, o.name());
    o.id().ifPresent(id -> {
      Matcher cm = Ctids.AT_END.matcher(id);
      if (cm.find()) {
        x.ctid = cm.group(1).toLowerCase(Locale.ROOT);
      } else if (ABSOLUTE_URI.matcher(id).matches()) {
        x.sameAs = id;
      }
      x.id = id;
    });
    x.country = o.country().orElse(null);
    x.webpage = o.url().orElse(null);
    x.email = o.email().orElse(null);
    return x;
  }

  private static String delivery(ParticipationMode p) {
    return switch (p) {
      case ONLINE -> "OnlineOnly";
      case ONSITE -> "InPerson";
      case BLENDED -> "BlendedDelivery";
    };
  }

  private static String method(AssessmentType t) {
    return switch (t) {
      case EXAMINATION, AUTOMATED_TEST -> "Exam";
      case ASSIGNMENT, PROJECT -> "Artifact";
      case PORTFOLIO -> "PortfolioEvaluation";
      default -> "Performance";
    };
  }

  /**
   * CTDL model → core.
   *
   * @param m the model
   * @param warnings where to add what could not be carried
   * @return the micro-credential
   */
  public static MicroCredential toCore(CtdlModel m, List<CtdlReader.Warning> warnings) {
    String title = title(m, warnings);
    MicroCredential.Builder b = MicroCredential.builder(title);
    String id = identity(m, b, warnings);
    texts(m, b, id, warnings);
    notCarried(m, warnings);
    b.languages(new ArrayList<>(m.inLanguage));
    awardingBodies(m, b);
    b.workload(new Workload(Optional.ofNullable(m.workloadHours).map(h -> BigDecimal.valueOf(h).stripTrailingZeros()),
        credits(m, b, warnings)));
    b.levels(levels(m, warnings));
    equivalentLevel(m, b, warnings);
    participation(m, b, warnings);
    if (m.assessment != null) {
      assessment(m, m.assessment, title, b, warnings);
    }
    if (!m.qa.isEmpty()) {
      List<Organization> qa = new ArrayList<>();
      for (CtdlModel.Qa q : m.qa) {
        qa.add(org(q.org, Organization.Role.QA_BODY));
      }
      b.qualityAssurance(new QualityAssurance(QualityAssuranceType.EXTERNAL, "", qa));
    }
    b.prerequisites(m.prerequisites);
    stackability(m, b);
    outcomes(m, b);
    validity(m, b, warnings);
    return withKind(b.build(), m.ctdlClass);
  }

  /** The title: the preferred name, else the CTID (with a warning). */
  private static String title(CtdlModel m, List<CtdlReader.Warning> warnings) {
    String title = preferred(m.name);
    if (title == null || title.isBlank()) {
      title = m.ctid != null ? m.ctid : "(untitled)";
      warnings.add(new CtdlReader.Warning(m.path("ceterms:name"), CtdlProblemCode.DEFAULTED, "no name: the title is set to '" + title + "'"));
    }
    return title;
  }

  /** The id: this library's own credentialId when the CTID was derived from it, else the Registry URI of the CTID. */
  private static String identity(CtdlModel m, MicroCredential.Builder b, List<CtdlReader.Warning> warnings) {
    String id = null;
    if (m.credentialId != null && (m.ctid == null || ABSOLUTE_URI.matcher(m.credentialId).matches()
        && CtdlWriter.ctid("microcred:" + m.credentialId).equals(m.ctid))) {
      id = m.credentialId; // this library's own export: the CTID is derived from this id
    } else if (m.ctid != null) {
      id = CtdlWriter.RESOURCES + m.ctid;
      if (m.credentialId != null) {
        warnings.add(new CtdlReader.Warning(m.path("ceterms:credentialId"), CtdlProblemCode.NOT_MAPPED, "credentialId " + m.credentialId
            + " not mapped: the id is the Registry URI of the CTID"));
      }
    }
    if (id != null) {
      b.id(id);
    }
    return id;
  }

  /** Description, certified learning and further information (the subject webpage, unless it is the id or owner's). */
  private static void texts(CtdlModel m, MicroCredential.Builder b, String id, List<CtdlReader.Warning> warnings) {
    languages(m.name, m.path("ceterms:name"), warnings);
    languages(m.description, m.path("ceterms:description"), warnings);
    String description = preferred(m.description);
    if (m.certifiedLearning != null) {
      b.certifiedLearning(m.certifiedLearning);
    }
    if (description != null && !description.equals(m.certifiedLearning)) {
      b.shortDescription(description);
    }
    String ownerPage = m.owner == null ? null : m.owner.webpage;
    if (m.subjectWebpage != null && !m.subjectWebpage.equals(id) && !m.subjectWebpage.equals(ownerPage)) {
      b.furtherInformation(m.subjectWebpage);
    }
  }

  /** The owner and offering organizations, and the issuer's country (the jurisdiction, else the owner's). */
  private static void awardingBodies(CtdlModel m, MicroCredential.Builder b) {
    List<Organization> bodies = new ArrayList<>();
    if (m.owner != null) {
      bodies.add(org(m.owner, Organization.Role.AWARDING_BODY));
    }
    if (m.jurisdiction != null) {
      b.issuerCountry(m.jurisdiction);
    } else if (m.owner != null && m.owner.country != null) {
      b.issuerCountry(m.owner.country);
    }
    for (CtdlModel.Org o : m.offeredBy) {
      bodies.add(org(o, Organization.Role.AWARDING_BODY));
    }
    b.awardingBodies(bodies);
  }

  /** Credits in core units (returned, for the workload), and the degree routes with their credit. */
  private static List<CreditValue> credits(CtdlModel m, MicroCredential.Builder b,
      List<CtdlReader.Warning> warnings) {
    List<CreditValue> credits = new ArrayList<>();
    for (CtdlModel.Credit c : m.credits) {
      CreditValue v = coreCredit(c, m.path("ceterms:requires"), warnings);
      if (v != null) {
        credits.add(v);
      }
    }
    if (m.entryToDegree != null) {
      b.entryToDegree(degreeRoute(m.entryToDegree, m.path("ceterms:isPreparationFor"), warnings));
    }
    if (m.creditForDegree != null) {
      b.creditForDegree(degreeRoute(m.creditForDegree, m.path("ceterms:isAdvancedStandingFor"), warnings));
    }
    return credits;
  }

  /** Levels from their framework nodes: EQF, ISCED 2011, this library's national frameworks, else by name. */
  private static List<Level> levels(CtdlModel m, List<CtdlReader.Warning> warnings) {
    List<Level> levels = new ArrayList<>();
    for (CtdlModel.Level l : m.levels) {
      String node = l.node == null ? "" : l.node;
      try {
        if (node.startsWith(EQF_NODE)) {
          levels.add(Level.eqf(Integer.parseInt(node.substring(EQF_NODE.length()))));
        } else if (node.startsWith(ISCED + "#")) {
          levels.add(Level.isced(Integer.parseInt(node.substring(ISCED.length() + 1))));
        } else if (node.startsWith(NATIONAL)) {
          String rest = node.substring(NATIONAL.length());
          int i = rest.lastIndexOf(':');
          levels.add(Level.national(URLDecoder.decode(rest.substring(0, i), StandardCharsets.UTF_8),
              URLDecoder.decode(rest.substring(i + 1), StandardCharsets.UTF_8)));
        } else if (l.frameworkName != null && l.nodeName != null) {
          levels.add(Level.national(l.frameworkName, l.nodeName));
        } else {
          warnings.add(new CtdlReader.Warning(m.path("ceterms:atLevel"), CtdlProblemCode.NOT_MAPPED, "level " + node + " not mapped"));
        }
      } catch (RuntimeException e) {
        warnings.add(new CtdlReader.Warning(m.path("ceterms:atLevel"), CtdlProblemCode.NOT_MAPPED, "level " + node + " not mapped: "
            + e.getMessage()));
      }
    }
    return levels;
  }

  /** The equivalent degree level from the first degree audience level; the others are reported. */
  private static void equivalentLevel(CtdlModel m, MicroCredential.Builder b, List<CtdlReader.Warning> warnings) {
    boolean levelSet = false;
    for (String a : m.audienceLevels) {
      EquivalentLevel found = null;
      for (Map.Entry<EquivalentLevel, String> e : AUDIENCE.entrySet()) {
        if (e.getValue().equals(a)) {
          found = e.getKey();
        }
      }
      if (found != null && !levelSet) {
        b.equivalentLevel(found);
        levelSet = true;
      } else {
        warnings.add(new CtdlReader.Warning(m.path("ceterms:audienceLevelType"), CtdlProblemCode.NOT_MAPPED, "audience level " + a
            + " not mapped" + (found != null ? " (only the first degree level is kept)" : "")));
      }
    }
  }

  /** The participation mode from the first delivery type; the others are reported. */
  private static void participation(CtdlModel m, MicroCredential.Builder b, List<CtdlReader.Warning> warnings) {
    boolean deliverySet = false;
    for (String d : m.learningDelivery) {
      ParticipationMode p = switch (d) {
        case "OnlineOnly" -> ParticipationMode.ONLINE;
        case "InPerson" -> ParticipationMode.ONSITE;
        case "BlendedDelivery" -> ParticipationMode.BLENDED;
        default -> null;
      };
      if (p != null && !deliverySet) {
        b.participation(p);
        deliverySet = true;
      } else {
        warnings.add(new CtdlReader.Warning(m.path("ceterms:learningDeliveryType"), CtdlProblemCode.NOT_MAPPED, "delivery type " + d
            + " not mapped" + (p != null ? " (only the first is kept)" : "")));
      }
    }
  }

  /**
   * The assessment: its description (unless this library's boilerplate), types (this library's own list, else from
   * the CTDL methods) and identity verification (proctored, with the assessment delivery).
   */
  private static void assessment(CtdlModel m, CtdlModel.Assessment a, String title, MicroCredential.Builder b,
      List<CtdlReader.Warning> warnings) {
    String description = a.description != null && !a.description.equals("Assessment of " + title)
        ? a.description : null;
    List<AssessmentType> types = new ArrayList<>();
    if (a.methodDescription != null && a.methodDescription.startsWith("Assessment types: ")) {
      for (String t : a.methodDescription.substring(18).split(",\\s*")) {
        try {
          types.add(AssessmentType.valueOf(t.trim()));
        } catch (IllegalArgumentException e) {
          warnings.add(new CtdlReader.Warning(m.path("ceterms:requires"), CtdlProblemCode.NOT_MAPPED, "assessment type " + t + " not mapped"));
        }
      }
    } else {
      for (String x : a.methods) {
        switch (x) {
          case "Exam" -> types.add(AssessmentType.EXAMINATION);
          case "Artifact" -> types.add(AssessmentType.PROJECT);
          case "PortfolioEvaluation" -> types.add(AssessmentType.PORTFOLIO);
          case "Performance" -> types.add(AssessmentType.PRACTICAL_DEMONSTRATION);
          default -> warnings.add(new CtdlReader.Warning(m.path("ceterms:requires"), CtdlProblemCode.NOT_MAPPED, "assessment method " + x
              + " not mapped"));
        }
      }
    }
    b.assessment(Assessment.NONE.withTypes(types).withDescription(description));
    if (a.proctored != null) {
      boolean online = m.assessmentDelivery.contains("OnlineOnly");
      boolean onsite = m.assessmentDelivery.contains("InPerson");
      IdentityVerification v = !a.proctored ? IdentityVerification.UNSUPERVISED
          : online ? IdentityVerification.ONLINE_ONE_FACTOR : onsite ? IdentityVerification.ONSITE_ONE_FACTOR
          : IdentityVerification.SUPERVISED_IDENTITY_NOT_VERIFIED;
      b.identityVerification(v);
    }
  }

  /** Stackable into the credentials it is part of. */
  private static void stackability(CtdlModel m, MicroCredential.Builder b) {
    List<String> targets = new ArrayList<>();
    for (CtdlModel.Ref r : m.isPartOf) {
      targets.add(r.ctid != null ? CtdlWriter.RESOURCES + r.ctid : r.uri);
    }
    if (!targets.isEmpty()) {
      b.stackability(new Stackability(StackabilityOption.STACKABLE, targets, ""));
    }
  }

  /** Learning outcomes (category Learning Outcome, or plain text) and aligned competencies. */
  private static void outcomes(CtdlModel m, MicroCredential.Builder b) {
    List<String> outcomes = new ArrayList<>();
    List<Competency> comps = new ArrayList<>();
    for (CtdlModel.Competency c : m.competencies) {
      if (c.text == null || c.text.isBlank()) {
        continue;
      }
      if (LEARNING_OUTCOME.equals(c.category) || (c.category == null && c.uri == null)) {
        outcomes.add(c.text);
      } else {
        comps.add(new Competency(c.text, c.uri == null ? "" : c.uri));
      }
    }
    b.learningOutcomes(outcomes);
    b.competencies(comps);
  }

  /** The validity period from the renewal frequency. */
  private static void validity(CtdlModel m, MicroCredential.Builder b, List<CtdlReader.Warning> warnings) {
    if (m.renewalFrequency != null) {
      try {
        b.validity(ValidityPolicy.periodAfterAward(Period.parse(m.renewalFrequency)));
      } catch (RuntimeException e) {
        warnings.add(new CtdlReader.Warning(m.path("ceterms:renewalFrequency"), CtdlProblemCode.NOT_MAPPED, "renewalFrequency "
            + m.renewalFrequency + " not mapped"));
      }
    }
  }

  /** The kind the CTDL class stands for, unless the class is the one a micro-credential without a kind gets. */
  private static MicroCredential withKind(MicroCredential built, String ctdlClass) {
    Kind k = kindFor(ctdlClass);
    // ceterms:MicroCredential is also the class of a micro-credential without a kind: no override then
    boolean ambiguous = k == Kind.MICRO_CREDENTIAL_MODULE && built.derivedKind().isEmpty();
    if (k != null && !ambiguous && built.kind().orElse(null) != k) {
      return built.toBuilder().kindOverride(k).build();
    }
    return built;
  }

  private static CreditValue coreCredit(CtdlModel.Credit c, String path, List<CtdlReader.Warning> warnings) {
    CreditUnit unit = null;
    for (Map.Entry<CreditUnit, String> e : UNITS.entrySet()) {
      if (e.getValue().equals(c.unit)) {
        unit = e.getKey();
      }
    }
    if ("ContactHour".equals(c.unit)) {
      unit = CreditUnit.HOUR;
    }
    if (unit == null) {
      warnings.add(new CtdlReader.Warning(path, CtdlProblemCode.NOT_MAPPED, "credit " + c.amount.toPlainString() + " " + (c.unit != null ? c.unit : c.unitText)
          + ": no core credit unit for it, not mapped"));
      return null;
    }
    return new CreditValue(c.amount.stripTrailingZeros(), unit);
  }

  private static DegreePathway degreeRoute(CtdlModel.DegreeRoute r, String path, List<CtdlReader.Warning> warnings) {
    CreditValue credit = r.credit == null ? null : coreCredit(r.credit, path, warnings);
    return DegreePathway.of(true, r.programmes, credit);
  }

  private static CtdlModel.DegreeRoute degreeRoute(DegreePathway p) {
    if (!p.granted()) {
      return null;
    }
    CtdlModel.DegreeRoute r = new CtdlModel.DegreeRoute();
    r.programmes.addAll(p.programmes());
    p.credit().ifPresent(c -> {
      r.credit = new CtdlModel.Credit();
      r.credit.amount = c.amount();
      r.credit.unit = UNITS.get(c.unit());
    });
    return r;
  }

  /**
   * The kind a CTDL class stands for (the inverse of {@link #classFor}), or null.
   *
   * @param ctdlClass the class CURIE
   * @return the kind or null
   */
  static Kind kindFor(String ctdlClass) {
    if (ctdlClass == null) {
      return null;
    }
    return switch (ctdlClass) {
      case "ceterms:DigitalBadge" -> Kind.SKILL_CREDENTIAL;
      case "ceterms:MicroCredential" -> Kind.MICRO_CREDENTIAL_MODULE;
      case "ceterms:Certificate" -> Kind.SHORT_LEARNING_PROGRAMME;
      default -> null;
    };
  }

  private static void languages(Map<String, String> text, String path, List<CtdlReader.Warning> warnings) {
    if (text.size() > 1) {
      String kept = null;
      for (Map.Entry<String, String> e : text.entrySet()) {
        if (e.getValue().equals(preferred(text)) && kept == null) {
          kept = e.getKey();
        }
      }
      List<String> dropped = new ArrayList<>(text.keySet());
      dropped.remove(kept);
      warnings.add(new CtdlReader.Warning(path, CtdlProblemCode.PARTLY_MAPPED, "only the '" + kept + "' text is mapped; not mapped: "
          + String.join(", ", dropped)));
    }
  }

  /** Warns, with their paths, about values the reader understood but the core model has no field for. */
  private static void notCarried(CtdlModel m, List<CtdlReader.Warning> w) {
    if (!m.keywords.isEmpty()) {
      w.add(new CtdlReader.Warning(m.path("ceterms:keyword"), CtdlProblemCode.NOT_MAPPED, "keywords " + m.keywords + " not mapped"));
    }
    if (m.dateEffective != null) {
      w.add(new CtdlReader.Warning(m.path("ceterms:dateEffective"), CtdlProblemCode.NOT_MAPPED, "dateEffective " + m.dateEffective
          + " not mapped"));
    }
    if (m.expirationDate != null) {
      w.add(new CtdlReader.Warning(m.path("ceterms:expirationDate"), CtdlProblemCode.NOT_MAPPED, "expirationDate " + m.expirationDate
          + " not mapped"));
    }
    if (m.image != null) {
      w.add(new CtdlReader.Warning(m.path("ceterms:image"), CtdlProblemCode.NOT_MAPPED, "image " + m.image + " not mapped"));
    }
    if (m.exactDuration != null || m.minDuration != null || m.maxDuration != null) {
      w.add(new CtdlReader.Warning(m.path("ceterms:estimatedDuration"), CtdlProblemCode.NOT_MAPPED, "duration "
          + (m.exactDuration != null ? m.exactDuration : m.minDuration + ".." + m.maxDuration)
          + " not mapped (only timeRequired becomes the workload hours); see CtdlImport.duration()"));
    }
    if (m.status != null && !m.status.equals("Active")) {
      w.add(new CtdlReader.Warning(m.path("ceterms:credentialStatusType"), CtdlProblemCode.NOT_MAPPED, "status " + m.status + " not mapped"));
    }
    if (!m.prerequisiteCredentials.isEmpty()) {
      w.add(new CtdlReader.Warning(m.path("ceterms:requires"), CtdlProblemCode.NOT_MAPPED, "required credentials "
          + m.prerequisiteCredentials.stream().map(r -> r.uri != null ? r.uri : r.ctid).toList() + " not mapped"));
    }
    if (!m.hasPart.isEmpty()) {
      w.add(new CtdlReader.Warning(m.path("ceterms:hasPart"), CtdlProblemCode.NOT_MAPPED, "parts "
          + m.hasPart.stream().map(r -> r.uri != null ? r.uri : r.ctid).toList() + " not mapped"));
    }
    if (m.pathway != null) {
      w.add(new CtdlReader.Warning(m.nodePath, CtdlProblemCode.NOT_MAPPED, "pathway " + (m.pathway.ctid == null ? "" : m.pathway.ctid)
          + " (" + m.pathway.requiredNumber + " of " + m.pathway.components.size() + " components) not mapped"));
    }
    if (m.assessment != null && m.assessment.delivery != null) {
      w.add(new CtdlReader.Warning(m.path("ceterms:requires"), CtdlProblemCode.NOT_MAPPED, "assessment delivery type "
          + m.assessment.delivery + " not mapped"));
    }
    for (CtdlModel.Qa q : m.qa) {
      if (!q.relation.equals("ceterms:accreditedBy")) {
        w.add(new CtdlReader.Warning(m.path(q.relation), CtdlProblemCode.APPROXIMATED, q.relation + " read as external quality assurance"));
      }
    }
    List<CtdlModel.Org> orgs = new ArrayList<>();
    if (m.owner != null) {
      orgs.add(m.owner);
    }
    orgs.addAll(m.offeredBy);
    m.qa.forEach(q -> orgs.add(q.org));
    for (CtdlModel.Org o : orgs) {
      if (!o.description.isEmpty() || o.region != null) {
        w.add(new CtdlReader.Warning(m.nodePath, CtdlProblemCode.NOT_MAPPED, "organization " + preferred(o.name) + ": description / region "
            + "not mapped"));
      }
    }
  }

  /**
   * The English text of a language map when there is one, else the first.
   *
   * @param text the map
   * @return the text, or null when empty
   */
  public static String preferred(Map<String, String> text) {
    for (Map.Entry<String, String> e : text.entrySet()) {
      if (e.getKey().toLowerCase(Locale.ROOT).startsWith("en")) {
        return e.getValue();
      }
    }
    return text.isEmpty() ? null : text.values().iterator().next();
  }

  /**
   * CTDL organization → core.
   *
   * @param o the organization
   * @param role its role
   * @return the organization
   */
  public static Organization org(CtdlModel.Org o, Organization.Role role) {
    String name = preferred(o.name);
    if (name == null || name.isBlank()) {
      name = o.ctid != null ? o.ctid : o.id != null && !o.id.isBlank() ? o.id : "(unnamed organization)";
    }
    Organization.Builder b = Organization.builder(name).role(role);
    // the organization's own identifier (sameAs, as the exporters write it) before its Registry URI
    String id = o.sameAs != null ? o.sameAs : o.id != null ? o.id
        : o.ctid != null ? CtdlWriter.RESOURCES + o.ctid : null;
    if (id != null) {
      b.id(id);
    }
    if (o.country != null) {
      b.country(countryCode(o.country));
    }
    if (o.webpage != null) {
      b.url(o.webpage);
    }
    if (o.email != null) {
      b.email(o.email);
    }
    return b.build();
  }

  /**
   * The ISO 3166-1 alpha-2 code of a country given as a code or as its English name (the Registry's records write
   * e.g. {@code {"en": "United States"}}); anything else is kept as given.
   *
   * @param country the text
   * @return the code, or the text
   */
  static String countryCode(String country) {
    String t = country.strip();
    if (t.matches("^[A-Za-z]{2}$")) {
      return t.toUpperCase(Locale.ROOT);
    }
    for (String code : Locale.getISOCountries()) {
      String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
      if (name.equalsIgnoreCase(t) || (code.equals("US") && t.matches("(?i)^(USA|U\\.S\\.A?\\.?|United States of America)$"))
          || (code.equals("GB") && t.equalsIgnoreCase("United Kingdom"))) {
        return code;
      }
    }
    return t;
  }
}
