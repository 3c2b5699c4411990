package io.github.microcred.elm.internal;

import io.github.microcred.core.AssessmentType;
import io.github.microcred.core.CreditUnit;
import io.github.microcred.core.FieldOfEducation;
import io.github.microcred.core.IdentityVerification;
import io.github.microcred.core.LearningSetting;
import io.github.microcred.core.ParticipationMode;
import io.github.microcred.core.QualityAssuranceType;
import io.github.microcred.core.StackabilityOption;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The controlled vocabularies the EDC writer and reader use: EU Vocabularies concepts where one is known for the core
 * value (with where its URI was read), and otherwise a microcred URN ({@code urn:microcred:elm:KIND:VALUE}) that the
 * reader maps back exactly and {@code Elm.check} reports as {@code NOT_IN_VOCABULARY}.
 *
 * <p>Sources: "EC sample" is {@code Sample-MC-Annex1-unsigned.jsonld} of european-commission-empl/European-Learning-Model
 * (commit 9d7c5d2, EUPL 1.2); "EU Vocabularies list" means the concept scheme published on op.europa.eu, as listed
 * verbatim by public EDC integrations (ild-thl/php-european-learning-model {@code LearningSettingType}; an EDC Drupal
 * module's allowed values for {@code learning-assessment} and {@code credential}).
 */
public final class Vocabulary {
  /** A concept: its IRI, its scheme (null for microcred URNs), its English label, where the IRI was read. */
  public record Concept(String id, String scheme, String label, String source) {
    /** Whether the concept is from an EU controlled vocabulary. */
    public boolean eu() {
      return scheme != null;
    }
  }

  /** The vocabularies by the kind of value they hold. */
  public enum Kind {
    /** Form of participation: {@code elm:mode}. */
    MODE("mode", "http://data.europa.eu/snb/learning-assessment/25831c2"),
    /** Credit framework: {@code elm:framework} of a {@code CreditPoint}. */
    CREDIT("credit-framework", "http://data.europa.eu/snb/education-credit/25831c2"),
    /** Supervision and identity verification: {@code elm:idVerification}. */
    SUPERVISION("supervision-verification", "http://data.europa.eu/snb/supervision-verification/25831c2"),
    /** Assessment type: {@code dc:type} of a {@code LearningAssessmentSpecification}. */
    ASSESSMENT("assessment", "http://data.europa.eu/snb/assessment/25831c2"),
    /** Type of quality assurance: {@code dc:type} of an {@code Accreditation}, and the subject of a QA note. */
    QUALITY_ASSURANCE("quality-assurance", "http://data.europa.eu/snb/accreditation/25831c2"),
    /** Integration / stackability option: the subject of a stackability note. */
    STACKABILITY("stackability", null),
    /** Further information given as text: the subject of a note. */
    NOTE("note", null),
    /** Learning setting ({@code elm:learningSetting}). */
    LEARNING_SETTING("learning-setting", "http://data.europa.eu/snb/learning-setting/25831c2"),
    /** Credential profile ({@code elm:credentialProfiles}). */
    CREDENTIAL_PROFILE("credential-profile", "http://data.europa.eu/snb/credential/25831c2");

    final String token;
    final String scheme;

    Kind(String token, String scheme) {
      this.token = token;
      this.scheme = scheme;
    }

    /** The EU concept scheme of this kind, if there is one. */
    public Optional<String> scheme() {
      return Optional.ofNullable(scheme);
    }

    /** The URN prefix of microcred's own concepts of this kind. */
    public String urnPrefix() {
      return "urn:microcred:elm:" + token + ":";
    }
  }

  /** The EU Qualifications Dataset's framework levels ({@code nqfLevel}) as a scheme (EC sample). */
  public static final String QDR_SCHEME = "http://data.europa.eu/snb/qdr/25831c2";

  private static final String SNB = "http://data.europa.eu/snb/";

  /**
   * The pinned term lists, by scheme name ({@code http://data.europa.eu/snb/NAME/25831c2}): code to English label, read
   * from {@code eu-terms.tsv} beside this class (every line names its source; the file's header gives each source's
   * repository, commit and path). ISCED-F is core {@link FieldOfEducation}'s 220 codes.
   */
  private static final Map<String, Map<String, String>> TERMS = new LinkedHashMap<>();

  /** Each pinned scheme's source, for the messages. */
  private static final Map<String, String> PINNED_SOURCES = new LinkedHashMap<>();

  static {
    PINNED_SOURCES.put("eqf", "the EQF Recommendation's 8 levels, as the EC's European-Learning-Model eqf.xsd");
    PINNED_SOURCES.put("isced-f", "the 220 ISCED-F 2013 codes of european-commission-empl/European-Learning-Model "
        + "edci_esco_iscedf2013.xsd");
    PINNED_SOURCES.put("learning-setting", "the EC's European-Learning-Model europass-learning-setting-types.xsd");
    PINNED_SOURCES.put("accreditation", "the EC's European-Learning-Model europass-accreditation-types.xsd and the "
        + "EC's EDC code (ControlledListConcept)");
    PINNED_SOURCES.put("assessment", "the EC's European-Learning-Model europass-learning-assessment-types.xsd and "
        + "the 3 later terms of the Publications Office list");
    PINNED_SOURCES.put("learning-assessment", "the EC's European-Learning-Model europass-modes.xsd and the later "
        + "'Hybrid' of the Publications Office list");
    PINNED_SOURCES.put("education-credit", "the EC's European-Learning-Model credit-points.xsd");
    PINNED_SOURCES.put("supervision-verification", "the 4 concepts EC documents and EDC integrations use; the EC "
        + "publishes no offline enumeration of this scheme");
    PINNED_SOURCES.put("qdr", "the 424 frameworks and levels of the EC's European-Learning-Model nqf.xsd");
    try (InputStream in = Vocabulary.class.getResourceAsStream("eu-terms.tsv")) {
      if (in == null) {
        throw new IllegalStateException("eu-terms.tsv is missing from the elm jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != 4 || !PINNED_SOURCES.containsKey(f[0])) {
          throw new IllegalStateException("eu-terms.tsv: not scheme, code, label, source: " + line);
        }
        TERMS.computeIfAbsent(f[0], x -> new LinkedHashMap<>()).put(f[1], f[2]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The 378 qdr levels whose label is {@code FRAMEWORK Level CODE} ({@code RQF Level 6}), by framework and code. */
  private static final Map<String, Concept> QDR = new LinkedHashMap<>();
  private static final Map<String, String[]> QDR_LEVEL_OF_ID = new LinkedHashMap<>();

  static {
    for (Map.Entry<String, String> t : TERMS.get("qdr").entrySet()) {
      String label = t.getValue();
      int at = label.indexOf(" Level ");
      if (at > 0) {
        String framework = label.substring(0, at);
        String code = label.substring(at + " Level ".length());
        Concept c = new Concept(SNB + "qdr/" + t.getKey(), QDR_SCHEME, label, "EC European-Learning-Model nqf.xsd");
        QDR.put(framework + "\u0000" + code, c);
        QDR_LEVEL_OF_ID.put(c.id(), new String[] {framework, code});
      }
    }
  }

  /**
   * The qdr concept of a national framework level: one of the EC's 424 qdr concepts whose label is
   * {@code FRAMEWORK Level CODE} (e.g. {@code RQF Level 6}, {@code qdr/c_c392e7a2}).
   *
   * @param framework the framework as the qdr labels name it (e.g. {@code RQF}, {@code IE NQF}, {@code SCQF})
   * @param code the level
   * @return the concept
   */
  public static Optional<Concept> qdrLevel(String framework, String code) {
    return Optional.ofNullable(QDR.get(framework + "\u0000" + code));
  }

  /**
   * The framework and level of a qdr level concept.
   *
   * @param id the concept IRI
   * @return framework and code
   */
  public static Optional<String[]> qdrLevel(String id) {
    String[] v = QDR_LEVEL_OF_ID.get(id);
    return v == null ? Optional.empty() : Optional.of(v.clone());
  }

  /**
   * The English label of a pinned term.
   *
   * @param id the concept IRI
   * @return the label, if the IRI is a term of a pinned scheme
   */
  public static Optional<String> termLabel(String id) {
    String[] nc = schemeAndCode(id);
    if (nc == null) {
      return Optional.empty();
    }
    Map<String, String> t = TERMS.get(nc[0]);
    return Optional.ofNullable(t == null ? null : t.get(nc[1]));
  }

  /**
   * The terms of a pinned scheme (not ISCED-F, whose codes are core {@link FieldOfEducation}'s).
   *
   * @param scheme the scheme name, e.g. {@code assessment}
   * @return concept IRI to English label, in the source's order
   */
  public static Map<String, String> terms(String scheme) {
    Map<String, String> out = new LinkedHashMap<>();
    TERMS.getOrDefault(scheme, Map.of()).forEach((code, label) -> out.put(SNB + scheme + "/" + code, label));
    return Collections.unmodifiableMap(out);
  }

  private static String[] schemeAndCode(String id) {
    if (id == null || !id.startsWith(SNB)) {
      return null;
    }
    String rest = id.substring(SNB.length());
    int slash = rest.indexOf('/');
    return slash < 0 ? null : new String[] {rest.substring(0, slash), rest.substring(slash + 1)};
  }

  private static boolean isTerm(String scheme, String code) {
    if (scheme.equals("isced-f")) {
      try {
        new FieldOfEducation(code);
        return true;
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    Map<String, String> t = TERMS.get(scheme);
    return t != null && t.containsKey(code);
  }

  /**
   * Whether a concept IRI of a pinned EU scheme is one of its terms.
   *
   * @param id the concept IRI
   * @return empty when the IRI is a term or its scheme is not pinned; else what is wrong, naming the list's source
   */
  public static Optional<String> notInPinnedScheme(String id) {
    String[] nc = schemeAndCode(id);
    if (nc == null || !PINNED_SOURCES.containsKey(nc[0]) || nc[1].equals("25831c2") || isTerm(nc[0], nc[1])) {
      return Optional.empty();
    }
    return Optional.of("not a concept of the EU " + nc[0] + " scheme (" + SNB + nc[0] + "/25831c2): its pinned term "
        + "list (" + PINNED_SOURCES.get(nc[0]) + ") does not hold it");
  }

  /** ESCO skill and knowledge concepts: {@code http://data.europa.eu/esco/skill/} and a UUID (EC sample). */
  private static final Pattern ESCO_SKILL = Pattern.compile(
      "http://data\\.europa\\.eu/esco/skill/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** The pseudo scheme name of ESCO skills for {@link #offField}. */
  public static final String ESCO_SKILLS = "esco-skill";

  /**
   * Whether an IRI has the shape of an ESCO skill or knowledge concept ({@code http://data.europa.eu/esco/skill/UUID},
   * lower-case hex). The ESCO skills pillar (some 14,000 concepts) is not pinned: a well-shaped IRI is not checked
   * against it.
   *
   * @param id the IRI
   * @return true when it has that shape
   */
  public static boolean isEscoSkill(String id) {
    return id != null && ESCO_SKILL.matcher(id).matches();
  }

  /**
   * Whether an IRI is in an EU namespace or nearly so ({@code data.europa.eu} or {@code publications.europa.eu},
   * whatever its case, http or https, with or without a trailing slash).
   *
   * @param id the IRI
   * @return true if a reader would take it for an EU concept
   */
  public static boolean looksEu(String id) {
    String n = nearMissKey(id);
    return n != null && (n.startsWith("http://data.europa.eu/") || n.startsWith("http://publications.europa.eu/"));
  }

  private static String nearMissKey(String id) {
    if (id == null) {
      return null;
    }
    String n = id.trim().toLowerCase(Locale.ROOT);
    if (n.startsWith("https://")) {
      n = "http://" + n.substring("https://".length());
    }
    while (n.endsWith("/")) {
      n = n.substring(0, n.length() - 1);
    }
    return n;
  }

  /**
   * Checks the concept at a property whose values come from one EU scheme: the IRI must be one of its pinned terms
   * (for ESCO skills, {@link #isEscoSkill}). Concepts outside the EU namespaces (local {@code urn:epass:} concepts,
   * microcred URNs) are not this check's business.
   *
   * @param scheme the expected scheme's name ({@code assessment}, {@code qdr}, {@link #ESCO_SKILLS}...)
   * @param id the concept IRI
   * @return empty when it is a term (or not an EU IRI at all); else what is wrong, naming the term it nearly is, or
   *     the scheme it belongs to instead
   */
  public static Optional<String> offField(String scheme, String id) {
    if (id == null || !looksEu(id)) {
      return Optional.empty();
    }
    if (scheme.equals(ESCO_SKILLS)) {
      if (isEscoSkill(id)) {
        return Optional.empty();
      }
      boolean occupation = id.matches("http://data\\.europa\\.eu/esco/occupation/[0-9a-f-]{36}");
      return Optional.of("not an ESCO skill IRI (http://data.europa.eu/esco/skill/ and a lower-case UUID; the ESCO "
          + "list itself is not pinned, only this shape)" + (occupation ? ": it is a term of the ESCO occupations "
          + "scheme" : ""));
    }
    String[] nc = schemeAndCode(id);
    if (nc != null && nc[0].equals(scheme) && isTerm(scheme, nc[1])) {
      return Optional.empty();
    }
    String expected = "not a term of the EU " + scheme + " scheme (" + SNB + scheme + "/25831c2; pinned list: "
        + PINNED_SOURCES.get(scheme) + ")";
    if (nc != null && !nc[0].equals(scheme) && isTerm(nc[0], nc[1])) {
      return Optional.of(expected + ": it is a term of the " + nc[0] + " scheme");
    }
    String key = nearMissKey(id);
    for (String code : scheme.equals("isced-f") ? List.<String>of() : TERMS.getOrDefault(scheme, Map.of()).keySet()) {
      String term = SNB + scheme + "/" + code;
      if (nearMissKey(term).equals(key)) {
        return Optional.of(expected + ": it differs from the term " + term + " only in "
            + (id.startsWith("https:") ? "http/https" : id.endsWith("/") ? "a trailing slash" : "letter case"));
      }
    }
    return Optional.of(expected);
  }

  /**
   * The EU scheme IRI a concept IRI's own prefix names ({@code http://data.europa.eu/snb/NAME/25831c2}, or an EU
   * authority table {@code http://publications.europa.eu/resource/authority/NAME}).
   *
   * @param id the concept IRI
   * @return the scheme IRI, if the IRI is in an EU namespace
   */
  public static Optional<String> schemeOf(String id) {
    if (isEscoSkill(id)) {
      return Optional.of(ESCO_SKILL_SCHEME);
    }
    for (String base : List.of("http://data.europa.eu/snb/", "http://publications.europa.eu/resource/authority/")) {
      if (id != null && id.startsWith(base)) {
        String rest = id.substring(base.length());
        int slash = rest.indexOf('/');
        if (slash > 0 && slash < rest.length() - 1) {
          String name = rest.substring(0, slash);
          return Optional.of(base.startsWith("http://data") ? base + name + "/25831c2" : base + name);
        }
      }
    }
    return Optional.empty();
  }

  /** EQF levels: {@code http://data.europa.eu/snb/eqf/N} (EC sample, EQF 6). */
  public static final String EQF_PREFIX = "http://data.europa.eu/snb/eqf/";
  /** The EQF concept scheme (EC sample). */
  public static final String EQF_SCHEME = "http://data.europa.eu/snb/eqf/25831c2";
  /** ISCED-F 2013 fields of education ({@code thematicArea}): {@code http://data.europa.eu/snb/isced-f/CODE} (EC sample:
   * 003, 0688). */
  public static final String ISCED_F_PREFIX = "http://data.europa.eu/snb/isced-f/";
  /** The ISCED-F concept scheme (EC sample; required by {@code ThematicAreaRestriction} of EDC-generic-full.ttl). */
  public static final String ISCED_F_SCHEME = "http://data.europa.eu/snb/isced-f/25831c2";
  /** The ESCO skill IRIs ({@code relatedESCOSkill}, EC sample). */
  public static final String ESCO_PREFIX = "http://data.europa.eu/esco/";
  /** ESCO skill and knowledge concepts (EC sample: {@code .../esco/skill/ccdf3597-...}). */
  public static final String ESCO_SKILL_PREFIX = "http://data.europa.eu/esco/skill/";
  /** The ESCO skills pillar as a scheme ({@code inScheme} of the EC sample's skills; EDC-generic-full.ttl). */
  public static final String ESCO_SKILL_SCHEME = "http://data.europa.eu/esco/concept-scheme/skills";
  /** EU authority table of languages (EC sample: {@code .../language/ENG}). */
  public static final String LANGUAGE_PREFIX = "http://publications.europa.eu/resource/authority/language/";
  /** The language table as a scheme. */
  public static final String LANGUAGE_SCHEME = "http://publications.europa.eu/resource/authority/language";
  /** EU authority table of countries (EC sample: {@code .../country/IRL}). */
  public static final String COUNTRY_PREFIX = "http://publications.europa.eu/resource/authority/country/";
  /** The country table as a scheme. */
  public static final String COUNTRY_SCHEME = "http://publications.europa.eu/resource/authority/country";
  /** File types (EC sample: PNG, JPEG). */
  public static final String FILE_TYPE_PREFIX = "http://publications.europa.eu/resource/authority/file-type/";
  /** The file type table as a scheme. */
  public static final String FILE_TYPE_SCHEME = "http://publications.europa.eu/resource/authority/file-type";
  /** Content encoding base64 (EC sample). */
  public static final Concept BASE64 = new Concept("http://data.europa.eu/snb/encoding/6146cde7dd",
      "http://data.europa.eu/snb/encoding/25831c2", "base64", "EC sample");
  /** Credential profile "Generic" (EC sample). */
  public static final Concept GENERIC_PROFILE = new Concept("http://data.europa.eu/snb/credential/e34929035b",
      Kind.CREDENTIAL_PROFILE.scheme, "Generic", "EC sample");

  private static final Map<Kind, Map<String, Concept>> BY_VALUE = new LinkedHashMap<>();
  private static final Map<String, Object> BY_ID = new LinkedHashMap<>();
  private static final Map<String, Kind> KIND_OF_ID = new LinkedHashMap<>();

  static {
    eu(Kind.MODE, ParticipationMode.ONLINE, "920fbb3cbe", "Online", "EC sample");
    eu(Kind.MODE, ParticipationMode.BLENDED, "e92d221e4d", "Blended", "EC sample");
    eu(Kind.MODE, ParticipationMode.ONSITE, "9191af2ed9", "Presential", "EU Vocabularies list");
    eu(Kind.CREDIT, CreditUnit.ECTS, "6fcec5c5af", "European Credit Transfer System", "EC sample");
    eu(Kind.SUPERVISION, IdentityVerification.UNSUPERVISED, "c598449d64", "Unsupervised without ID Verification",
        "EC sample");
    // the EU assessment list (http://data.europa.eu/snb/assessment/25831c2) as ild-thl/php-european-learning-model
    // lists it verbatim (AssessmentType); a core type is mapped only where the EU concept means the same
    String list = "EU Vocabularies list";
    eu(Kind.ASSESSMENT, AssessmentType.AUTOMATED_TEST, "b1b68f6735", "quiz", list);
    eu(Kind.ASSESSMENT, AssessmentType.ASSIGNMENT, "2939dae15f", "marked assignment", list);
    eu(Kind.ASSESSMENT, AssessmentType.PROJECT, "795dac4096", "project work", list);
    eu(Kind.ASSESSMENT, AssessmentType.PORTFOLIO, "4f03b91c0e", "portfolio", list);
    eu(Kind.ASSESSMENT, AssessmentType.PRACTICAL_DEMONSTRATION, "6a4db9f11d", "practical assessment", list);
    eu(Kind.ASSESSMENT, AssessmentType.PRESENTATION, "c_04b30a72", "Presentation", list);
    eu(Kind.ASSESSMENT, AssessmentType.PEER_ASSESSMENT, "19a2e5e671", "peer assessment", list);
    // read only: the core's EXAMINATION is written or oral, which the EU list tells apart
    euRead(Kind.ASSESSMENT, AssessmentType.EXAMINATION, "6e6cb2cc78", "written examination");
    euRead(Kind.ASSESSMENT, AssessmentType.EXAMINATION, "d30284d7df", "oral examination");
    for (ParticipationMode m : ParticipationMode.values()) {
      own(Kind.MODE, m, label(m.name()));
    }
    own(Kind.CREDIT, CreditUnit.US_SEMESTER_HOUR, "US semester credit hour");
    own(Kind.CREDIT, CreditUnit.US_QUARTER_HOUR, "US quarter credit hour");
    own(Kind.CREDIT, CreditUnit.UK_CATS, "UK CATS credit");
    own(Kind.CREDIT, CreditUnit.NZQA_CREDIT, "NZQA credit");
    own(Kind.CREDIT, CreditUnit.CEU, "Continuing Education Unit");
    own(Kind.CREDIT, CreditUnit.HOUR, "Hour of learning");
    own(Kind.SUPERVISION, IdentityVerification.SUPERVISED_IDENTITY_NOT_VERIFIED,
        "Supervised without ID verification");
    own(Kind.SUPERVISION, IdentityVerification.ONLINE_ONE_FACTOR, "Supervised online, ID verified with one factor");
    own(Kind.SUPERVISION, IdentityVerification.ONLINE_TWO_FACTORS, "Supervised online, ID verified with two factors");
    own(Kind.SUPERVISION, IdentityVerification.ONSITE_ONE_FACTOR, "Supervised onsite, ID verified with one factor");
    own(Kind.SUPERVISION, IdentityVerification.ONSITE_TWO_FACTORS, "Supervised onsite, ID verified with two factors");
    for (AssessmentType t : AssessmentType.values()) {
      own(Kind.ASSESSMENT, t, label(t.name()));
    }
    // the EU accreditation types (http://data.europa.eu/snb/accreditation/25831c2) as the EC's own EDC code lists them
    // (european-commission-empl/european-digital-credentials, edci-commons ControlledListConcept): a QA decision on a
    // programme by an external QA body is EXTERNAL, a programme licence by a public authority ACCREDITED; the
    // institution-level ones are read as the same types. No EU concept says "internal" or "none": those stay microcred's.
    String edci = "EC EDC code (ControlledListConcept)";
    eu(Kind.QUALITY_ASSURANCE, QualityAssuranceType.EXTERNAL, "820101cba6", "Programme quality assurance", edci);
    eu(Kind.QUALITY_ASSURANCE, QualityAssuranceType.ACCREDITED, "e57dddfcf3", "Programme licence", edci);
    euRead(Kind.QUALITY_ASSURANCE, QualityAssuranceType.EXTERNAL, "bb4618238e", "Institutional quality assurance");
    euRead(Kind.QUALITY_ASSURANCE, QualityAssuranceType.ACCREDITED, "003293d2ce", "Institutional licence");
    own(Kind.QUALITY_ASSURANCE, QualityAssuranceType.NONE, "No quality assurance");
    own(Kind.QUALITY_ASSURANCE, QualityAssuranceType.INTERNAL, "Internal quality assurance");
    own(Kind.QUALITY_ASSURANCE, QualityAssuranceType.EXTERNAL, "External quality assurance");
    own(Kind.QUALITY_ASSURANCE, QualityAssuranceType.ACCREDITED, "Accredited");
    for (StackabilityOption o : StackabilityOption.values()) {
      own(Kind.STACKABILITY, o, label(o.name()));
    }
    BY_ID.put(Kind.NOTE.urnPrefix() + "FURTHER_INFORMATION", "FURTHER_INFORMATION");
    KIND_OF_ID.put(Kind.NOTE.urnPrefix() + "FURTHER_INFORMATION", Kind.NOTE);
    // read only: EU concepts without a core value of their own
    known(Kind.SUPERVISION, "df2880c5cb", "Unsupervised with ID verification");
    eu(Kind.LEARNING_SETTING, LearningSetting.NON_FORMAL, "e207a81fc7", "non-formal learning", "EC sample");
    eu(Kind.LEARNING_SETTING, LearningSetting.FORMAL, "6fd4685715", "formal learning", "EU Vocabularies list");
  }

  private Vocabulary() {}

  private static String label(String enumName) {
    String s = enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static void eu(Kind k, Enum<?> value, String code, String label, String source) {
    String base = k.scheme.substring(0, k.scheme.lastIndexOf('/') + 1);
    Concept c = new Concept(base + code, k.scheme, label, source);
    BY_VALUE.computeIfAbsent(k, x -> new LinkedHashMap<>()).put(value.name(), c);
    BY_ID.put(c.id(), value);
    KIND_OF_ID.put(c.id(), k);
  }

  private static void euRead(Kind k, Enum<?> value, String code, String label) {
    String base = k.scheme.substring(0, k.scheme.lastIndexOf('/') + 1);
    BY_ID.put(base + code, value);
    KIND_OF_ID.put(base + code, k);
  }

  private static void own(Kind k, Enum<?> value, String label) {
    Concept c = new Concept(k.urnPrefix() + value.name(), null, label, "microcred");
    BY_VALUE.computeIfAbsent(k, x -> new LinkedHashMap<>()).putIfAbsent(value.name(), c);
    BY_ID.put(c.id(), value);
    KIND_OF_ID.put(c.id(), k);
  }

  private static void known(Kind k, String code, String label) {
    String base = k.scheme.substring(0, k.scheme.lastIndexOf('/') + 1);
    BY_ID.put(base + code, label);
    KIND_OF_ID.put(base + code, k);
  }

  /**
   * The concept for a core value: the EU one where known, else microcred's URN.
   *
   * @param kind the vocabulary
   * @param value the core enum value
   * @return the concept
   */
  public static Concept concept(Kind kind, Enum<?> value) {
    return BY_VALUE.get(kind).get(value.name());
  }

  /**
   * The microcred URN concept for a value, whether or not an EU concept exists.
   *
   * @param kind the vocabulary
   * @param value the value name
   * @return the concept
   */
  public static Concept own(Kind kind, String value) {
    Concept c = BY_VALUE.getOrDefault(kind, Map.of()).get(value);
    return c != null && !c.eu() ? c : new Concept(kind.urnPrefix() + value, null, label(value), "microcred");
  }

  /**
   * The core value a concept IRI stands for, EU or microcred URN.
   *
   * @param <E> the enum type
   * @param kind the vocabulary
   * @param type the enum class
   * @param id the concept IRI
   * @return the value, if the IRI is one of this vocabulary's
   */
  public static <E extends Enum<E>> Optional<E> value(Kind kind, Class<E> type, String id) {
    if (id == null || KIND_OF_ID.get(id) != kind) {
      return Optional.empty();
    }
    Object v = BY_ID.get(id);
    return type.isInstance(v) ? Optional.of(type.cast(v)) : Optional.empty();
  }

  /**
   * Whether an IRI is a microcred URN concept.
   *
   * @param id the IRI
   * @return true for {@code urn:microcred:elm:...}
   */
  public static boolean isOwn(String id) {
    return id != null && id.startsWith("urn:microcred:elm:");
  }

  /**
   * Whether an IRI is a concept of the vocabulary (EU or microcred), whatever its value.
   *
   * @param kind the vocabulary
   * @param id the IRI
   * @return true if known
   */
  public static boolean known(Kind kind, String id) {
    return id != null && (KIND_OF_ID.get(id) == kind || id.startsWith(kind.urnPrefix())
        || kind.scheme != null && id.startsWith(kind.scheme.substring(0, kind.scheme.lastIndexOf('/') + 1)));
  }

  /**
   * Every concept with a core value, for the README table.
   *
   * @return kind, core value, concept
   */
  public static List<String[]> table() {
    List<String[]> rows = new ArrayList<>();
    for (Map.Entry<Kind, Map<String, Concept>> e : BY_VALUE.entrySet()) {
      for (Map.Entry<String, Concept> v : e.getValue().entrySet()) {
        Concept c = v.getValue();
        rows.add(new String[] {e.getKey().token, v.getKey(), c.id(), c.label(), c.source()});
      }
    }
    return Collections.unmodifiableList(rows);
  }

  /**
   * The EU language table IRI for a BCP 47 tag (ISO 639-2/T, upper case: {@code en} gives {@code ENG}).
   *
   * @param bcp47 the tag
   * @return the IRI, empty when the language has no three-letter code
   */
  public static Optional<String> languageIri(String bcp47) {
    try {
      String three = Locale.forLanguageTag(bcp47).getISO3Language();
      return three.isEmpty() ? Optional.empty() : Optional.of(LANGUAGE_PREFIX + three.toUpperCase(Locale.ROOT));
    } catch (MissingResourceException e) {
      return Optional.empty();
    }
  }

  private static final Map<String, String> TWO_OF_THREE = new LinkedHashMap<>();

  static {
    for (String two : Locale.getISOLanguages()) {
      try {
        TWO_OF_THREE.putIfAbsent(new Locale(two).getISO3Language().toUpperCase(Locale.ROOT), two);
      } catch (MissingResourceException e) {
        // no three-letter code
      }
    }
  }

  /**
   * The BCP 47 primary language of an EU language table IRI ({@code .../ENG} gives {@code en}).
   *
   * @param iri the IRI
   * @return the tag, if the code is known
   */
  public static Optional<String> languageTag(String iri) {
    if (iri == null || !iri.startsWith(LANGUAGE_PREFIX)) {
      return Optional.empty();
    }
    return Optional.ofNullable(TWO_OF_THREE.get(iri.substring(LANGUAGE_PREFIX.length())));
  }

  /**
   * The EU country table IRI for an ISO 3166-1 alpha-2 code ({@code IE} gives {@code .../IRL}).
   *
   * @param alpha2 the code
   * @return the IRI, empty for an unknown code
   */
  public static Optional<String> countryIri(String alpha2) {
    try {
      String three = new Locale("", alpha2).getISO3Country();
      return three.isEmpty() ? Optional.empty() : Optional.of(COUNTRY_PREFIX + three);
    } catch (MissingResourceException e) {
      return Optional.empty();
    }
  }

  private static final Map<String, String> COUNTRY_TWO_OF_THREE = new LinkedHashMap<>();

  static {
    for (String two : Locale.getISOCountries()) {
      try {
        COUNTRY_TWO_OF_THREE.putIfAbsent(new Locale("", two).getISO3Country(), two);
      } catch (MissingResourceException e) {
        // no three-letter code
      }
    }
  }

  /**
   * The ISO 3166-1 alpha-2 code of an EU country table IRI ({@code .../IRL} gives {@code IE}).
   *
   * @param iri the IRI
   * @return the code, if known
   */
  public static Optional<String> countryCode(String iri) {
    if (iri == null || !iri.startsWith(COUNTRY_PREFIX)) {
      return Optional.empty();
    }
    return Optional.ofNullable(COUNTRY_TWO_OF_THREE.get(iri.substring(COUNTRY_PREFIX.length())));
  }

  /**
   * The English country name for an alpha-2 code.
   *
   * @param alpha2 the code
   * @return the name
   */
  public static String countryName(String alpha2) {
    String n = new Locale("", alpha2).getDisplayCountry(Locale.ENGLISH);
    return n.isEmpty() ? alpha2 : n;
  }

  /**
   * The English language name for a tag.
   *
   * @param bcp47 the tag
   * @return the name
   */
  public static String languageName(String bcp47) {
    String n = Locale.forLanguageTag(bcp47).getDisplayLanguage(Locale.ENGLISH);
    return n.isEmpty() ? bcp47 : n;
  }

  /**
   * The label of a read-only EU concept (learning settings, supervision without a core value).
   *
   * @param id the IRI
   * @return the label, if known
   */
  public static Optional<String> knownLabel(String id) {
    Object v = BY_ID.get(id);
    return v instanceof String s ? Optional.of(s) : Optional.empty();
  }
}
