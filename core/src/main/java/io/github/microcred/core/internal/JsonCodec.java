package io.github.microcred.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.Assessment;
import io.github.microcred.core.AssessmentComplexity;
import io.github.microcred.core.AssessmentType;
import io.github.microcred.core.Award;
import io.github.microcred.core.Competency;
import io.github.microcred.core.CoreIssueCode;
import io.github.microcred.core.CreditUnit;
import io.github.microcred.core.CreditValue;
import io.github.microcred.core.DegreePathway;
import io.github.microcred.core.EquivalentLevel;
import io.github.microcred.core.FieldOfEducation;
import io.github.microcred.core.IdentityVerification;
import io.github.microcred.core.Issue;
import io.github.microcred.core.Kind;
import io.github.microcred.core.LearnerIdentity;
import io.github.microcred.core.LearningSetting;
import io.github.microcred.core.Level;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.Organization;
import io.github.microcred.core.ParticipationMode;
import io.github.microcred.core.QualityAssurance;
import io.github.microcred.core.QualityAssuranceType;
import io.github.microcred.core.Rubric;
import io.github.microcred.core.Severity;
import io.github.microcred.core.Stackability;
import io.github.microcred.core.StackabilityOption;
import io.github.microcred.core.ValidityPolicy;
import io.github.microcred.core.Workload;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Tree-model JSON codec of the core model. Reading never throws: every problem becomes a {@link
 * Issue} with its JSON path, and a value that cannot be bound is left out of the model (the caller
 * sees the error). Unknown properties are errors, so that nothing is silently dropped.
 */
public final class JsonCodec {

  private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

  private final List<Issue> issues = new ArrayList<>();

  /**
   * The issues collected while reading.
   *
   * @return the issues
   */
  public List<Issue> issues() {
    return issues;
  }

  private void error(String path, CoreIssueCode code, String message) {
    issues.add(new Issue(path, code, Severity.ERROR, message));
  }

  // ------------------------------------------------------------------ writing

  /**
   * Writes a micro-credential.
   *
   * @param m the micro-credential
   * @return the JSON object
   */
  public static ObjectNode write(MicroCredential m) {
    ObjectNode o = F.objectNode();
    m.id().ifPresent(v -> o.put("id", v));
    o.put("title", m.title());
    m.shortDescription().ifPresent(v -> o.put("shortDescription", v));
    m.certifiedLearning().ifPresent(v -> o.put("certifiedLearning", v));
    m.issuerCountry().ifPresent(v -> o.put("issuerCountry", v));
    array(o, "awardingBodies", m.awardingBodies(), JsonCodec::write);
    strings(o, "learningOutcomes", m.learningOutcomes());
    if (!m.workload().isEmpty()) {
      ObjectNode w = o.putObject("workload");
      m.workload().hours().ifPresent(h -> w.put("hours", h));
      array(w, "credits", m.workload().credits(), JsonCodec::write);
    }
    array(o, "levels", m.levels(), l -> F.objectNode().put("framework", l.framework()).put("code", l.code()));
    m.equivalentLevel().ifPresent(v -> o.put("equivalentLevel", v.name()));
    Assessment as = m.assessment();
    if (!as.isEmpty()) {
      ObjectNode a = o.putObject("assessment");
      strings(a, "types", as.types().stream().map(Enum::name).toList());
      as.description().ifPresent(v -> a.put("description", v));
      as.complexity().ifPresent(v -> a.put("complexity", v.name()));
      as.rubric().ifPresent(r -> a.set("rubric", write(r)));
    }
    m.participation().ifPresent(v -> o.put("participation", v.name()));
    m.learningSetting().ifPresent(v -> o.put("learningSetting", v.name()));
    strings(o, "fieldsOfEducation", m.fieldsOfEducation().stream().map(FieldOfEducation::code).toList());
    m.qualityAssurance().ifPresent(q -> {
      ObjectNode qa = o.putObject("qualityAssurance").put("type", q.type().name());
      if (!q.description().isEmpty()) {
        qa.put("description", q.description());
      }
      array(qa, "bodies", q.bodies(), JsonCodec::write);
    });
    strings(o, "prerequisites", m.prerequisites());
    m.identityVerification().ifPresent(v -> o.put("identityVerification", v.name()));
    m.grading().ifPresent(v -> o.put("grading", v));
    m.stackability().ifPresent(s -> {
      ObjectNode so = o.putObject("stackability").put("option", s.option().name());
      strings(so, "targets", s.targets());
      if (!s.description().isEmpty()) {
        so.put("description", s.description());
      }
    });
    m.furtherInformation().ifPresent(v -> o.put("furtherInformation", v));
    m.creditBearingStated().ifPresent(v -> o.put("creditBearing", v));
    m.kindOverride().ifPresent(v -> o.put("kind", v.name()));
    array(o, "competencies", m.competencies(), c -> {
      ObjectNode co = F.objectNode().put("name", c.name());
      if (!c.uri().isEmpty()) {
        co.put("uri", c.uri());
      }
      return co;
    });
    strings(o, "languages", m.languages());
    m.validity().ifPresent(v -> {
      ObjectNode vo = o.putObject("validity").put("type", v.type().name());
      v.period().ifPresent(p -> vo.put("period", p.toString()));
      v.until().ifPresent(d -> vo.put("until", d.toString()));
    });
    m.entryToDegree().ifPresent(d -> o.set("entryToDegree", write(d)));
    m.creditForDegree().ifPresent(d -> o.set("creditForDegree", write(d)));
    return o;
  }

  /**
   * Writes an award, with its micro-credential embedded.
   *
   * @param a the award
   * @return the JSON object
   */
  public static ObjectNode write(Award a) {
    ObjectNode o = F.objectNode();
    a.id().ifPresent(v -> o.put("id", v));
    o.set("microCredential", write(a.microCredential()));
    ObjectNode l = o.putObject("learner").put("type", a.learner().type().name());
    if (a.learner().type() == LearnerIdentity.Type.DID) {
      l.put("did", a.learner().value());
    } else {
      l.put("identityHash", a.learner().value()).put("salt", a.learner().salt().orElse(""));
    }
    a.learnerName().ifPresent(v -> o.put("learnerName", v));
    // only an explicitly set issuer is written; the default (first awarding body) is derived on reading
    if (a.issuer().isPresent() && !a.issuer().equals(a.microCredential().awardingBodies().stream().findFirst())) {
      o.set("issuer", write(a.issuer().get()));
    }
    o.put("issuedOn", a.issuedOn().toString());
    a.awardedDate().ifPresent(v -> o.put("awardedDate", v.toString()));
    a.validUntil().ifPresent(v -> o.put("validUntil", v.toString()));
    a.grade().ifPresent(v -> o.put("grade", v));
    array(o, "results", a.results(), r -> F.objectNode().put("name", r.name()).put("value", r.value()));
    array(o, "evidence", a.evidence(), e -> {
      ObjectNode eo = F.objectNode();
      if (!e.id().isEmpty()) {
        eo.put("id", e.id());
      }
      if (!e.name().isEmpty()) {
        eo.put("name", e.name());
      }
      if (!e.narrative().isEmpty()) {
        eo.put("narrative", e.narrative());
      }
      return eo;
    });
    return o;
  }

  /**
   * The JSON tree of an organization (as inside a micro-credential).
   *
   * @param g the organization
   * @return a new tree
   */
  public static ObjectNode writeOrganization(Organization g) {
    return write(g);
  }

  /**
   * Reads an organization, recording problems as issues.
   *
   * @param n the tree
   * @param path its JSON path
   * @return the organization, or null when it has errors
   */
  public Organization readOrganizationAt(JsonNode n, String path) {
    return readOrganization(n, path);
  }

  private static ObjectNode write(Organization g) {
    ObjectNode o = F.objectNode().put("name", g.name());
    g.id().ifPresent(v -> o.put("id", v));
    g.country().ifPresent(v -> o.put("country", v));
    g.url().ifPresent(v -> o.put("url", v));
    g.email().ifPresent(v -> o.put("email", v));
    strings(o, "roles", g.roles().stream().sorted().map(Enum::name).toList());
    return o;
  }

  private static ObjectNode write(CreditValue c) {
    return F.objectNode().put("amount", c.amount()).put("unit", c.unit().name());
  }

  private static ObjectNode write(DegreePathway d) {
    ObjectNode o = F.objectNode().put("granted", d.granted());
    strings(o, "programmes", d.programmes());
    d.credit().ifPresent(c -> o.set("credit", write(c)));
    return o;
  }

  private static ObjectNode write(Rubric r) {
    ObjectNode o = F.objectNode().put("title", r.title()).put("points", r.points()).put("passThreshold", r.passThreshold());
    array(o, "criteria", r.criteria(), c -> {
      ObjectNode co = F.objectNode().put("id", c.id()).put("name", c.name()).put("weight", c.weight());
      strings(co, "levels", c.levels());
      co.put("minimumLevel", c.minimumLevel());
      return co;
    });
    return o;
  }

  private static <T> void array(ObjectNode o, String key, List<T> items, Function<T, JsonNode> f) {
    if (!items.isEmpty()) {
      ArrayNode a = o.putArray(key);
      items.forEach(i -> a.add(f.apply(i)));
    }
  }

  private static void strings(ObjectNode o, String key, List<String> items) {
    if (!items.isEmpty()) {
      ArrayNode a = o.putArray(key);
      items.forEach(a::add);
    }
  }

  // ------------------------------------------------------------------ reading

  private static final Set<String> MC_KEYS = Set.of("id", "title", "shortDescription", "certifiedLearning",
      "issuerCountry", "awardingBodies", "learningOutcomes", "workload", "levels", "equivalentLevel", "assessment",
      "participation", "learningSetting", "fieldsOfEducation", "qualityAssurance", "prerequisites", "identityVerification", "grading", "stackability",
      "furtherInformation", "creditBearing", "kind", "competencies", "languages", "validity", "entryToDegree",
      "creditForDegree");

  /**
   * Reads a micro-credential.
   *
   * @param n the node
   * @param path its JSON path
   * @return the micro-credential, or null when it cannot be built (the issues say why)
   */
  public MicroCredential readMicroCredential(JsonNode n, String path) {
    if (!object(n, path, MC_KEYS)) {
      return null;
    }
    String title = text(n, "title", path);
    if (title == null || title.isBlank()) {
      if (title != null || !n.has("title")) {
        error(path + ".title", CoreIssueCode.MISSING_TITLE, "EU Annex I: the title is required (a non-blank string)");
      }
      return null;
    }
    MicroCredential.Builder b = MicroCredential.builder(title);
    opt(n, "id", path, this::text, b::id);
    opt(n, "shortDescription", path, this::text, b::shortDescription);
    opt(n, "certifiedLearning", path, this::text, b::certifiedLearning);
    opt(n, "issuerCountry", path, this::text, b::issuerCountry);
    b.awardingBodies(list(n, "awardingBodies", path, this::readOrganization));
    b.learningOutcomes(list(n, "learningOutcomes", path, this::stringItem));
    JsonNode w = n.get("workload");
    if (w != null && object(w, path + ".workload", Set.of("hours", "credits"))) {
      String wp = path + ".workload";
      BigDecimal hours = null;
      if (w.has("hours")) {
        BigDecimal h = decimal(w.get("hours"), wp + ".hours");
        if (h != null && h.signum() < 0) {
          error(wp + ".hours", CoreIssueCode.NEGATIVE_HOURS, "hours must be >= 0, was " + h.toPlainString());
        } else {
          hours = h;
        }
      }
      b.workload(new Workload(Optional.ofNullable(hours), list(w, "credits", wp, this::readCredit)));
    }
    b.levels(list(n, "levels", path, this::readLevel));
    opt(n, "equivalentLevel", path, enumReader(EquivalentLevel.class), b::equivalentLevel);
    JsonNode a = n.get("assessment");
    if (a != null && object(a, path + ".assessment", Set.of("types", "description", "complexity", "rubric"))) {
      String ap = path + ".assessment";
      Assessment[] as = {Assessment.NONE.withTypes(list(a, "types", ap, enumReader(AssessmentType.class)))};
      opt(a, "description", ap, this::text, v -> as[0] = as[0].withDescription(v));
      opt(a, "complexity", ap, enumReader(AssessmentComplexity.class), v -> as[0] = as[0].withComplexity(v));
      opt(a, "rubric", ap, this::readRubric, v -> as[0] = as[0].withRubric(v));
      b.assessment(as[0]);
    }
    opt(n, "participation", path, enumReader(ParticipationMode.class), b::participation);
    opt(n, "learningSetting", path, enumReader(LearningSetting.class), b::learningSetting);
    b.fieldsOfEducation(list(n, "fieldsOfEducation", path, (x, p) -> {
      String code = text(x, p);
      return code == null ? null : build(p, CoreIssueCode.INVALID_FIELD_OF_EDUCATION, () -> new FieldOfEducation(code));
    }));
    opt(n, "qualityAssurance", path, this::readQa, b::qualityAssurance);
    b.prerequisites(list(n, "prerequisites", path, this::stringItem));
    opt(n, "identityVerification", path, enumReader(IdentityVerification.class), b::identityVerification);
    opt(n, "grading", path, this::text, b::grading);
    opt(n, "stackability", path, this::readStackability, b::stackability);
    opt(n, "furtherInformation", path, this::text, b::furtherInformation);
    opt(n, "creditBearing", path, this::bool, b::creditBearing);
    opt(n, "kind", path, enumReader(Kind.class), b::kindOverride);
    b.competencies(list(n, "competencies", path, this::readCompetency));
    b.languages(list(n, "languages", path, this::stringItem));
    opt(n, "validity", path, this::readValidity, b::validity);
    opt(n, "entryToDegree", path, this::readPathway, b::entryToDegree);
    opt(n, "creditForDegree", path, this::readPathway, b::creditForDegree);
    return b.build();
  }

  private static final Set<String> AWARD_KEYS = Set.of("id", "microCredential", "learner", "learnerName", "issuer",
      "issuedOn", "awardedDate", "validUntil", "grade", "results", "evidence");

  /**
   * Reads an award.
   *
   * @param n the node
   * @param path its JSON path
   * @return the award, or null when it cannot be built
   */
  public Award readAward(JsonNode n, String path) {
    if (!object(n, path, AWARD_KEYS)) {
      return null;
    }
    MicroCredential m = null;
    if (!n.has("microCredential")) {
      error(path + ".microCredential", CoreIssueCode.MISSING_MICRO_CREDENTIAL, "the awarded micro-credential is required");
    } else {
      m = readMicroCredential(n.get("microCredential"), path + ".microCredential");
    }
    LearnerIdentity learner = null;
    if (!n.has("learner")) {
      error(path + ".learner", CoreIssueCode.MISSING_LEARNER, "EU Annex I: the identification of the learner is required");
    } else {
      learner = readLearner(n.get("learner"), path + ".learner");
    }
    Instant issuedOn = null;
    if (!n.has("issuedOn")) {
      error(path + ".issuedOn", CoreIssueCode.MISSING_ISSUE_DATE, "EU Annex I: the date of issuing is required");
    } else {
      issuedOn = instant(n.get("issuedOn"), path + ".issuedOn");
    }
    Organization issuer = n.has("issuer") ? readOrganization(n.get("issuer"), path + ".issuer") : null;
    String id = n.has("id") ? text(n.get("id"), path + ".id") : null;
    String learnerName = n.has("learnerName") ? text(n.get("learnerName"), path + ".learnerName") : null;
    LocalDate awarded = n.has("awardedDate") ? date(n.get("awardedDate"), path + ".awardedDate") : null;
    Instant until = n.has("validUntil") ? instant(n.get("validUntil"), path + ".validUntil") : null;
    String grade = n.has("grade") ? text(n.get("grade"), path + ".grade") : null;
    List<Award.Result> results = list(n, "results", path, (x, p) -> build(p, CoreIssueCode.INVALID_RESULT,
        () -> object(x, p, Set.of("name", "value"))
            ? new Award.Result(req(x, "name", p), req(x, "value", p)) : null));
    List<Award.Evidence> evidence = list(n, "evidence", path, (x, p) -> build(p, CoreIssueCode.INVALID_EVIDENCE,
        () -> object(x, p, Set.of("id", "name", "narrative"))
            ? new Award.Evidence(optText(x, "id", p), optText(x, "name", p), optText(x, "narrative", p)) : null));
    if (m == null || learner == null || issuedOn == null) {
      return null;
    }
    Instant issued = issuedOn;
    MicroCredential mc = m;
    LearnerIdentity who = learner;
    return build(path, CoreIssueCode.INVALID_AWARD, () -> Award.builder(mc, who, issued).id(id).learnerName(learnerName)
        .issuer(issuer).awardedDate(awarded).validUntil(until).grade(grade).results(results).evidence(evidence)
        .build());
  }

  private LearnerIdentity readLearner(JsonNode n, String p) {
    if (!object(n, p, Set.of("type", "did", "identityHash", "salt"))) {
      return null;
    }
    LearnerIdentity.Type t = enumReader(LearnerIdentity.Type.class).apply(n.get("type"), p + ".type");
    if (t == null) {
      if (!n.has("type")) {
        error(p + ".type", CoreIssueCode.MISSING_FIELD, "expected DID or HASHED_EMAIL");
      }
      return null;
    }
    return build(p, CoreIssueCode.INVALID_LEARNER, () -> t == LearnerIdentity.Type.DID
        ? LearnerIdentity.did(req(n, "did", p))
        : LearnerIdentity.hashed(req(n, "identityHash", p), optText(n, "salt", p)));
  }

  private Organization readOrganization(JsonNode n, String p) {
    if (!object(n, p, Set.of("name", "id", "country", "url", "email", "roles"))) {
      return null;
    }
    List<Organization.Role> roles = list(n, "roles", p, enumReader(Organization.Role.class));
    return build(p, CoreIssueCode.INVALID_ORGANIZATION, () -> {
      Organization.Builder b = Organization.builder(req(n, "name", p))
          .id(optNull(n, "id", p)).country(optNull(n, "country", p)).url(optNull(n, "url", p))
          .email(optNull(n, "email", p));
      roles.forEach(b::role);
      return b.build();
    });
  }

  private CreditValue readCredit(JsonNode n, String p) {
    if (!object(n, p, Set.of("amount", "unit"))) {
      return null;
    }
    BigDecimal amount = n.has("amount") ? decimal(n.get("amount"), p + ".amount") : null;
    if (!n.has("amount")) {
      error(p + ".amount", CoreIssueCode.MISSING_FIELD, "expected a non-negative number");
    }
    CreditUnit unit = null;
    if (!n.has("unit")) {
      error(p + ".unit", CoreIssueCode.MISSING_FIELD, "expected one of " + Arrays.toString(CreditUnit.values()));
    } else {
      unit = enumReader(CreditUnit.class).apply(n.get("unit"), p + ".unit");
    }
    if (amount == null || unit == null) {
      return null;
    }
    CreditUnit u = unit;
    return build(p + ".amount", CoreIssueCode.INVALID_CREDIT, () -> new CreditValue(amount, u));
  }

  private Level readLevel(JsonNode n, String p) {
    if (!object(n, p, Set.of("framework", "code"))) {
      return null;
    }
    return build(p, CoreIssueCode.INVALID_LEVEL, () -> new Level(req(n, "framework", p), reqScalar(n, "code", p)));
  }

  private Rubric readRubric(JsonNode n, String p) {
    if (!object(n, p, Set.of("title", "points", "passThreshold", "criteria"))) {
      return null;
    }
    List<Rubric.Criterion> criteria = list(n, "criteria", p, (c, cp) -> {
      if (!object(c, cp, Set.of("id", "name", "weight", "levels", "minimumLevel"))) {
        return null;
      }
      List<String> levels = list(c, "levels", cp, this::stringItem);
      BigDecimal weight = c.has("weight") ? decimal(c.get("weight"), cp + ".weight") : BigDecimal.ONE;
      Integer min = c.has("minimumLevel") ? integer(c.get("minimumLevel"), cp + ".minimumLevel") : Integer.valueOf(1);
      if (weight == null || min == null) {
        return null;
      }
      return build(cp, CoreIssueCode.INVALID_RUBRIC, () -> new Rubric.Criterion(req(c, "id", cp), req(c, "name", cp), weight, levels, min));
    });
    Integer points = n.has("points") ? integer(n.get("points"), p + ".points") : null;
    BigDecimal threshold = n.has("passThreshold") ? decimal(n.get("passThreshold"), p + ".passThreshold") : null;
    if (points == null || threshold == null) {
      if (!n.has("points") || !n.has("passThreshold")) {
        error(p, CoreIssueCode.INVALID_RUBRIC, "a rubric needs points (5 or 7) and passThreshold (0 to 1)");
      }
      return null;
    }
    return build(p, CoreIssueCode.INVALID_RUBRIC, () -> new Rubric(optText(n, "title", p), points, criteria, threshold));
  }

  private QualityAssurance readQa(JsonNode n, String p) {
    if (!object(n, p, Set.of("type", "description", "bodies"))) {
      return null;
    }
    List<Organization> bodies = list(n, "bodies", p, this::readOrganization);
    QualityAssuranceType t = n.has("type") ? enumReader(QualityAssuranceType.class).apply(n.get("type"), p + ".type") : null;
    if (t == null) {
      if (!n.has("type")) {
        error(p + ".type", CoreIssueCode.MISSING_QA_TYPE, "EU Annex I: the type of quality assurance is required, one of "
            + Arrays.toString(QualityAssuranceType.values()));
      }
      return null;
    }
    return new QualityAssurance(t, optText(n, "description", p), bodies);
  }

  private Stackability readStackability(JsonNode n, String p) {
    if (!object(n, p, Set.of("option", "targets", "description"))) {
      return null;
    }
    List<String> targets = list(n, "targets", p, this::stringItem);
    StackabilityOption o = n.has("option") ? enumReader(StackabilityOption.class).apply(n.get("option"), p + ".option") : null;
    if (o == null) {
      if (!n.has("option")) {
        error(p + ".option", CoreIssueCode.MISSING_FIELD, "expected one of " + Arrays.toString(StackabilityOption.values()));
      }
      return null;
    }
    return new Stackability(o, targets, optText(n, "description", p));
  }

  private Competency readCompetency(JsonNode n, String p) {
    if (!object(n, p, Set.of("name", "uri"))) {
      return null;
    }
    return build(p, CoreIssueCode.INVALID_COMPETENCY, () -> new Competency(req(n, "name", p), optText(n, "uri", p)));
  }

  private ValidityPolicy readValidity(JsonNode n, String p) {
    if (!object(n, p, Set.of("type", "period", "until"))) {
      return null;
    }
    ValidityPolicy.Type t = n.has("type") ? enumReader(ValidityPolicy.Type.class).apply(n.get("type"), p + ".type") : null;
    if (t == null) {
      if (!n.has("type")) {
        error(p + ".type", CoreIssueCode.MISSING_FIELD, "expected one of " + Arrays.toString(ValidityPolicy.Type.values()));
      }
      return null;
    }
    return switch (t) {
      case NO_EXPIRY -> ValidityPolicy.noExpiry();
      case PERIOD_AFTER_AWARD -> build(p + ".period", CoreIssueCode.INVALID_PERIOD,
          () -> ValidityPolicy.periodAfterAward(Period.parse(req(n, "period", p))));
      case UNTIL_DATE -> {
        LocalDate d = n.has("until") ? date(n.get("until"), p + ".until") : null;
        if (d == null && !n.has("until")) {
          error(p + ".until", CoreIssueCode.MISSING_FIELD, "expected an ISO 8601 date (YYYY-MM-DD)");
        }
        yield d == null ? null : ValidityPolicy.until(d);
      }
    };
  }

  private DegreePathway readPathway(JsonNode n, String p) {
    if (!object(n, p, Set.of("granted", "programmes", "credit"))) {
      return null;
    }
    Boolean granted = n.has("granted") ? bool(n.get("granted"), p + ".granted") : null;
    if (!n.has("granted")) {
      error(p + ".granted", CoreIssueCode.MISSING_FIELD, "expected true or false");
    }
    List<String> programmes = list(n, "programmes", p, this::stringItem);
    CreditValue credit = n.has("credit") ? readCredit(n.get("credit"), p + ".credit") : null;
    return granted == null ? null : DegreePathway.of(granted, programmes, credit);
  }

  // ------------------------------------------------------------------ primitives

  private boolean object(JsonNode n, String path, Set<String> allowed) {
    if (n == null || !n.isObject()) {
      error(path, CoreIssueCode.WRONG_TYPE, "expected an object, found " + kind(n));
      return false;
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        error(path + "." + k, CoreIssueCode.UNKNOWN_PROPERTY,
            "unknown property '" + k + "'; expected one of " + new TreeSet<>(allowed));
      }
    }
    return true;
  }

  private static String kind(JsonNode n) {
    return n == null || n.isMissingNode() ? "nothing" : n.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private <T> void opt(JsonNode parent, String key, String path, BiFunction<JsonNode, String, T> reader, Consumer<T> sink) {
    JsonNode v = parent.get(key);
    if (v != null) {
      T t = reader.apply(v, path + "." + key);
      if (t != null) {
        sink.accept(t);
      }
    }
  }

  private <T> List<T> list(JsonNode parent, String key, String path, BiFunction<JsonNode, String, T> reader) {
    JsonNode v = parent.get(key);
    List<T> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    String p = path + "." + key;
    if (!v.isArray()) {
      error(p, CoreIssueCode.WRONG_TYPE, "expected an array, found " + kind(v));
      return out;
    }
    for (int i = 0; i < v.size(); i++) {
      T t = reader.apply(v.get(i), p + "[" + i + "]");
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  private String text(JsonNode n, String path) {
    if (!n.isTextual()) {
      error(path, CoreIssueCode.WRONG_TYPE, "expected a string, found " + kind(n));
      return null;
    }
    return n.asText();
  }

  private String text(JsonNode parent, String key, String path) {
    JsonNode v = parent.get(key);
    return v == null ? null : text(v, path + "." + key);
  }

  private String stringItem(JsonNode n, String path) {
    String s = text(n, path);
    if (s != null && s.isBlank()) {
      error(path, CoreIssueCode.BLANK_VALUE, "expected a non-blank string");
      return null;
    }
    return s;
  }

  /** A required string; throws IllegalArgumentException (turned into an issue by build) when absent. */
  private String req(JsonNode parent, String key, String path) {
    JsonNode v = parent.get(key);
    if (v == null || !v.isTextual()) {
      throw new Missing(path + "." + key, v == null ? "required string is missing" : "expected a string, found " + kind(v));
    }
    return v.asText();
  }

  private String reqScalar(JsonNode parent, String key, String path) {
    JsonNode v = parent.get(key);
    if (v != null && (v.isIntegralNumber())) {
      return v.asText();
    }
    return req(parent, key, path);
  }

  private String optText(JsonNode parent, String key, String path) {
    String s = optNull(parent, key, path);
    return s == null ? "" : s;
  }

  private String optNull(JsonNode parent, String key, String path) {
    JsonNode v = parent.get(key);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      error(path + "." + key, CoreIssueCode.WRONG_TYPE, "expected a string, found " + kind(v));
      return null;
    }
    return v.asText();
  }

  private Boolean bool(JsonNode n, String path) {
    if (!n.isBoolean()) {
      error(path, CoreIssueCode.WRONG_TYPE, "expected true or false, found " + kind(n));
      return null;
    }
    return n.booleanValue();
  }

  private BigDecimal decimal(JsonNode n, String path) {
    try {
      if (n.isTextual() && n.asText().strip().length() > CreditValue.MAX_TEXT_LENGTH) {
        // refused before parsing: a string of millions of digits takes minutes to parse
        error(path, CoreIssueCode.WRONG_TYPE, "expected a decimal number of at most " + CreditValue.MAX_TEXT_LENGTH
            + " characters, found a string of " + n.asText().strip().length());
        return null;
      }
      BigDecimal d = n.isNumber() ? n.decimalValue() : n.isTextual() ? new BigDecimal(n.asText().trim()) : null;
      if (d != null && CreditValue.withinBounds(d)) {
        return d;
      }
      if (d != null) {
        // refused before anything expands it (1e99999999 would otherwise become a hundred million digits)
        error(path, CoreIssueCode.WRONG_TYPE, "expected a decimal number with at most "
            + CreditValue.MAX_INTEGER_DIGITS + " integer and " + CreditValue.MAX_FRACTION_DIGITS
            + " decimal digits, found " + brief(d));
        return null;
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    error(path, CoreIssueCode.WRONG_TYPE, "expected a decimal number, found " + kind(n) + (n.isTextual() ? " '" + n.asText() + "'" : ""));
    return null;
  }

  private static String brief(BigDecimal d) {
    String s = d.toString();
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }

  private Integer integer(JsonNode n, String path) {
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      error(path, CoreIssueCode.WRONG_TYPE, "expected a whole number, found " + kind(n));
      return null;
    }
    return n.intValue();
  }

  private Instant instant(JsonNode n, String path) {
    String s = text(n, path);
    if (s == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      error(path, CoreIssueCode.INVALID_DATE_TIME, "expected an ISO 8601 date-time with offset (2026-01-31T12:00:00Z), found '" + s + "'");
      return null;
    }
  }

  private LocalDate date(JsonNode n, String path) {
    String s = text(n, path);
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      error(path, CoreIssueCode.INVALID_DATE, "expected an ISO 8601 date (YYYY-MM-DD), found '" + s + "'");
      return null;
    }
  }

  private <E extends Enum<E>> BiFunction<JsonNode, String, E> enumReader(Class<E> type) {
    return (n, path) -> {
      String s = text(n, path);
      if (s == null) {
        return null;
      }
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(s)) {
          return e;
        }
      }
      error(path, CoreIssueCode.UNKNOWN_VALUE,
          "'" + s + "' is not a " + type.getSimpleName() + "; expected one of " + Arrays.toString(type.getEnumConstants()));
      return null;
    };
  }

  private static final class Missing extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String path;

    Missing(String path, String message) {
      super(message, null, false, false);
      this.path = path;
    }
  }

  private <T> T build(String path, CoreIssueCode code, Supplier<T> f) {
    try {
      return f.get();
    } catch (Missing m) {
      error(m.path, CoreIssueCode.MISSING_FIELD, m.getMessage());
    } catch (IllegalArgumentException | DateTimeException | NullPointerException e) {
      error(path, code, e.getMessage() == null ? "invalid value" : e.getMessage());
    }
    return null;
  }
}
