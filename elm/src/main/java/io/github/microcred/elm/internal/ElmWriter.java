package io.github.microcred.elm.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.AssessmentType;
import io.github.microcred.core.Award;
import io.github.microcred.core.Competency;
import io.github.microcred.core.CreditValue;
import io.github.microcred.core.FieldOfEducation;
import io.github.microcred.core.LearnerIdentity;
import io.github.microcred.core.Level;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.Organization;
import io.github.microcred.core.QualityAssurance;
import io.github.microcred.core.Stackability;
import io.github.microcred.core.StackabilityOption;
import io.github.microcred.elm.ElmProblemCode;
import io.github.microcred.elm.internal.Vocabulary.Concept;
import io.github.microcred.elm.internal.Vocabulary.Kind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Writes a core micro-credential and its award as an EDC {@code EuropeanDigitalCredential} in the compact form of the
 * VC 1.1 and {@code edc-ap} contexts, shaped as the EC's Annex I sample: the claim is a {@code LearningAchievement}
 * specified by a {@code Qualification} that holds the Annex I elements.
 */
public final class ElmWriter {
  /** The W3C VC 1.1 context. */
  public static final String VC_CONTEXT = "https://www.w3.org/2018/credentials/v1";
  /** The EDC application profile context. */
  public static final String EDC_CONTEXT = "http://data.europa.eu/snb/model/context/edc-ap";
  /** The EDC SHACL shapes that also check controlled vocabularies. */
  public static final String SCHEMA_FULL = "http://data.europa.eu/snb/model/ap/edc-generic-full";
  /** The EDC SHACL shapes without controlled-vocabulary checks. */
  public static final String SCHEMA_NO_CV = "http://data.europa.eu/snb/model/ap/edc-generic-no-cv";
  /** The scheme id of a hashed e-mail learner identifier. */
  public static final String HASHED_EMAIL_SCHEME = "urn:microcred:elm:hashed-email";
  /** Separator of the prerequisites in the one {@code entryRequirement} note EDC allows. */
  public static final String PREREQUISITE_SEPARATOR = "\n";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Pattern URL = Pattern.compile("^https?://\\S+$");
  private static final Pattern SUBDIVISION = Pattern.compile("^([A-Z]{2})-[A-Z0-9]{1,3}$");
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

  /** A warning produced while writing. */
  public record Warning(String path, ElmProblemCode code, String message) {}

  /** What the writer produced. */
  public record Result(ObjectNode document, List<Warning> warnings) {}

  private final MicroCredential mc;
  private final Award award;
  private final String lang;
  private final byte[] image;
  private final String legalId;
  private final List<Warning> warnings = new ArrayList<>();
  private final Map<String, ObjectNode> orgs = new LinkedHashMap<>();
  /**
   * Whether a microcred concept stands where EDC's controlled-vocabulary shapes ({@code edc-generic-full}) require an
   * EU one (a national framework level as {@code nqfLevel}, a QA type as an accreditation's {@code dcType}): then the
   * credential names the no-cv shapes. Microcred concepts elsewhere (modes, credit units, assessment types) are not
   * restricted by those shapes.
   */
  private boolean outsideFullShapes;
  private String base;

  private ElmWriter(MicroCredential mc, Award award, String lang, byte[] image, String legalId) {
    this.mc = mc;
    this.award = award;
    this.lang = lang;
    this.image = image;
    this.legalId = legalId;
  }

  /**
   * Writes the credential.
   *
   * @param mc the micro-credential
   * @param award its award
   * @param lang the language tag of every text
   * @param image the display image (PNG or JPEG), or null for the placeholder
   * @param legalId the issuer's eIDAS legal identifier, or null
   * @return the document and warnings
   * @throws IllegalArgumentException when EDC cannot express the credential (message names the field)
   */
  public static Result write(MicroCredential mc, Award award, String lang, byte[] image, String legalId) {
    return new ElmWriter(mc, award, lang, image, legalId).write();
  }

  private Result write() {
    Organization issuer = award.issuer().orElseThrow(() -> new IllegalArgumentException(
        "award.issuer: the award names no issuer and the micro-credential has no awarding body; EDC requires an "
            + "issuer (cred:issuer) and an awarding body (elm:awardingBody)"));
    if (mc.awardingBodies().isEmpty()) {
      throw new IllegalArgumentException("microCredential.awardingBodies: empty; EDC requires an awarding body "
          + "(elm:awardingBody, Annex I 'awarding body')");
    }
    base = award.id().orElseGet(() -> "urn:uuid:" + uuid(mc.title() + "\u0000" + award.learner().value() + "\u0000"
        + award.issuedOn()));
    ObjectNode doc = F.objectNode();
    doc.putArray("@context").add(VC_CONTEXT).add(EDC_CONTEXT);
    doc.put("id", base);
    doc.putArray("type").add("VerifiableCredential").add("EuropeanDigitalCredential");
    doc.set("credentialProfiles", concept(Vocabulary.GENERIC_PROFILE));
    ObjectNode schema = doc.putObject("credentialSchema");
    doc.set("displayParameter", display());
    doc.set("credentialSubject", person());
    ObjectNode issuerNode = org(issuer, "$.issuer");
    if (legalId != null) {
      ObjectNode li = F.objectNode();
      li.put("id", "urn:epass:legalIdentifier:" + uuid(issuerNode.get("id").asText() + "#eidas"));
      li.put("type", "LegalIdentifier");
      li.put("notation", legalId);
      li.set("spatial", issuerNode.get("location").get(0).get("address").get("countryCode").deepCopy());
      issuerNode.set("eIDASIdentifier", li);
    } else {
      warn("$.issuer.eIDASIdentifier", ElmProblemCode.EDC_REQUIREMENT_MISSING, "no eIDAS legal identifier of the issuer is written (give it with "
          + "ElmExporter.withIssuerLegalIdentifier): EDC's shapes require one on the issuer");
    }
    doc.set("issuer", issuerNode);
    String issued = iso(award.issuedOn());
    doc.put("issuanceDate", issued);
    doc.put("issued", issued);
    doc.put("validFrom", issued);
    award.effectiveExpiry().ifPresent(e -> {
      if (e.isAfter(award.issuedOn())) {
        doc.put("expirationDate", iso(e));
      } else {
        warn("$.expirationDate", "the expiry " + e + " computed from the validity policy is not after the issue date; "
            + "not written");
      }
    });
    mc.issuerCountry().ifPresent(c -> issuer.country().filter(x -> !x.equals(c)).ifPresent(x -> warn(
        "$.issuer.location[0].address.countryCode", ElmProblemCode.CHANGED, "the micro-credential's issuer country " + c + " differs from the "
            + "issuer's own country " + x + "; the issuer's is written")));
    if (award.validUntil().isEmpty() && mc.validity().isPresent()) {
      warn("$.expirationDate", "the micro-credential's validity policy (" + mc.validity().get() + ") is not carried: "
          + "EDC has no validity policy; " + (award.effectiveExpiry().isPresent()
              ? "this award's expiry computed from it is written" : "the award has no expiry"));
    }
    if (!award.results().isEmpty()) {
      warn("$.credentialSubject.hasClaim[0]", "the award's " + award.results().size() + " result(s) are not carried:"
          + " EDC's LearningAssessment holds one grade, not named results");
    }
    if (!award.evidence().isEmpty()) {
      warn("$.evidence", "the award's " + award.evidence().size() + " evidence item(s) are not carried");
    }
    schema.put("id", outsideFullShapes ? SCHEMA_NO_CV : SCHEMA_FULL);
    schema.put("type", "ShaclValidator2017");
    return new Result(doc, List.copyOf(warnings));
  }

  // ---- credential parts

  private ObjectNode display() {
    ObjectNode d = node("DisplayParameter", "displayParameter", 1);
    d.set("title", text(mc.title()));
    ObjectNode language = languageConcept(lang);
    d.putArray("language").add(language);
    d.set("primaryLanguage", language.deepCopy());
    mc.shortDescription().ifPresent(s -> d.set("description", text(s)));
    ObjectNode individual = node("IndividualDisplay", "individualDisplay", 1);
    individual.set("language", language.deepCopy());
    ObjectNode detail = node("DisplayDetail", "displayDetail", 1);
    byte[] img = image != null ? image : DisplayImage.placeholder();
    ObjectNode media = node("MediaObject", "mediaObject", 1);
    media.put("content", Base64.getEncoder().encodeToString(img));
    media.set("contentEncoding", concept(Vocabulary.BASE64));
    String fileType = DisplayImage.isJpeg(img) ? "JPEG" : "PNG";
    media.set("contentType", concept(new Concept(Vocabulary.FILE_TYPE_PREFIX + fileType, Vocabulary.FILE_TYPE_SCHEME,
        fileType, "EC sample")));
    detail.set("image", media);
    detail.put("page", 1);
    individual.putArray("displayDetail").add(detail);
    d.putArray("individualDisplay").add(individual);
    return d;
  }

  private ObjectNode person() {
    LearnerIdentity who = award.learner();
    ObjectNode p = F.objectNode();
    if (who.type() == LearnerIdentity.Type.DID) {
      p.put("id", who.value());
    } else {
      p.put("id", "urn:epass:person:" + uuid(who.value()));
    }
    p.put("type", "Person");
    if (who.type() == LearnerIdentity.Type.HASHED_EMAIL) {
      ObjectNode id = F.objectNode();
      id.put("type", "Identifier");
      id.put("notation", who.value());
      id.put("schemeId", HASHED_EMAIL_SCHEME);
      id.put("schemeName", "SHA-256 of the lower-case e-mail address and the salt");
      who.salt().ifPresent(s -> id.put("schemeVersion", "salt:" + s));
      p.putArray("identifier").add(id);
    }
    award.learnerName().ifPresent(n -> p.set("fullName", text(n)));
    p.putArray("hasClaim").add(achievement());
    return p;
  }

  private ObjectNode achievement() {
    String path = "$.credentialSubject.hasClaim[0]";
    ObjectNode a = node("LearningAchievement", "learningAchievement", 1);
    a.set("title", text(mc.title()));
    mc.shortDescription().ifPresent(s -> a.set("description", text(s)));
    ObjectNode process = awardingProcess(path + ".awardedBy");
    a.set("awardedBy", process);
    ObjectNode spec = qualification(path + ".specifiedBy");
    if (award.grade().isPresent()) {
      ObjectNode assessment = node("LearningAssessment", "learningAssessment", 1);
      assessment.set("title", text(assessmentTitle()));
      ObjectNode grade = node("Note", "note", 100);
      grade.set("noteLiteral", text(award.grade().get()));
      assessment.set("grade", grade);
      mc.identityVerification().ifPresent(v -> assessment.set("idVerification", vocab(Kind.SUPERVISION, v,
          path + ".provenBy[0].idVerification")));
      assessment.set("awardedBy", process.deepCopy());
      if (spec.has("provenBy")) {
        assessment.set("specifiedBy", spec.get("provenBy").get(0).deepCopy());
      }
      a.putArray("provenBy").add(assessment);
    }
    a.set("specifiedBy", spec);
    return a;
  }

  private ObjectNode awardingProcess(String path) {
    ObjectNode p = node("AwardingProcess", "awardingProcess", 1);
    ArrayNode bodies = p.putArray("awardingBody");
    int i = 0;
    for (Organization o : mc.awardingBodies()) {
      bodies.add(org(o, path + ".awardingBody[" + i++ + "]"));
    }
    Instant when = award.awardedDate().map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()).orElse(award.issuedOn());
    p.put("awardingDate", iso(when));
    return p;
  }

  private ObjectNode qualification(String path) {
    ObjectNode q = F.objectNode();
    q.put("id", mc.id().orElse("urn:epass:qualification:" + uuid(base + "#qualification")));
    q.put("type", "Qualification");
    q.set("title", text(mc.title()));
    mc.shortDescription().ifPresent(s -> q.set("description", text(s)));
    mc.certifiedLearning().ifPresent(s -> {
      ObjectNode n = node("Note", "note", 1);
      n.set("noteLiteral", text(s));
      q.set("learningOutcomeSummary", n);
    });
    learningOutcomes(q, path);
    mc.workload().hours().ifPresent(h -> q.put("volumeOfLearning", "PT" + h.toPlainString() + "H"));
    if (!mc.workload().credits().isEmpty()) {
      ArrayNode cps = q.putArray("creditPoint");
      int i = 0;
      for (CreditValue c : mc.workload().credits()) {
        ObjectNode cp = node("CreditPoint", "creditPoint", ++i);
        cp.set("framework", vocab(Kind.CREDIT, c.unit(), path + ".creditPoint[" + (i - 1) + "].framework"));
        cp.put("point", c.amount().toPlainString());
        cps.add(cp);
      }
    }
    levels(q, path);
    if (!mc.fieldsOfEducation().isEmpty()) {
      ArrayNode areas = q.putArray("thematicArea");
      Set<FieldOfEducation> written = new HashSet<>();
      for (FieldOfEducation f : mc.fieldsOfEducation()) {
        if (!written.add(f)) {
          warn(path + ".thematicArea", ElmProblemCode.CHANGED, "field of education " + f.code() + " is listed twice; written once");
          continue;
        }
        // the ISCED-F code is the concept's notation; no label is written (the EU labels are not pinned here)
        ObjectNode c = F.objectNode();
        c.put("id", Vocabulary.ISCED_F_PREFIX + f.code());
        c.put("type", "Concept");
        c.putObject("inScheme").put("id", Vocabulary.ISCED_F_SCHEME).put("type", "ConceptScheme");
        c.put("notation", f.code());
        areas.add(c);
      }
    }
    mc.learningSetting().ifPresent(s -> q.set("learningSetting", vocab(Kind.LEARNING_SETTING, s,
        path + ".learningSetting")));
    mc.participation().ifPresent(m -> q.putArray("mode").add(vocab(Kind.MODE, m, path + ".mode[0]")));
    if (!mc.languages().isEmpty()) {
      ArrayNode ls = q.putArray("language");
      Set<String> seen = new HashSet<>();
      int i = 0;
      for (String l : mc.languages()) {
        ObjectNode c = languageConcept(l);
        if (!Locale.forLanguageTag(l).getCountry().isEmpty() || !Locale.forLanguageTag(l).getScript().isEmpty()) {
          warn(path + ".language[" + i + "]", ElmProblemCode.CHANGED, "language " + l + " is written as " + c.get("id").asText() + ": the EU "
              + "language table has no regions or scripts");
        }
        if (seen.add(c.get("id").asText())) {
          ls.add(c);
          i++;
        }
      }
    }
    if (!mc.prerequisites().isEmpty()) {
      for (String p : mc.prerequisites()) {
        if (p.contains(PREREQUISITE_SEPARATOR)) {
          warn(path + ".entryRequirement", ElmProblemCode.CHANGED, "a prerequisite contains a line break; EDC allows one entry-requirement "
              + "note, so prerequisites are written one per line and this one will read back as several");
        }
      }
      ObjectNode n = node("Note", "note", 2);
      n.set("noteLiteral", text(String.join(PREREQUISITE_SEPARATOR, mc.prerequisites())));
      q.set("entryRequirement", n);
    }
    assessments(q, path);
    ArrayNode notes = F.arrayNode();
    mc.qualityAssurance().ifPresent(qa -> qualityAssurance(q, notes, qa, path));
    mc.stackability().ifPresent(s -> stackability(q, notes, s, path));
    mc.furtherInformation().ifPresent(f -> {
      if (URL.matcher(f).matches()) {
        ObjectNode w = node("WebResource", "webResource", 1);
        w.put("contentURL", f);
        q.putArray("homepage").add(w);
      } else {
        notes.add(note(concept(Vocabulary.own(Kind.NOTE, "FURTHER_INFORMATION")), f));
      }
    });
    if (!notes.isEmpty()) {
      q.set("additionalNote", notes);
    }
    lost(path);
    return q;
  }

  private void learningOutcomes(ObjectNode q, String path) {
    List<String> outcomes = new ArrayList<>(mc.learningOutcomes());
    if (outcomes.isEmpty() && mc.competencies().isEmpty()) {
      return;
    }
    if (outcomes.isEmpty()) {
      outcomes.add(mc.title());
      warn(path + ".learningOutcome[0]", ElmProblemCode.CHANGED, "the micro-credential has competencies but no learning outcome; ELM hangs "
          + "skills on a learning outcome, so one titled after the micro-credential is written");
    }
    ArrayNode los = q.putArray("learningOutcome");
    int i = 0;
    for (String o : outcomes) {
      ObjectNode lo = node("LearningOutcome", "learningOutcome", ++i);
      lo.set("title", text(o));
      if (i == 1) {
        ArrayNode esco = F.arrayNode();
        ArrayNode other = F.arrayNode();
        Map<String, String> seen = new LinkedHashMap<>();
        for (Competency c : mc.competencies()) {
          ObjectNode skill = F.objectNode();
          if (!c.uri().isEmpty()) {
            String prior = seen.putIfAbsent(c.uri(), c.name());
            if (prior != null && !prior.equals(c.name())) {
              warn(path + ".learningOutcome[0]", ElmProblemCode.CHANGED, "competency '" + c.name() + "' has the same IRI as '" + prior
                  + "' (" + c.uri() + "); one concept cannot carry two names, so it is written without its IRI");
            } else {
              skill.put("id", c.uri());
            }
          }
          skill.put("type", "Concept");
          // an ESCO skill (or knowledge) concept names its scheme, as EDC's controlled-vocabulary shapes require
          boolean escoSkill = skill.has("id") && Vocabulary.isEscoSkill(c.uri());
          if (skill.has("id") && !escoSkill && Vocabulary.offField(Vocabulary.ESCO_SKILLS, c.uri()).isPresent()
              && c.uri().toLowerCase(Locale.ROOT).contains("/esco/")) {
            warn(path + ".learningOutcome[0].relatedSkill", ElmProblemCode.NOT_IN_VOCABULARY, "competency '" + c.name()
                + "' names " + c.uri() + ", which is " + Vocabulary.offField(Vocabulary.ESCO_SKILLS, c.uri()).get()
                + "; it is written as a related skill, not an ESCO skill");
          }
          if (escoSkill) {
            skill.putObject("inScheme").put("id", Vocabulary.ESCO_SKILL_SCHEME).put("type", "ConceptScheme");
          }
          skill.set("prefLabel", text(c.name()));
          (escoSkill ? esco : other).add(skill);
        }
        if (!esco.isEmpty()) {
          lo.set("relatedESCOSkill", esco);
        }
        if (!other.isEmpty()) {
          lo.set("relatedSkill", other);
        }
      }
      los.add(lo);
    }
  }

  private void levels(ObjectNode q, String path) {
    ArrayNode nqf = F.arrayNode();
    for (Level l : mc.levels()) {
      if (l.isEqf()) {
        if (q.has("eqfLevel")) {
          warn(path + ".eqfLevel", "a second EQF level (" + l.code() + ") is not carried: EDC allows one");
          continue;
        }
        q.set("eqfLevel", concept(new Concept(Vocabulary.EQF_PREFIX + l.code(), Vocabulary.EQF_SCHEME,
            "Level " + l.code(), "EC sample")));
      } else if (Vocabulary.qdrLevel(l.framework(), l.code()).isPresent()) {
        nqf.add(concept(Vocabulary.qdrLevel(l.framework(), l.code()).get()));
      } else {
        ObjectNode c = F.objectNode();
        c.put("id", "urn:microcred:elm:level:" + enc(l.framework()) + ":" + enc(l.code()));
        c.put("type", "Concept");
        c.set("prefLabel", text(l.framework() + " Level " + l.code()));
        c.put("notation", l.code());
        ObjectNode scheme = c.putObject("inScheme");
        scheme.put("id", "urn:microcred:elm:framework:" + enc(l.framework()));
        scheme.put("type", "ConceptScheme");
        nqf.add(c);
        outsideFullShapes = true;
        warn(path + ".nqfLevel[" + (nqf.size() - 1) + "]", ElmProblemCode.NOT_IN_VOCABULARY, "level " + l + " is written as a microcred concept: "
            + "it is not one of the 378 levels of the EU Qualifications Dataset (qdr) the EC's nqf.xsd lists, whose "
            + "labels are 'FRAMEWORK Level CODE' (e.g. framework 'IE NQF', level '7')");
      }
    }
    if (!nqf.isEmpty()) {
      q.set("nqfLevel", nqf);
    }
  }

  private void assessments(ObjectNode q, String path) {
    // one LearningAssessmentSpecification per type: a type listed twice is one specification
    List<AssessmentType> types = mc.assessment().types().stream().distinct().toList();
    if (types.size() < mc.assessment().types().size()) {
      warn(path + ".provenBy", ElmProblemCode.CHANGED, "the assessment lists a type more than once (" + mc.assessment().types() + "); each "
          + "type is written once");
    }
    boolean any = !types.isEmpty() || mc.assessment().description().isPresent() || mc.grading().isPresent()
        || mc.identityVerification().isPresent();
    if (!any) {
      return;
    }
    ArrayNode specs = q.putArray("provenBy");
    int n = Math.max(1, types.size());
    for (int i = 0; i < n; i++) {
      ObjectNode s = node("LearningAssessmentSpecification", "learningAssessmentSpec", i + 1);
      AssessmentType t = types.isEmpty() ? null : types.get(i);
      s.set("title", text(i == 0 ? assessmentTitle() : label(t)));
      if (i == 0) {
        mc.assessment().description().ifPresent(d -> s.set("description", text(d)));
      }
      if (t != null) {
        s.set("dcType", vocab(Kind.ASSESSMENT, t, path + ".provenBy[" + i + "].dcType"));
      }
      if (i == 0 && mc.grading().isPresent()) {
        ObjectNode g = node("GradingScheme", "gradingScheme", 1);
        g.set("title", text("Grading"));
        g.set("description", text(mc.grading().get()));
        s.set("gradingScheme", g);
      }
      if (i == 0 && mc.identityVerification().isPresent() && award.grade().isEmpty()) {
        // without a grade there is no LearningAssessment (its grade is required): keep the supervision on the spec
        s.putArray("additionalNote").add(note(vocab(Kind.SUPERVISION, mc.identityVerification().get(),
            path + ".provenBy[0].additionalNote[0]"), Vocabulary.concept(Kind.SUPERVISION,
                mc.identityVerification().get()).label()));
      }
      specs.add(s);
    }
  }

  private String assessmentTitle() {
    return mc.assessment().types().isEmpty() ? "Assessment" : label(mc.assessment().types().get(0));
  }

  private static String label(AssessmentType t) {
    return Vocabulary.concept(Kind.ASSESSMENT, t).label();
  }

  private void qualityAssurance(ObjectNode q, ArrayNode notes, QualityAssurance qa, String path) {
    Concept type = Vocabulary.concept(Kind.QUALITY_ASSURANCE, qa.type());
    notes.add(note(vocab(Kind.QUALITY_ASSURANCE, qa.type(), path + ".additionalNote[" + notes.size() + "].subject"),
        qa.description().isBlank() ? type.label() : qa.description()));
    if (!qa.bodies().isEmpty()) {
      ArrayNode acc = q.putArray("accreditation");
      // an Accreditation's dcType must be an EU accreditation concept in the full shapes
      outsideFullShapes |= !type.eu();
      int i = 0;
      for (Organization body : qa.bodies()) {
        ObjectNode a = node("Accreditation", "accreditation", ++i);
        a.set("dcType", concept(type));
        a.set("title", text(qa.description().isBlank() ? type.label() : qa.description()));
        a.set("accreditingAgent", org(body, path + ".accreditation[" + (i - 1) + "].accreditingAgent"));
        acc.add(a);
      }
    }
  }

  private void stackability(ObjectNode q, ArrayNode notes, Stackability s, String path) {
    Concept option = Vocabulary.own(Kind.STACKABILITY, s.option().name());
    notes.add(note(concept(option), s.description().isBlank() ? option.label() : s.description()));
    q.put("isPartialQualification", s.option() != StackabilityOption.STANDALONE);
    if (!s.targets().isEmpty()) {
      ArrayNode parts = q.putArray("isPartOf");
      for (String t : s.targets()) {
        ObjectNode target = F.objectNode();
        target.put("id", URL.matcher(t).matches() || t.startsWith("urn:") ? t
            : "urn:epass:qualification:" + uuid("target\u0000" + t));
        target.put("type", "Qualification");
        target.set("title", text(t));
        parts.add(target);
      }
    }
  }

  private void lost(String path) {
    List<String> lost = new ArrayList<>();
    mc.equivalentLevel().ifPresent(x -> lost.add("equivalentLevel"));
    mc.assessment().complexity().ifPresent(x -> lost.add("assessmentComplexity"));
    mc.assessment().rubric().ifPresent(x -> lost.add("rubric"));
    mc.creditBearingStated().ifPresent(x -> lost.add("creditBearing"));
    mc.kindOverride().ifPresent(x -> lost.add("kindOverride"));
    mc.entryToDegree().ifPresent(x -> lost.add("entryToDegree"));
    mc.creditForDegree().ifPresent(x -> lost.add("creditForDegree"));
    if (!lost.isEmpty()) {
      warn(path, "not carried (ELM has no such element): " + String.join(", ", lost));
    }
  }

  // ---- organisations

  private ObjectNode org(Organization o, String path) {
    String country = o.country().orElse(null);
    if (country == null) {
      country = mc.issuerCountry().orElseThrow(() -> new IllegalArgumentException(path + ": organisation '"
          + o.name() + "' has no country and the micro-credential has no issuerCountry; EDC requires a country "
          + "code on every organisation (elm:location/elm:address/elm:countryCode)"));
      warn(path, ElmProblemCode.CHANGED, "organisation '" + o.name() + "' has no country; the micro-credential's issuer country ("
          + country + ") is written, as EDC requires one");
    }
    String key = o.name() + "\u0000" + o.id().orElse("") + "\u0000" + country + "\u0000" + o.url().orElse("") + "\u0000"
        + o.email().orElse("");
    ObjectNode cached = orgs.get(key);
    if (cached != null) {
      return cached.deepCopy();
    }
    ObjectNode n = F.objectNode();
    n.put("id", o.id().orElse("urn:epass:org:" + uuid(key)));
    n.put("type", "Organisation");
    n.set("legalName", text(o.name()));
    n.putArray("location").add(location(country, o.name()));
    o.url().ifPresent(u -> {
      ObjectNode w = F.objectNode();
      w.put("id", "urn:epass:webResource:" + uuid(key + "#homepage"));
      w.put("type", "WebResource");
      w.put("contentURL", u);
      n.putArray("homepage").add(w);
    });
    o.email().ifPresent(e -> {
      ObjectNode cp = F.objectNode();
      cp.put("id", "urn:epass:contactPoint:" + uuid(key + "#contact"));
      cp.put("type", "ContactPoint");
      ObjectNode mail = F.objectNode();
      mail.put("id", "mailto:" + e);
      mail.put("type", "Mailbox");
      cp.putArray("emailAddress").add(mail);
      n.putArray("contactPoint").add(cp);
    });
    orgs.put(key, n);
    return n.deepCopy();
  }

  private ObjectNode location(String country, String orgName) {
    var m = SUBDIVISION.matcher(country);
    String alpha2 = m.matches() ? m.group(1) : country;
    ObjectNode loc = F.objectNode();
    loc.put("id", "urn:epass:location:" + uuid(orgName + "\u0000" + country));
    loc.put("type", "Location");
    if (m.matches()) {
      loc.set("geographicName", text(country));
    }
    ObjectNode addr = F.objectNode();
    addr.put("id", "urn:epass:address:" + uuid(orgName + "\u0000" + country));
    addr.put("type", "Address");
    String iri = Vocabulary.countryIri(alpha2).orElseThrow(() -> new IllegalArgumentException(
        "country '" + country + "' is not an ISO 3166-1 alpha-2 code (or ISO 3166-2 subdivision)"));
    addr.set("countryCode", concept(new Concept(iri, Vocabulary.COUNTRY_SCHEME, Vocabulary.countryName(alpha2),
        "EU authority table")));
    loc.set("address", addr);
    return loc;
  }

  // ---- values

  private ObjectNode vocab(Kind kind, Enum<?> value, String path) {
    Concept c = Vocabulary.concept(kind, value);
    if (!c.eu()) {
      warn(path, ElmProblemCode.NOT_IN_VOCABULARY, kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + value.name() + " is written as the "
          + "microcred concept " + c.id() + ": no EU Vocabularies concept for it is known offline");
    }
    return concept(c);
  }

  private ObjectNode concept(Concept c) {
    ObjectNode n = F.objectNode();
    n.put("id", c.id());
    n.put("type", "Concept");
    if (c.scheme() != null) {
      ObjectNode s = n.putObject("inScheme");
      s.put("id", c.scheme());
      s.put("type", "ConceptScheme");
    }
    ObjectNode label = n.putObject("prefLabel");
    label.put("en", c.label());
    return n;
  }

  private ObjectNode note(ObjectNode subject, String literal) {
    ObjectNode n = F.objectNode();
    n.put("type", "Note");
    n.set("subject", subject);
    n.set("noteLiteral", text(literal));
    return n;
  }

  private ObjectNode languageConcept(String tag) {
    String iri = Vocabulary.languageIri(tag).orElseThrow(() -> new IllegalArgumentException(
        "language '" + tag + "' has no ISO 639-2 code for the EU language table"));
    ObjectNode c = concept(new Concept(iri, Vocabulary.LANGUAGE_SCHEME, Vocabulary.languageName(tag),
        "EU authority table"));
    return c;
  }

  private ObjectNode text(String s) {
    ObjectNode n = F.objectNode();
    n.put(lang, s);
    return n;
  }

  private ObjectNode node(String type, String kind, int n) {
    ObjectNode o = F.objectNode();
    o.put("id", "urn:epass:" + kind + ":" + uuid(base + "#" + kind + n));
    o.put("type", type);
    return o;
  }

  private void warn(String path, String message) {
    warn(path, ElmProblemCode.NOT_CARRIED, message);
  }

  private void warn(String path, ElmProblemCode code, String message) {
    warnings.add(new Warning(path, code, message));
  }

  private static String iso(Instant i) {
    return ISO.format(i);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /**
   * A name-based (version 3) UUID of a string: ids that are the same for the same content, so exports are stable.
   *
   * @param s the content
   * @return the UUID
   */
  public static String uuid(String s) {
    return UUID.nameUUIDFromBytes(s.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
