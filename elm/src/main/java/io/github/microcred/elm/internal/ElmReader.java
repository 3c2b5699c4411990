package io.github.microcred.elm.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.microcred.core.Assessment;
import io.github.microcred.core.AssessmentType;
import io.github.microcred.core.Award;
import io.github.microcred.core.Competency;
import io.github.microcred.core.CreditUnit;
import io.github.microcred.core.CreditValue;
import io.github.microcred.core.FieldOfEducation;
import io.github.microcred.core.IdentityVerification;
import io.github.microcred.core.LearnerIdentity;
import io.github.microcred.core.LearningSetting;
import io.github.microcred.core.Level;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.Organization;
import io.github.microcred.core.ParticipationMode;
import io.github.microcred.core.QualityAssurance;
import io.github.microcred.core.QualityAssuranceType;
import io.github.microcred.core.Stackability;
import io.github.microcred.core.StackabilityOption;
import io.github.microcred.core.Workload;
import io.github.microcred.core.internal.JsonValues;
import io.github.microcred.elm.ElmProblemCode;
import io.github.microcred.elm.internal.Vocabulary.Kind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an EDC {@code EuropeanDigitalCredential} (compact form of the VC 1.1 and {@code edc-ap} contexts) into the
 * core model, with a warning and JSON path for everything the core model cannot carry, and records which EU Annex I
 * elements the document holds (for {@code Elm.check}).
 */
public final class ElmReader {
  /** A warning produced while reading. */
  public record Warning(String path, ElmProblemCode code, String message) {}

  /** Annex I elements, in the Recommendation's order; the first eleven are mandatory. */
  public enum Element {
    /** Identification of the learner. */
    LEARNER("$.credentialSubject", true),
    /** Title of the micro-credential. */
    TITLE("$.credentialSubject.hasClaim[0].specifiedBy.title", true),
    /** Country/region of the issuer. */
    COUNTRY("$.issuer.location[0].address.countryCode", true),
    /** Awarding body. */
    AWARDING_BODY("$.credentialSubject.hasClaim[0].awardedBy.awardingBody", true),
    /** Date of issuing. */
    ISSUE_DATE("$.issued", true),
    /** Learning outcomes. */
    LEARNING_OUTCOMES("$.credentialSubject.hasClaim[0].specifiedBy.learningOutcome", true),
    /** Notional workload (ECTS where possible). */
    WORKLOAD("$.credentialSubject.hasClaim[0].specifiedBy.creditPoint", true),
    /** Level (EQF, NQF). */
    LEVEL("$.credentialSubject.hasClaim[0].specifiedBy.eqfLevel", true),
    /** Type of assessment. */
    ASSESSMENT("$.credentialSubject.hasClaim[0].specifiedBy.provenBy", true),
    /** Form of participation. */
    PARTICIPATION("$.credentialSubject.hasClaim[0].specifiedBy.mode", true),
    /** Type of quality assurance. */
    QUALITY_ASSURANCE("$.credentialSubject.hasClaim[0].specifiedBy.accreditation", true),
    /** Prerequisites. */
    PREREQUISITES("$.credentialSubject.hasClaim[0].specifiedBy.entryRequirement", false),
    /** Supervision and identity verification. */
    SUPERVISION("$.credentialSubject.hasClaim[0].provenBy[0].idVerification", false),
    /** Grade achieved. */
    GRADE("$.credentialSubject.hasClaim[0].provenBy[0].grade", false),
    /** Integration / stackability options. */
    STACKABILITY("$.credentialSubject.hasClaim[0].specifiedBy.isPartialQualification", false),
    /** Further information. */
    FURTHER_INFORMATION("$.credentialSubject.hasClaim[0].specifiedBy.homepage", false);

    private final String path;
    private final boolean mandatory;

    Element(String path, boolean mandatory) {
      this.path = path;
      this.mandatory = mandatory;
    }

    /** Where the element is expected. */
    public String path() {
      return path;
    }

    /** Whether Annex I makes it mandatory. */
    public boolean mandatory() {
      return mandatory;
    }
  }

  /** What the reader produced. */
  public static final class Result {
    /** The micro-credential. */
    public MicroCredential microCredential;
    /** The award, when the learner and issue date could be read. */
    public Award award;
    /** The warnings. */
    public final List<Warning> warnings = new ArrayList<>();
    /** The Annex I elements found. */
    public final Set<Element> found = EnumSet.noneOf(Element.class);
    /** Concepts that are microcred URNs rather than EU vocabulary concepts: path, IRI. */
    public final List<String[]> ownConcepts = new ArrayList<>();
  }

  private static final Pattern LEVEL_LABEL = Pattern.compile("^(.+?)\\s+[Ll]evel\\s+(\\S+)$");
  private static final Pattern HOURS = Pattern.compile("^PT(\\d+(?:\\.\\d+)?)H$");
  private static final Set<String> ENVELOPE = Set.of("@context", "id", "type", "credentialProfiles",
      "credentialSchema", "displayParameter", "credentialSubject", "issuer", "issuanceDate", "issued", "validFrom",
      "expirationDate", "validUntil", "evidence", "identifier");

  /** The deepest nesting read below the credential. */
  public static final int MAX_DEPTH = 64;
  /** The longest value parsed as a number, duration, date or level label (longer ones are warned about). */
  static final int MAX_VALUE_CHARS = 256;

  private final Result out = new Result();
  private int nodes;
  private final Map<String, JsonNode> index = new HashMap<>();
  private final String preferred;
  private final Set<String> specIds = new LinkedHashSet<>();
  /** The assessment read so far (from the specification and from each claim's assessments). */
  private Assessment assessment = Assessment.NONE;

  private ElmReader(String preferred) {
    this.preferred = preferred;
  }

  /**
   * Reads a credential: the bare JSON-LD, EDC's upload form ({@code {"credential": ...}}) or a JWS JSON serialization
   * with the credential as its unencoded payload.
   *
   * @param doc the document
   * @param preferredLanguage the language to read texts in when several are given ({@code null}: the first)
   * @return the result
   * @throws IllegalArgumentException when the document is not an EDC credential (message names the path)
   */
  public static Result read(JsonNode doc, String preferredLanguage) {
    ElmReader r = new ElmReader(preferredLanguage);
    // bounds first: nothing else walks a tree beyond them, so their refusal is the one a caller sees
    r.bound(doc, 0, "$");
    JsonNode c = unwrap(doc, r.out.warnings);
    if (doc.isObject() && c != doc && c != doc.get("credential")) {
      r.nodes = 0;
      r.bound(c, 0, "$.payload");
    }
    r.run(c);
    return r.out;
  }

  /**
   * The credential inside a document (see {@link #read}).
   *
   * @param doc the document
   * @param warnings where to note an unwrapping
   * @return the credential object
   */
  public static JsonNode unwrap(JsonNode doc, List<Warning> warnings) {
    if (doc == null || !doc.isObject()) {
      throw new IllegalArgumentException("$: expected a JSON object (an EDC EuropeanDigitalCredential), got "
          + (doc == null ? "nothing" : doc.getNodeType().name().toLowerCase(Locale.ROOT)));
    }
    if (doc.has("credential") && doc.size() == 1 && doc.get("credential").isObject()) {
      return doc.get("credential");
    }
    if (doc.has("payload") && doc.has("signatures")) {
      JsonNode p = doc.get("payload");
      if (!p.isTextual()) {
        throw new IllegalArgumentException("$.payload: expected the credential as an unencoded JSON string (JAdES "
            + "b64:false)");
      }
      try {
        JsonNode c;
        try {
          c = Json.parse(p.asText());
        } catch (Json.LimitExceeded e) {
          throw new Json.LimitExceeded("$.payload" + e.getMessage().substring(1));
        }
        if (warnings != null) {
          warnings.add(new Warning("$.signatures", ElmProblemCode.SEAL_NOT_CHECKED, "the JAdES seal is not checked by an import; verify it with "
              + "the elm-jades module"));
        }
        return c;
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("$.payload: " + Json.describe(e), e);
      }
    }
    return doc;
  }

  private void run(JsonNode doc) {
    checkEnvelope(doc);
    indexNodes(doc);
    for (Iterator<String> it = doc.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!ENVELOPE.contains(k)) {
        warn("$." + k, "not carried: the core model has no counterpart");
      }
    }
    if (doc.has("displayParameter")) {
      warn("$.displayParameter", "the display (title, image) is not carried; an export writes a new one");
    }
    if (doc.has("identifier")) {
      warn("$.identifier", "the credential's own identifiers are not carried");
    }
    if (doc.has("evidence")) {
      warn("$.evidence", "evidence is not carried");
    }
    JsonNode subject = first(doc.get("credentialSubject"), "$.credentialSubject");
    if (subject == null) {
      throw new IllegalArgumentException("$.credentialSubject: missing; an EDC credential has one Person");
    }
    subject = resolve(subject);
    JsonNode claim = first(subject.get("hasClaim"), "$.credentialSubject.hasClaim");
    if (claim == null) {
      throw new IllegalArgumentException("$.credentialSubject.hasClaim: missing; an EDC credential claims a learning "
          + "achievement");
    }
    claim = resolve(claim);
    String cp = "$.credentialSubject.hasClaim[0]";
    JsonNode spec = claim.has("specifiedBy") ? resolve(first(claim.get("specifiedBy"), cp + ".specifiedBy")) : null;
    String sp = cp + ".specifiedBy";
    String title = spec != null ? text(spec.get("title"), sp + ".title") : null;
    if (title == null) {
      title = text(claim.get("title"), cp + ".title");
    }
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException(sp + ".title: missing; the Annex I title of the micro-credential is "
          + "required");
    }
    out.found.add(Element.TITLE);
    MicroCredential.Builder b = MicroCredential.builder(title);
    Organization issuer = null;
    if (doc.has("issuer")) {
      issuer = org(resolve(first(doc.get("issuer"), "$.issuer")), "$.issuer", Organization.Role.ISSUER);
    }
    if (spec == null) {
      warn(sp, "the claim has no specification (Qualification): only its title is read");
    } else {
      spec(spec, sp, b);
    }
    claimParts(claim, cp, b);
    String country = issuer != null ? issuer.country().orElse(null) : null;
    List<Organization> bodies = awardingBodies(claim, cp);
    if (country == null && !bodies.isEmpty()) {
      country = bodies.get(0).country().orElse(null);
    }
    if (country != null) {
      b.issuerCountry(country);
      out.found.add(Element.COUNTRY);
    }
    b.awardingBodies(bodies);
    if (!bodies.isEmpty()) {
      out.found.add(Element.AWARDING_BODY);
    }
    MicroCredential mc = b.build();
    out.microCredential = mc;
    award(doc, subject, claim, cp, mc, issuer);
    ownConcepts(doc, "$");
    Set<String> warned = new HashSet<>();
    out.warnings.forEach(w -> warned.add(pathKey(w.path())));
    euConcepts(doc, "$", null, warned);
  }

  private void checkEnvelope(JsonNode doc) {
    JsonNode ctx = doc.get("@context");
    boolean ok = ctx != null && ctx.isArray() && ctx.size() == 2 && ElmWriter.VC_CONTEXT.equals(ctx.get(0).asText(null))
        && ElmWriter.EDC_CONTEXT.equals(ctx.get(1).asText(null));
    if (!ok) {
      throw new IllegalArgumentException("$['@context']: expected [\"" + ElmWriter.VC_CONTEXT + "\", \""
          + ElmWriter.EDC_CONTEXT + "\"] (EDC's compact form, whose keys this reader reads as ELM terms), got "
          + (ctx == null ? "none" : ctx.toString()));
    }
    JsonNode type = doc.get("type");
    boolean edc = false;
    if (type != null) {
      for (JsonNode t : type.isArray() ? type : List.of(type)) {
        edc |= "EuropeanDigitalCredential".equals(t.asText());
      }
    }
    if (!edc) {
      throw new IllegalArgumentException("$.type: expected it to include \"EuropeanDigitalCredential\", got "
          + (type == null ? "none" : type.toString()));
    }
  }

  /** Refuses a tree nested deeper than {@link #MAX_DEPTH} or with more than {@link Json#MAX_VALUES} values. */
  private void bound(JsonNode n, int depth, String where) {
    if (depth > MAX_DEPTH) {
      throw new Json.LimitExceeded(where + ": nested deeper than " + MAX_DEPTH + " levels");
    }
    if (++nodes > Json.MAX_VALUES) {
      throw new Json.LimitExceeded(where + ": more than " + Json.MAX_VALUES + " JSON values");
    }
    if (n.isContainerNode()) {
      for (JsonNode child : n) {
        bound(child, depth + 1, where);
      }
    }
  }

  private void indexNodes(JsonNode n) {
    if (n.isObject()) {
      JsonNode id = n.get("id");
      if (id != null && id.isTextual() && n.size() > 2) {
        JsonNode prior = index.get(id.asText());
        if (prior == null || prior.size() < n.size()) {
          index.put(id.asText(), n);
        }
      }
      n.forEach(this::indexNodes);
    } else if (n.isArray()) {
      n.forEach(this::indexNodes);
    }
  }

  private JsonNode resolve(JsonNode n) {
    if (n == null || n.isNull()) {
      return MissingNode.getInstance();
    }
    if (n != null && n.isObject() && n.size() <= 2 && n.has("id")) {
      JsonNode full = index.get(n.get("id").asText());
      return full != null ? full : n;
    }
    if (n != null && n.isTextual()) {
      JsonNode full = index.get(n.asText());
      return full != null ? full : JsonNodeFactory.instance.objectNode().put("id", n.asText());
    }
    return n;
  }

  // ---- the specification

  private void spec(JsonNode s, String p, MicroCredential.Builder b) {
    Set<String> used = new LinkedHashSet<>(List.of("id", "type", "title"));
    JsonNode id = s.get("id");
    if (id != null && id.isTextual()) {
      b.id(id.asText());
    }
    used.add("description");
    Optional.ofNullable(text(s.get("description"), p + ".description")).ifPresent(b::shortDescription);
    used.add("learningOutcomeSummary");
    if (s.has("learningOutcomeSummary")) {
      JsonNode n = resolve(first(s.get("learningOutcomeSummary"), p + ".learningOutcomeSummary"));
      Optional.ofNullable(text(n.get("noteLiteral"), p + ".learningOutcomeSummary.noteLiteral"))
          .ifPresent(b::certifiedLearning);
    }
    used.add("learningOutcome");
    int i = 0;
    for (JsonNode lo : each(s.get("learningOutcome"))) {
      String lp = p + ".learningOutcome[" + i++ + "]";
      lo = resolve(lo);
      String t = text(lo.get("title"), lp + ".title");
      if (t != null && !t.isBlank()) {
        b.learningOutcome(t);
      } else {
        warn(lp + ".title", "a learning outcome without a title is not carried");
      }
      for (String key : List.of("relatedESCOSkill", "relatedSkill")) {
        int j = 0;
        for (JsonNode sk : each(lo.get(key))) {
          String kp = lp + "." + key + "[" + j++ + "]";
          sk = resolve(sk);
          String name = text(sk.get("prefLabel"), kp + ".prefLabel");
          String uri = sk.path("id").asText("");
          if (name == null || name.isBlank()) {
            warn(kp, "a skill without a prefLabel is not carried (a core competency needs a name)");
            continue;
          }
          b.competency(new Competency(name, uri));
        }
      }
      for (Iterator<String> it = lo.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!Set.of("id", "type", "title", "relatedESCOSkill", "relatedSkill").contains(k)) {
          warn(lp + "." + k, "not carried: a core learning outcome is a text");
        }
      }
    }
    if (i > 0) {
      out.found.add(Element.LEARNING_OUTCOMES);
    }
    used.add("volumeOfLearning");
    Workload[] workload = {Workload.NONE};
    if (s.has("volumeOfLearning")) {
      hours(s.get("volumeOfLearning").asText(), p + ".volumeOfLearning").ifPresent(h -> {
        workload[0] = workload[0].withHours(h);
        out.found.add(Element.WORKLOAD);
      });
    }
    used.add("creditPoint");
    i = 0;
    for (JsonNode c : each(s.get("creditPoint"))) {
      String cp = p + ".creditPoint[" + i++ + "]";
      c = resolve(c);
      JsonNode fw = resolve(first(c.get("framework"), cp + ".framework"));
      String fid = fw == null ? null : fw.path("id").asText(null);
      Optional<CreditUnit> unit = Vocabulary.value(Kind.CREDIT, CreditUnit.class, fid);
      if (unit.isEmpty()) {
        warn(cp + ".framework", "credit framework " + fid + " is not one the core model knows; the credit is not "
            + "carried");
        continue;
      }
      try {
        // core's bounded decimal reading: long or far-out numbers are refused before they expand
        BigDecimal amount = CreditValue.parseDecimal(c.path("point").asText(""));
        workload[0] = workload[0].withCredit(new CreditValue(amount, unit.get()));
        out.found.add(Element.WORKLOAD);
      } catch (IllegalArgumentException e) {
        warn(cp + ".point", ElmProblemCode.INVALID_VALUE, "expected a non-negative decimal number of credit points, got " + shown(c.get("point"))
            + " (" + e.getMessage() + ")");
      }
    }
    b.workload(workload[0]);
    used.add("eqfLevel");
    used.add("nqfLevel");
    levels(s, p, b);
    used.add("mode");
    i = 0;
    for (JsonNode m : each(s.get("mode"))) {
      String mp = p + ".mode[" + i++ + "]";
      String mid = resolve(m).path("id").asText(null);
      Optional<ParticipationMode> mode = Vocabulary.value(Kind.MODE, ParticipationMode.class, mid);
      if (mode.isEmpty()) {
        warn(mp, "mode " + mid + " is not online, presential or blended; not carried");
      } else if (i == 1) {
        b.participation(mode.get());
        out.found.add(Element.PARTICIPATION);
      } else {
        warn(mp, "a second mode is not carried: the core model holds one form of participation");
      }
    }
    used.add("learningSetting");
    i = 0;
    for (JsonNode m : each(s.get("learningSetting"))) {
      String lp = p + ".learningSetting" + (s.get("learningSetting").isArray() ? "[" + i + "]" : "");
      JsonNode c = resolve(m);
      String lid = c.path("id").asText(null);
      Optional<LearningSetting> setting = Vocabulary.value(Kind.LEARNING_SETTING, LearningSetting.class, lid);
      if (setting.isEmpty()) {
        warn(lp, "learning setting " + lid + " (" + label(c) + ") is not formal or non-formal learning of the EU "
            + "learning-setting scheme; not carried");
      } else if (i == 0) {
        b.learningSetting(setting.get());
      } else {
        warn(lp, "a second learning setting is not carried: the core model holds one (EDC allows one)");
      }
      i++;
    }
    for (String key : List.of("thematicArea", "ISCEDFCode")) {
      used.add(key);
      i = 0;
      for (JsonNode t : each(s.get(key))) {
        String tp = p + "." + key + "[" + i++ + "]";
        JsonNode c = resolve(t);
        String tid = c.path("id").asText("");
        String code = tid.startsWith(Vocabulary.ISCED_F_PREFIX) ? tid.substring(Vocabulary.ISCED_F_PREFIX.length())
            : null;
        try {
          if (code == null) {
            throw new IllegalArgumentException("not an ISCED-F concept (" + Vocabulary.ISCED_F_PREFIX + "CODE)");
          }
          b.fieldOfEducation(new FieldOfEducation(code));
        } catch (IllegalArgumentException e) {
          warn(tp, "field of education " + shown(c.path("id")) + " is not carried: " + e.getMessage());
        }
      }
    }
    used.add("language");
    i = 0;
    for (JsonNode l : each(s.get("language"))) {
      String lid = resolve(l).path("id").asText(null);
      Optional<String> tag = Vocabulary.languageTag(lid);
      if (tag.isPresent()) {
        b.language(tag.get());
      } else {
        warn(p + ".language[" + i + "]", "language " + lid + " is not in the EU language table; not carried");
      }
      i++;
    }
    used.add("entryRequirement");
    if (s.has("entryRequirement")) {
      JsonNode n = resolve(first(s.get("entryRequirement"), p + ".entryRequirement"));
      String t = text(n.get("noteLiteral"), p + ".entryRequirement.noteLiteral");
      if (t != null) {
        for (String line : t.split(ElmWriter.PREREQUISITE_SEPARATOR)) {
          if (!line.isBlank()) {
            b.prerequisite(line);
          }
        }
        out.found.add(Element.PREREQUISITES);
      }
    }
    used.add("provenBy");
    assessmentSpecs(each(s.get("provenBy")), p + ".provenBy", b);
    used.add("additionalNote");
    used.add("accreditation");
    used.add("isPartialQualification");
    used.add("isPartOf");
    used.add("homepage");
    used.add("supplementaryDocument");
    notes(s, p, b);
    for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!used.contains(k)) {
        warn(p + "." + k, "not carried: the core model has no counterpart");
      }
    }
  }

  private void levels(JsonNode s, String p, MicroCredential.Builder b) {
    if (s.has("eqfLevel")) {
      JsonNode e = resolve(first(s.get("eqfLevel"), p + ".eqfLevel"));
      String id = e.path("id").asText("");
      if (id.startsWith(Vocabulary.EQF_PREFIX) && id.substring(Vocabulary.EQF_PREFIX.length()).matches("[1-8]")) {
        b.level(Level.eqf(Integer.parseInt(id.substring(Vocabulary.EQF_PREFIX.length()))));
        out.found.add(Element.LEVEL);
      } else {
        warn(p + ".eqfLevel", ElmProblemCode.NOT_IN_VOCABULARY, "expected an EQF level concept " + Vocabulary.EQF_PREFIX + "1..8, got " + id);
      }
    }
    int i = 0;
    for (JsonNode n : each(s.get("nqfLevel"))) {
      String np = p + ".nqfLevel[" + i++ + "]";
      n = resolve(n);
      String id = n.path("id").asText("");
      Optional<String[]> known = Vocabulary.qdrLevel(id);
      if (known.isPresent()) {
        b.level(Level.national(known.get()[0], known.get()[1]));
        out.found.add(Element.LEVEL);
        continue;
      }
      if (id.startsWith("urn:microcred:elm:level:")) {
        String[] parts = id.substring("urn:microcred:elm:level:".length()).split(":", 2);
        if (parts.length == 2) {
          b.level(Level.national(dec(parts[0]), dec(parts[1])));
          out.found.add(Element.LEVEL);
          continue;
        }
      }
      String label = text(n.get("prefLabel"), np + ".prefLabel");
      if (label != null && label.length() > MAX_VALUE_CHARS) {
        warn(np + ".prefLabel", ElmProblemCode.INVALID_VALUE, "a level label of " + label.length() + " characters is not read (at most "
            + MAX_VALUE_CHARS + ")");
        continue;
      }
      Matcher m = label == null ? null : LEVEL_LABEL.matcher(label.trim());
      if (m != null && m.matches()) {
        b.level(Level.national(m.group(1), m.group(2)));
        out.found.add(Element.LEVEL);
        if (!id.isEmpty()) {
          warn(np, ElmProblemCode.CHANGED, "national level " + id + " is carried as framework '" + m.group(1) + "', level '" + m.group(2)
              + "' (read from its label); the concept IRI is not carried");
        }
      } else {
        warn(np, "national level " + id + " has no label of the form 'FRAMEWORK Level N'; not carried");
      }
    }
  }

  private void assessmentSpecs(List<JsonNode> specs, String p, MicroCredential.Builder b) {
    int i = 0;
    boolean described = false;
    for (JsonNode s : specs) {
      String ap = p + "[" + i++ + "]";
      s = resolve(s);
      if (s.has("id") && !specIds.add(s.get("id").asText())) {
        continue;
      }
      JsonNode type = s.has("dcType") ? resolve(first(s.get("dcType"), ap + ".dcType")) : null;
      String tid = type == null ? null : type.path("id").asText(null);
      Optional<AssessmentType> t = Vocabulary.value(Kind.ASSESSMENT, AssessmentType.class, tid);
      String desc = text(s.get("description"), ap + ".description");
      AssessmentType core = t.orElse(AssessmentType.OTHER);
      if (assessment.types().contains(core)) {
        // the core lists each type once: a second specification of the same core type (an EU written and an oral
        // examination, two types the core does not name) adds no type
        warn(ap + ".dcType", ElmProblemCode.CHANGED, "assessment type " + (tid == null ? "(none)" : tid) + " reads as " + core + ", which an "
            + "earlier assessment specification already gave; the core lists each type once");
      } else {
        assessment = assessment.withType(core);
      }
      if (t.isEmpty()) {
        String what = text(s.get("title"), ap + ".title");
        String tl = type == null ? null : text(type.get("prefLabel"), ap + ".dcType.prefLabel");
        String d = (what == null ? "" : what) + (tl == null ? "" : (what == null ? "" : " (") + tl
            + (what == null ? "" : ")"));
        if (desc == null && !d.isBlank()) {
          desc = d;
        }
        warn(ap + ".dcType", ElmProblemCode.CHANGED, "assessment type " + (tid == null ? "(none)" : tid) + " is not one the core model "
            + "names; carried as OTHER, described as '" + d + "'");
      }
      out.found.add(Element.ASSESSMENT);
      if (desc != null && !described) {
        assessment = assessment.withDescription(desc);
        described = true;
      }
      if (s.has("gradingScheme")) {
        JsonNode g = resolve(first(s.get("gradingScheme"), ap + ".gradingScheme"));
        String gd = text(g.get("description"), ap + ".gradingScheme.description");
        String gt = text(g.get("title"), ap + ".gradingScheme.title");
        b.grading(gd != null ? gd : gt);
      }
      for (JsonNode n : each(s.get("additionalNote"))) {
        JsonNode subj = resolve(first(resolve(n).get("subject"), ap + ".additionalNote.subject"));
        Vocabulary.value(Kind.SUPERVISION, IdentityVerification.class, subj == null ? null
            : subj.path("id").asText(null)).ifPresent(v -> {
              b.identityVerification(v);
              out.found.add(Element.SUPERVISION);
            });
      }
    }
    b.assessment(assessment);
  }

  private void notes(JsonNode s, String p, MicroCredential.Builder b) {
    QualityAssuranceType qaType = null;
    String qaDescription = "";
    StackabilityOption option = null;
    String stackDescription = "";
    String further = null;
    int i = 0;
    for (JsonNode n : each(s.get("additionalNote"))) {
      String np = p + ".additionalNote[" + i++ + "]";
      n = resolve(n);
      JsonNode subj = n.has("subject") ? resolve(first(n.get("subject"), np + ".subject")) : null;
      String sid = subj == null ? null : subj.path("id").asText(null);
      String literal = text(n.get("noteLiteral"), np + ".noteLiteral");
      Optional<QualityAssuranceType> qa = Vocabulary.value(Kind.QUALITY_ASSURANCE, QualityAssuranceType.class, sid);
      Optional<StackabilityOption> so = Vocabulary.value(Kind.STACKABILITY, StackabilityOption.class, sid);
      if (qa.isPresent()) {
        qaType = qa.get();
        qaDescription = literal == null || literal.equals(Vocabulary.own(Kind.QUALITY_ASSURANCE, qaType.name()).label())
            || literal.equals(Vocabulary.concept(Kind.QUALITY_ASSURANCE, qaType).label()) ? "" : literal;
      } else if (so.isPresent()) {
        option = so.get();
        stackDescription = literal == null || literal.equals(Vocabulary.own(Kind.STACKABILITY, option.name()).label())
            ? "" : literal;
      } else if ((Vocabulary.Kind.NOTE.urnPrefix() + "FURTHER_INFORMATION").equals(sid)) {
        further = literal;
      } else {
        warn(np, "not carried: a note the core model has no place for");
      }
    }
    List<Organization> qaBodies = new ArrayList<>();
    String accTitle = null;
    QualityAssuranceType accType = null;
    i = 0;
    for (JsonNode a : each(s.get("accreditation"))) {
      String ap = p + ".accreditation[" + i++ + "]";
      a = resolve(a);
      if (accTitle == null) {
        accTitle = text(a.get("title"), ap + ".title");
      }
      if (accType == null && a.has("dcType")) {
        JsonNode t = resolve(first(a.get("dcType"), ap + ".dcType"));
        accType = Vocabulary.value(Kind.QUALITY_ASSURANCE, QualityAssuranceType.class, t.path("id").asText(null))
            .orElse(null);
      }
      if (a.has("accreditingAgent")) {
        qaBodies.add(org(resolve(first(a.get("accreditingAgent"), ap + ".accreditingAgent")), ap + ".accreditingAgent",
            Organization.Role.QA_BODY));
      }
    }
    if (qaType == null && i > 0) {
      // no QA note: the accreditation's EU type says which, else an accreditation means accredited
      qaType = accType != null ? accType : QualityAssuranceType.ACCREDITED;
      qaDescription = accTitle == null || accTitle.equals(Vocabulary.concept(Kind.QUALITY_ASSURANCE, qaType).label())
          ? "" : accTitle;
    }
    if (qaType != null) {
      b.qualityAssurance(new QualityAssurance(qaType, qaDescription, qaBodies));
      out.found.add(Element.QUALITY_ASSURANCE);
    }
    List<String> targets = new ArrayList<>();
    i = 0;
    for (JsonNode t : each(s.get("isPartOf"))) {
      t = resolve(t);
      String tt = text(t.get("title"), p + ".isPartOf[" + i++ + "].title");
      targets.add(tt != null ? tt : t.path("id").asText());
    }
    JsonNode partial = s.get("isPartialQualification");
    if (option == null && (partial != null || !targets.isEmpty())) {
      option = partial != null && !partial.asBoolean(false) && targets.isEmpty() ? StackabilityOption.STANDALONE
          : StackabilityOption.STACKABLE;
    }
    if (option != null) {
      b.stackability(new Stackability(option, targets, stackDescription));
      out.found.add(Element.STACKABILITY);
    }
    for (String key : List.of("homepage", "supplementaryDocument")) {
      if (further == null) {
        for (JsonNode w : each(s.get(key))) {
          String url = resolve(w).path("contentURL").asText(null);
          if (url != null) {
            further = url;
            break;
          }
        }
      }
    }
    if (further != null) {
      b.furtherInformation(further);
      out.found.add(Element.FURTHER_INFORMATION);
    }
  }

  // ---- the claim and the award

  private void claimParts(JsonNode claim, String cp, MicroCredential.Builder b) {
    int i = 0;
    for (JsonNode a : each(claim.get("provenBy"))) {
      String ap = cp + ".provenBy[" + i++ + "]";
      a = resolve(a);
      if (a.has("idVerification")) {
        JsonNode v = resolve(first(a.get("idVerification"), ap + ".idVerification"));
        String vid = v.path("id").asText(null);
        Optional<IdentityVerification> iv = Vocabulary.value(Kind.SUPERVISION, IdentityVerification.class, vid);
        if (iv.isPresent()) {
          b.identityVerification(iv.get());
          out.found.add(Element.SUPERVISION);
        } else {
          out.found.add(Element.SUPERVISION);
          warn(ap + ".idVerification", "supervision " + vid + " (" + label(v) + ") has no core counterpart; not "
              + "carried");
        }
      }
      if (a.has("specifiedBy")) {
        assessmentSpecs(List.of(resolve(first(a.get("specifiedBy"), ap + ".specifiedBy"))), ap + ".specifiedBy", b);
      }
    }
    for (Iterator<String> it = claim.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!Set.of("id", "type", "title", "description", "awardedBy", "provenBy", "specifiedBy").contains(k)) {
        warn(cp + "." + k, "not carried: " + (k.equals("influencedBy")
            ? "learning activities are not part of the core model" : "the core model has no counterpart"));
      }
    }
  }


  private List<Organization> awardingBodies(JsonNode claim, String cp) {
    List<Organization> bodies = new ArrayList<>();
    if (claim.has("awardedBy")) {
      JsonNode process = resolve(first(claim.get("awardedBy"), cp + ".awardedBy"));
      int i = 0;
      for (JsonNode o : each(process.get("awardingBody"))) {
        bodies.add(org(resolve(o), cp + ".awardedBy.awardingBody[" + i++ + "]", Organization.Role.AWARDING_BODY));
      }
    }
    return bodies;
  }

  private void award(JsonNode doc, JsonNode subject, JsonNode claim, String cp, MicroCredential mc, Organization issuer) {
    Instant issued = null;
    for (String k : List.of("issued", "validFrom", "issuanceDate")) {
      if (doc.has(k)) {
        // the first member present is the issue date: an unreadable one is warned about, not replaced by another
        issued = instant(doc.get(k), "$." + k);
        break;
      }
    }
    if (issued != null) {
      out.found.add(Element.ISSUE_DATE);
    }
    LearnerIdentity learner = learner(subject);
    if (learner != null) {
      out.found.add(Element.LEARNER);
    }
    String grade = null;
    JsonNode assessment = claim.has("provenBy") ? resolve(first(claim.get("provenBy"), cp + ".provenBy")) : null;
    if (assessment != null && assessment.has("grade")) {
      JsonNode g = resolve(first(assessment.get("grade"), cp + ".provenBy[0].grade"));
      grade = text(g.get("noteLiteral"), cp + ".provenBy[0].grade.noteLiteral");
      if (grade != null) {
        out.found.add(Element.GRADE);
      }
    }
    if (issued == null || learner == null) {
      warn("$", "no award is read: " + (issued == null ? "the credential has no issue date (issued / validFrom)"
          : "the learner has no identifier the core model can hold (a DID, a microcred hashed e-mail, or an e-mail"
              + " address)"));
      return;
    }
    Award.Builder a = Award.builder(mc, learner, issued);
    Optional.ofNullable(doc.path("id").asText(null)).ifPresent(a::id);
    a.issuer(issuer);
    Optional.ofNullable(text(subject.get("fullName"), "$.credentialSubject.fullName")).ifPresent(a::learnerName);
    a.grade(grade);
    JsonNode process = claim.has("awardedBy") ? resolve(first(claim.get("awardedBy"), cp + ".awardedBy")) : null;
    if (process != null && process.has("awardingDate")) {
      Instant when = instant(process.get("awardingDate"), cp + ".awardedBy.awardingDate");
      if (when != null && !when.equals(issued)) {
        LocalDate d = LocalDate.ofInstant(when, ZoneOffset.UTC);
        if (!d.atStartOfDay(ZoneOffset.UTC).toInstant().equals(when)) {
          warn(cp + ".awardedBy.awardingDate", ElmProblemCode.CHANGED, "the awarding time of day is not carried: the core award date is a "
              + "date");
        }
        a.awardedDate(d);
      }
    }
    for (String k : List.of("expirationDate", "validUntil")) {
      if (doc.has(k)) {
        Instant until = instant(doc.get(k), "$." + k);
        if (until != null && until.isAfter(issued)) {
          a.validUntil(until);
        } else if (until != null) {
          warn("$." + k, ElmProblemCode.INVALID_VALUE, "not after the issue date; not carried");
        }
        break;
      }
    }
    out.award = a.build();
  }

  private LearnerIdentity learner(JsonNode subject) {
    String sp = "$.credentialSubject";
    String id = subject.path("id").asText("");
    for (Iterator<String> it = subject.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!Set.of("id", "type", "hasClaim", "fullName", "identifier", "contactPoint").contains(k)) {
        warn(sp + "." + k, "not carried: the core learner is an identifier and a display name");
      }
    }
    if (id.startsWith("did:")) {
      try {
        return LearnerIdentity.did(id);
      } catch (IllegalArgumentException e) {
        warn(sp + ".id", ElmProblemCode.INVALID_VALUE, e.getMessage());
      }
    }
    int i = 0;
    for (JsonNode x : each(subject.get("identifier"))) {
      x = resolve(x);
      if (ElmWriter.HASHED_EMAIL_SCHEME.equals(x.path("schemeId").asText())) {
        String salt = x.path("schemeVersion").asText("");
        try {
          return LearnerIdentity.hashed(x.path("notation").asText(), salt.startsWith("salt:") ? salt.substring(5)
              : salt);
        } catch (IllegalArgumentException e) {
          warn(sp + ".identifier[" + i + "]", ElmProblemCode.INVALID_VALUE, e.getMessage());
        }
      }
      i++;
    }
    for (JsonNode c : each(subject.get("contactPoint"))) {
      for (JsonNode m : each(resolve(c).get("emailAddress"))) {
        String mail = resolve(m).path("id").asText("");
        if (mail.startsWith("mailto:") && mail.contains("@")) {
          warn(sp + ".contactPoint", ElmProblemCode.CHANGED, "the learner is identified by the SHA-256 hash of the e-mail address "
              + "(no salt): the address itself is not carried");
          return LearnerIdentity.hashedEmail(mail.substring("mailto:".length()), "");
        }
      }
    }
    return null;
  }

  private Organization org(JsonNode o, String p, Organization.Role role) {
    String name = text(o.get("legalName"), p + ".legalName");
    if (name == null || name.isBlank()) {
      name = text(o.get("prefLabel"), p + ".prefLabel");
    }
    if (name == null || name.isBlank()) {
      name = o.path("id").asText("");
      name = name.isBlank() ? "(unnamed organisation)" : name;
      warn(p + ".legalName", ElmProblemCode.CHANGED, "missing; the organisation is named by its id");
    }
    Organization.Builder b = Organization.builder(name).role(role);
    for (String k : List.of("eIDASIdentifier", "registration", "vatIdentifier", "taxIdentifier", "identifier",
        "altLabel", "logo", "groupMemberOf")) {
      if (o.has(k)) {
        warn(p + "." + k, "not carried: the core organisation has a name, id, country, web page and e-mail");
      }
    }
    String id = o.path("id").asText(null);
    if (id != null && !id.startsWith("urn:epass:org:")) {
      b.id(id);
    }
    JsonNode loc = o.has("location") ? resolve(first(o.get("location"), p + ".location")) : null;
    if (loc != null) {
      String sub = text(loc.get("geographicName"), p + ".location.geographicName");
      JsonNode addr = loc.has("address") ? resolve(first(loc.get("address"), p + ".location.address")) : null;
      JsonNode cc = addr == null ? null : resolve(first(addr.get("countryCode"), p + ".location.address.countryCode"));
      Optional<String> country = Vocabulary.countryCode(cc == null ? null : cc.path("id").asText(null));
      if (country.isPresent()) {
        b.country(sub != null && sub.matches("^" + country.get() + "-[A-Z0-9]{1,3}$") ? sub : country.get());
      } else if (cc != null) {
        warn(p + ".location.address.countryCode", "not a country of the EU authority table: " + cc.path("id"));
      }
    }
    for (JsonNode w : each(o.get("homepage"))) {
      String url = resolve(w).path("contentURL").asText(null);
      if (url != null) {
        b.url(url);
        break;
      }
    }
    outer:
    for (JsonNode c : each(o.get("contactPoint"))) {
      for (JsonNode m : each(resolve(c).get("emailAddress"))) {
        String mail = resolve(m).path("id").asText("");
        if (mail.startsWith("mailto:")) {
          b.email(mail.substring("mailto:".length()));
          break outer;
        }
      }
    }
    return b.build();
  }

  // ---- values

  private Optional<BigDecimal> hours(String v, String p) {
    if (v.length() > MAX_VALUE_CHARS) {
      warn(p, ElmProblemCode.INVALID_VALUE, "a workload of " + v.length() + " characters is not read (at most " + MAX_VALUE_CHARS + ")");
      return Optional.empty();
    }
    Matcher m = HOURS.matcher(v);
    if (m.matches()) {
      try {
        return Optional.of(CreditValue.parseDecimal(m.group(1)));
      } catch (NumberFormatException e) {
        warn(p, ElmProblemCode.INVALID_VALUE, "the workload's hours are not read: " + e.getMessage());
        return Optional.empty();
      }
    }
    try {
      Duration d = Duration.parse(v);
      if (d.isNegative()) {
        warn(p, ElmProblemCode.INVALID_VALUE, "a negative workload is not carried");
        return Optional.empty();
      }
      return Optional.of(BigDecimal.valueOf(d.getSeconds()).divide(BigDecimal.valueOf(3600), 4, RoundingMode.HALF_UP));
    } catch (DateTimeParseException e) {
      warn(p, ElmProblemCode.INVALID_VALUE, "expected an xsd:duration in hours, minutes or days (e.g. PT60H), got '" + v + "'; months and years "
          + "have no fixed number of hours, so the workload is not carried");
      return Optional.empty();
    }
  }

  private Instant instant(JsonNode v, String p) {
    if (v.asText().length() > MAX_VALUE_CHARS) {
      warn(p, ElmProblemCode.INVALID_VALUE, "a date of " + v.asText().length() + " characters is not read (at most " + MAX_VALUE_CHARS + ")");
      return null;
    }
    try {
      return OffsetDateTime.parse(v.asText()).toInstant();
    } catch (DateTimeParseException e) {
      warn(p, ElmProblemCode.INVALID_VALUE, "expected an xsd:dateTime with a time zone, got '" + v.asText() + "'");
      return null;
    }
  }

  private String text(JsonNode v, String p) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual()) {
      return v.asText();
    }
    if (v.isArray()) {
      return v.isEmpty() ? null : text(v.get(0), p);
    }
    if (v.isObject() && v.has("@value")) {
      return v.get("@value").asText();
    }
    if (v.isObject() && v.size() > 0) {
      String key = preferred != null && v.has(preferred) ? preferred : v.fieldNames().next();
      JsonNode t = v.get(key);
      if (v.size() > 1) {
        List<String> others = new ArrayList<>();
        v.fieldNames().forEachRemaining(k -> {
          if (!k.equals(key)) {
            others.add(k);
          }
        });
        warn(p, "read in '" + key + "'; the texts in " + others + " are not carried (core texts have one language)");
      }
      return t.isArray() ? (t.isEmpty() ? null : t.get(0).asText()) : t.asText();
    }
    return null;
  }

  private String label(JsonNode concept) {
    if (concept == null) {
      return "";
    }
    JsonNode l = concept.get("prefLabel");
    if (l != null && l.isObject() && l.size() > 0) {
      JsonNode v = l.has("en") ? l.get("en") : l.elements().next();
      return v.isArray() ? v.path(0).asText() : v.asText();
    }
    return Vocabulary.knownLabel(concept.path("id").asText()).orElse(concept.path("id").asText());
  }

  private JsonNode first(JsonNode v, String p) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isArray()) {
      if (v.isEmpty()) {
        return null;
      }
      return v.get(0);
    }
    return v;
  }

  private static List<JsonNode> each(JsonNode v) {
    // core's one-value-or-list reading (absent, null or missing is empty), as ctdl and vc read JSON-LD members
    return JsonValues.list(v);
  }

  private void ownConcepts(JsonNode n, String p) {
    if (n.isObject()) {
      String id = n.path("id").asText(null);
      if ("Concept".equals(n.path("type").asText()) && Vocabulary.isOwn(id)) {
        out.ownConcepts.add(new String[] {p, id});
      }
      n.properties().forEach(e -> ownConcepts(e.getValue(), p + "." + e.getKey()));
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        ownConcepts(n.get(i), p + "[" + i + "]");
      }
    }
  }

  /**
   * Checks every EU concept of the document against its published scheme: the concept at a property whose values come
   * from one EU scheme ({@link #fieldScheme}) must be one of that scheme's pinned terms ({@link Vocabulary#offField}:
   * a term of another scheme, an unknown code or a near-miss IRI is named with the term); elsewhere an IRI of a scheme
   * whose term list is pinned ({@link Vocabulary#notInPinnedScheme}) must be one of its terms; and a concept's
   * {@code inScheme} must be the scheme its IRI names. A field's warning takes the place of the reader's own warning
   * at that path (quoting it); other paths already warned about are not warned twice.
   */
  private void euConcepts(JsonNode n, String p, String field, Set<String> warned) {
    if (n.isObject()) {
      String id = n.path("id").asText(null);
      if (id != null && !"ConceptScheme".equals(n.path("type").asText())) {
        Optional<String> off = field == null ? Optional.empty() : Vocabulary.offField(field, id);
        Optional<String> bad = field == null ? Vocabulary.notInPinnedScheme(id) : Optional.empty();
        if (off.isPresent()) {
          String key = pathKey(p);
          List<String> said = new ArrayList<>();
          out.warnings.removeIf(w -> {
            boolean here = pathKey(w.path()).equals(key);
            if (here) {
              said.add(w.message());
            }
            return here;
          });
          warn(p, ElmProblemCode.NOT_IN_VOCABULARY, "concept " + shown(n.path("id")) + " is " + off.get()
              + (said.isEmpty() ? "; kept as read" : "; " + String.join("; ", said)));
          warned.add(key);
        } else if (bad.isPresent() && !warned.contains(pathKey(p))) {
          warn(p, ElmProblemCode.NOT_IN_VOCABULARY, "concept " + shown(n.path("id")) + " is " + bad.get() + "; kept as read");
        }
        JsonNode in = n.get("inScheme");
        Optional<String> scheme = Vocabulary.schemeOf(id);
        if (in != null && scheme.isPresent()) {
          JsonNode s = first(in, p + ".inScheme");
          String sid = s == null ? null : (s.isTextual() ? s.asText() : s.path("id").asText(null));
          if (sid != null && !sid.equals(scheme.get())) {
            warn(p + ".inScheme", ElmProblemCode.NOT_IN_VOCABULARY, "concept " + shown(n.path("id")) + " names the scheme " + shown(s.isTextual() ? s
                : s.path("id")) + ", but its IRI is a concept of " + scheme.get());
          }
        }
      }
      n.properties().forEach(e -> euConcepts(e.getValue(), p + "." + e.getKey(), fieldScheme(n, e.getKey()), warned));
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        euConcepts(n.get(i), p + "[" + i + "]", field, warned);
      }
    }
  }

  /**
   * The EU scheme whose terms a property's concepts must be: {@code mode} (learning-assessment), {@code idVerification}
   * (supervision-verification), a credit point's {@code framework} (education-credit), {@code eqfLevel},
   * {@code nqfLevel} (qdr), {@code learningSetting}, {@code thematicArea} (isced-f), {@code relatedESCOSkill} (ESCO
   * skills), and {@code dcType} of an assessment specification (assessment) or an accreditation (accreditation).
   */
  private static String fieldScheme(JsonNode parent, String property) {
    return switch (property) {
      case "mode" -> "learning-assessment";
      case "idVerification" -> "supervision-verification";
      case "framework" -> "education-credit";
      case "eqfLevel" -> "eqf";
      case "nqfLevel" -> "qdr";
      case "learningSetting" -> "learning-setting";
      case "thematicArea" -> "isced-f";
      case "relatedESCOSkill" -> Vocabulary.ESCO_SKILLS;
      case "dcType" -> hasType(parent, "LearningAssessmentSpecification") ? "assessment"
          : hasType(parent, "Accreditation") ? "accreditation" : null;
      default -> null;
    };
  }

  private static boolean hasType(JsonNode n, String type) {
    for (JsonNode t : each(n.get("type"))) {
      if (type.equals(t.asText())) {
        return true;
      }
    }
    return false;
  }

  /** A path compared without {@code [0]}: the reader names a single value as element 0 of its member. */
  private static String pathKey(String path) {
    return path.replace("[0]", "");
  }

  private static String shown(JsonNode v) {
    String s = String.valueOf(v);
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  private static String dec(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private void warn(String path, String message) {
    warn(path, ElmProblemCode.NOT_CARRIED, message);
  }

  private void warn(String path, ElmProblemCode code, String message) {
    // messages quote values from the document: bounded, so a long value is not copied into every warning
    out.warnings.add(new Warning(path, code, message.length() <= 500 ? message : message.substring(0, 497) + "..."));
  }


}
