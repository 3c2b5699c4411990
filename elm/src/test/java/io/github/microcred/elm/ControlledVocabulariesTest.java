package io.github.microcred.elm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.Award;
import io.github.microcred.core.Competency;
import io.github.microcred.core.IdentityVerification;
import io.github.microcred.core.Issue;
import io.github.microcred.core.LearnerIdentity;
import io.github.microcred.core.Level;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.elm.internal.Vocabulary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The EU controlled vocabularies term by term: the pinned lists are the EC's own enumerations (oracle: the
 * European-Learning-Model XSDs in {@code edc/cv/}), every term is accepted where its property takes it, the core
 * values with an EU term are written as that term and read back, and an unknown term, a term of another scheme or a
 * near-miss IRI (https, a trailing slash, letter case) is refused at its JSON path, naming the term, on import and in
 * {@link Elm#check(JsonNode)}.
 */
class ControlledVocabulariesTest {
  private static final String EU = "http://data.europa.eu/snb/";
  private static final String Q = "/credentialSubject/hasClaim/0/specifiedBy";
  private static final String QP = "$.credentialSubject.hasClaim[0].specifiedBy";
  private static final String ESCO_SKILL = "http://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be";

  /** The fixture with an EU supervision concept and an EU national level, so every vocabulary field holds one. */
  private static MicroCredential microCredential() {
    return Fixtures.microCredential().toBuilder().identityVerification(IdentityVerification.UNSUPERVISED)
        .levels(List.of(Level.eqf(6), Level.national("RQF", "6"))).build();
  }

  private static ObjectNode export(MicroCredential m) throws ElmException {
    return Elm.export(m, award(m)).toJson();
  }

  private static Award award(MicroCredential m) {
    return Award.builder(m, LearnerIdentity.did("did:example:learner42"), Instant.parse("2026-06-30T12:00:00Z"))
        .grade("Merit").build();
  }

  /** Scheme, the concept's pointer in our export, its JSON path, a term of another scheme. */
  static Stream<Arguments> fields() {
    return Stream.of(
        Arguments.of("learning-assessment", Q + "/mode/0", QP + ".mode[0]", EU + "assessment/b1b68f6735"),
        Arguments.of("assessment", Q + "/provenBy/0/dcType", QP + ".provenBy[0].dcType",
            EU + "learning-assessment/920fbb3cbe"),
        Arguments.of("supervision-verification", "/credentialSubject/hasClaim/0/provenBy/0/idVerification",
            "$.credentialSubject.hasClaim[0].provenBy[0].idVerification", EU + "accreditation/820101cba6"),
        Arguments.of("education-credit", Q + "/creditPoint/0/framework", QP + ".creditPoint[0].framework",
            EU + "eqf/6"),
        Arguments.of("qdr", Q + "/nqfLevel/0", QP + ".nqfLevel[0]", EU + "eqf/6"),
        Arguments.of("eqf", Q + "/eqfLevel", QP + ".eqfLevel", EU + "qdr/c_c392e7a2"),
        Arguments.of("learning-setting", Q + "/learningSetting", QP + ".learningSetting",
            EU + "learning-assessment/920fbb3cbe"),
        Arguments.of("isced-f", Q + "/thematicArea/0", QP + ".thematicArea[0]", EU + "eqf/6"),
        Arguments.of("accreditation", Q + "/accreditation/0/dcType", QP + ".accreditation[0].dcType",
            EU + "assessment/795dac4096"),
        Arguments.of(Vocabulary.ESCO_SKILLS, Q + "/learningOutcome/0/relatedESCOSkill/0",
            QP + ".learningOutcome[0].relatedESCOSkill[0]",
            "http://data.europa.eu/esco/occupation/114e1eff-215e-47df-8e10-45a5b72f8197"));
  }

  // ---- the pinned lists are the EC's enumerations

  private static Map<String, String> xsd(String file) {
    Map<String, String> terms = new LinkedHashMap<>();
    Matcher m = Pattern.compile("<xs:enumeration value=\"([^\"]+)\">\\s*<xs:annotation>\\s*<xs:documentation>([^<]+)"
        + "</xs:documentation>").matcher(Fixtures.resource("cv/" + file + ".xsd"));
    while (m.find()) {
      terms.put(m.group(1), m.group(2).replaceAll("\\s+", " ").trim());
    }
    return terms;
  }

  @Test
  void thePinnedListsAreTheEcEnumerationsPlusTheLaterTermsNamedWithTheirSource() {
    String[][] files = {{"eqf", "eqf"}, {"learning-setting", "europass-learning-setting-types"},
        {"accreditation", "europass-accreditation-types"}, {"assessment", "europass-learning-assessment-types"},
        {"learning-assessment", "europass-modes"}, {"education-credit", "credit-points"}, {"qdr", "nqf"}};
    Map<String, Integer> sizes = Map.of("eqf", 8, "learning-setting", 2, "accreditation", 4, "assessment", 14,
        "learning-assessment", 6, "education-credit", 2, "qdr", 424);
    for (String[] f : files) {
      Map<String, String> ec = xsd(f[1]);
      assertEquals(sizes.get(f[0]), ec.size(), f[1]);
      Map<String, String> pinned = new LinkedHashMap<>(Vocabulary.terms(f[0]));
      ec.forEach((iri, label) -> assertEquals(label, pinned.remove(iri), f[0] + " " + iri));
      // what the EC's 2023 enumeration lacks: the Publications Office's later terms (EuropeanUniversityFoundation
      // elm_vocabularies_php, generated from the authority RDF)
      Map<String, String> later = switch (f[0]) {
        case "assessment" -> Map.of(EU + "assessment/c_04b30a72", "Presentation", EU + "assessment/c_2b3bd410",
            "Self-assessment", EU + "assessment/c_4f874951", "Guided self-assessment");
        case "learning-assessment" -> Map.of(EU + "learning-assessment/c_3a90b26d", "Hybrid");
        default -> Map.of();
      };
      assertEquals(later, pinned, f[0]);
    }
    // no offline enumeration of supervision-verification exists: the concepts EC documents use, and one more
    assertEquals(List.of(EU + "supervision-verification/c598449d64", EU + "supervision-verification/44314532f9",
        EU + "supervision-verification/70be69aaf9", EU + "supervision-verification/df2880c5cb"),
        List.copyOf(Vocabulary.terms("supervision-verification").keySet()));
  }

  // ---- every term is accepted where its property takes it

  @ParameterizedTest(name = "{0}")
  @MethodSource("fields")
  void everyTermOfTheSchemeIsAcceptedAtItsProperty(String scheme, String pointer, String path, String foreign)
      throws ElmException {
    Map<String, String> terms = switch (scheme) {
      case "isced-f" -> Map.of(EU + "isced-f/0913", "", EU + "isced-f/0688", "", EU + "isced-f/003", "");
      case Vocabulary.ESCO_SKILLS -> Map.of(ESCO_SKILL, "", "http://data.europa.eu/esco/skill/ccdf3597-5c80-410f-"
          + "896d-e1bdfa223de9", "");
      default -> Vocabulary.terms(scheme);
    };
    assertFalse(terms.isEmpty(), scheme);
    ObjectNode d = export(microCredential());
    for (Map.Entry<String, String> t : terms.entrySet()) {
      ObjectNode c = (ObjectNode) d.at(pointer);
      c.put("id", t.getKey());
      c.putObject("prefLabel").put("en", t.getValue().isEmpty() ? "a term" : t.getValue());
      ElmImport i = Elm.importCredential(d);
      assertEquals(List.of(), vocabulary(i.warnings()), t.getKey());
      assertEquals(List.of(), vocabulary(Elm.check(d).problems()), t.getKey());
    }
  }

  private static List<Issue> vocabulary(List<Issue> issues) {
    return issues.stream().filter(w -> w.code() == ElmProblemCode.NOT_IN_VOCABULARY && !w.message().contains(
        "microcred concept") && !w.message().contains("urn:microcred:")).toList();
  }

  // ---- a bad term is refused at its path, naming the term

  /** The variants of a good term a reader must not take for it. */
  private static Map<String, String> badVariants(String scheme, String good, String foreign) {
    Map<String, String> v = new LinkedHashMap<>();
    boolean esco = scheme.equals(Vocabulary.ESCO_SKILLS);
    v.put("unknown code", esco ? "http://data.europa.eu/esco/skill/not-a-uuid"
        : scheme.equals("eqf") ? EU + "eqf/9" : scheme.equals("isced-f") ? EU + "isced-f/1234"
        : EU + scheme + "/0123456789");
    v.put("another scheme's term", foreign);
    v.put("https", good.replace("http://", "https://"));
    v.put("trailing slash", good + "/");
    int cut = good.lastIndexOf('/');
    v.put("letter case", esco ? good.toUpperCase(Locale.ROOT).replace("HTTP://DATA.EUROPA.EU/ESCO/SKILL/",
        "http://data.europa.eu/esco/skill/") : EU + scheme.toUpperCase(Locale.ROOT) + good.substring(cut));
    return v;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fields")
  void anUnknownTermAnotherSchemesTermOrANearMissIsRefusedAtItsPath(String scheme, String pointer, String path,
      String foreign) throws ElmException {
    ObjectNode original = export(microCredential());
    String good = original.at(pointer + "/id").asText();
    assertTrue(Vocabulary.offField(scheme, good).isEmpty(), "our export holds a term: " + good);
    MicroCredential before = Elm.importCredential(original).microCredential();
    for (Map.Entry<String, String> bad : badVariants(scheme, good, foreign).entrySet()) {
      ObjectNode d = original.deepCopy();
      ((ObjectNode) d.at(pointer)).put("id", bad.getValue());
      String what = scheme + ", " + bad.getKey() + ": " + bad.getValue();
      ElmImport i = Elm.importCredential(d);
      List<Issue> here = i.warnings().stream().filter(w -> w.path().equals(path)).toList();
      assertEquals(1, here.size(), what + ": " + i.warnings());
      Issue w = here.get(0);
      assertEquals(ElmProblemCode.NOT_IN_VOCABULARY, w.code(), what);
      assertTrue(w.message().contains("\"" + bad.getValue() + "\""), what + ": " + w.message());
      if (bad.getKey().equals("another scheme's term")) {
        assertTrue(w.message().contains("it is a term of the"), what + ": " + w.message());
      } else if (!bad.getKey().equals("unknown code") && !scheme.equals(Vocabulary.ESCO_SKILLS)
          && !scheme.equals("isced-f")) {
        assertTrue(w.message().contains("differs from the term " + good + " only in"), what + ": " + w.message());
      }
      List<Issue> checked = Elm.check(d).problems().stream().filter(p -> p.path().equals(path)
          && p.code() == ElmProblemCode.NOT_IN_VOCABULARY).toList();
      assertEquals(1, checked.size(), what + ": " + Elm.check(d).problems());
      assertTrue(checked.get(0).message().contains(bad.getValue()), what);
      // and the bad IRI is not carried as the value the good term stands for
      MicroCredential after = i.microCredential();
      Function<MicroCredential, Object> value = switch (scheme) {
        case "learning-assessment" -> MicroCredential::participation;
        case "supervision-verification" -> MicroCredential::identityVerification;
        case "education-credit" -> m -> m.workload().credits();
        case "eqf" -> m -> m.levels().stream().filter(Level::isEqf).toList();
        case "learning-setting" -> MicroCredential::learningSetting;
        default -> null;
      };
      if (value != null) {
        assertNotEquals(value.apply(before), value.apply(after), what);
      }
    }
  }

  // ---- the core values with an EU term are written as that term and read back

  @Test
  void everyQdrLevelIsWrittenAsItsTermAndReadBack() throws ElmException {
    int levels = 0;
    for (Map.Entry<String, String> t : Vocabulary.terms("qdr").entrySet()) {
      int at = t.getValue().indexOf(" Level ");
      if (at < 0) {
        continue;
      }
      levels++;
      Level l = Level.national(t.getValue().substring(0, at), t.getValue().substring(at + " Level ".length()));
      MicroCredential m = microCredential().toBuilder().levels(List.of(Level.eqf(6), l)).build();
      ElmCredential e = Elm.export(m, award(m));
      JsonNode c = e.toJson().at(Q + "/nqfLevel/0");
      assertEquals(t.getKey(), c.path("id").asText(), l.toString());
      assertEquals(Vocabulary.QDR_SCHEME, c.at("/inScheme/id").asText(), l.toString());
      assertEquals(t.getValue(), c.at("/prefLabel/en").asText(), l.toString());
      assertEquals(List.of(), e.warnings().stream().filter(w -> w.path().contains("nqfLevel")).toList(), l.toString());
      ElmImport i = Elm.importCredential(e.toJson());
      assertEquals(List.of(Level.eqf(6), l), i.microCredential().levels(), l.toString());
      assertEquals(List.of(), i.warnings().stream().filter(w -> w.path().contains("nqfLevel")).toList(), l.toString());
    }
    assertEquals(378, levels, "the qdr concepts labelled 'FRAMEWORK Level CODE'");
  }

  @Test
  void aLevelOutsideTheQdrListIsAMicrocredConceptWithAWarning() throws ElmException {
    MicroCredential m = microCredential().toBuilder().levels(List.of(Level.national("IE NQF", "11"))).build();
    ElmCredential e = Elm.export(m, award(m));
    assertTrue(e.toJson().at(Q + "/nqfLevel/0/id").asText().startsWith("urn:microcred:elm:level:"));
    assertTrue(e.warnings().stream().anyMatch(w -> w.code() == ElmProblemCode.NOT_IN_VOCABULARY
        && w.path().equals(QP + ".nqfLevel[0]") && w.message().contains("378 levels")), e.warnings().toString());
  }

  @Test
  void anEscoIriOfTheWrongShapeIsWrittenAsARelatedSkillWithAWarning() throws ElmException {
    List<String> bad = List.of("http://data.europa.eu/esco/skill/not-a-uuid",
        ESCO_SKILL.toUpperCase(Locale.ROOT).replace("HTTP://DATA.EUROPA.EU/ESCO/SKILL/",
            "http://data.europa.eu/esco/skill/"), "https://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be");
    for (String iri : bad) {
      MicroCredential m = microCredential().toBuilder().competencies(List.of(Competency.of("spreadsheets", iri)))
          .build();
      ElmCredential e = Elm.export(m, award(m));
      JsonNode lo = e.toJson().at(Q + "/learningOutcome/0");
      assertTrue(lo.path("relatedESCOSkill").isMissingNode(), iri);
      assertEquals(iri, lo.at("/relatedSkill/0/id").asText(), iri);
      assertTrue(e.warnings().stream().anyMatch(w -> w.code() == ElmProblemCode.NOT_IN_VOCABULARY
          && w.message().contains(iri)), iri + ": " + e.warnings());
      // read back as the same competency
      assertEquals(m.competencies(), Elm.importCredential(e.toJson()).microCredential().competencies(), iri);
    }
    List<String> paths = new ArrayList<>();
    MicroCredential m = microCredential();
    Elm.export(m, award(m)).warnings().forEach(w -> paths.add(w.path()));
    assertFalse(paths.stream().anyMatch(p -> p.contains("relatedSkill")), "a well-shaped ESCO IRI is not warned");
  }
}
