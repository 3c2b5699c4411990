package io.github.microcred.core.testing;

import io.github.microcred.core.Assessment;
import io.github.microcred.core.AssessmentComplexity;
import io.github.microcred.core.AssessmentType;
import io.github.microcred.core.Award;
import io.github.microcred.core.Competency;
import io.github.microcred.core.CreditUnit;
import io.github.microcred.core.CreditValue;
import io.github.microcred.core.DegreePathway;
import io.github.microcred.core.EquivalentLevel;
import io.github.microcred.core.FieldOfEducation;
import io.github.microcred.core.IdentityVerification;
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
import io.github.microcred.core.Stackability;
import io.github.microcred.core.StackabilityOption;
import io.github.microcred.core.ValidityPolicy;
import io.github.microcred.core.Workload;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Seeded generator of random, valid micro-credentials and awards for property tests (shipped in the
 * {@code microcred-core} test-jar, so other modules' tests can use it). Deterministic for a given {@link
 * SplittableRandom} state. {@link #generate} fills every EU Annex I and Oliver field; {@link #generatePartial}
 * leaves each optional field out with probability one half but keeps the mandatory elements, so the result
 * still validates without errors.
 */
public final class MicroCredentialGenerator {

  private MicroCredentialGenerator() {}

  private static final String[] WORDS = {
    "data", "analysis", "care", "safety", "design", "Größe", "naïve", "café", "日本語", "ciencia", "ξ", "العربية",
    "teamwork", "welding", "nursing", "policy", "ethics", "cloud", "soil", "finance", "🎓", "\"quoted\"", "a\\b"
  };
  private static final String[] COUNTRIES = {"IE", "DE", "FR", "NZ", "AU", "US", "GB", "ES", "DE-BY", "FI"};
  /** ISCED-F 2013 codes: broad, narrow and detailed fields (0688 and 003 as in the EC's ELM sample). */
  private static final String[] ISCED_F = {"06", "061", "0613", "0688", "003", "0031", "04", "0413", "09", "0913",
    "10", "1013", "99"};
  private static final String[] LANGS = {"en", "de", "fr", "ga", "mi", "es", "fi", "en-NZ", "de-AT", "pt-BR"};

  /**
   * A complete micro-credential: every field set.
   *
   * @param rnd the random source
   * @return the micro-credential
   */
  public static MicroCredential generate(SplittableRandom rnd) {
    return build(rnd, true);
  }

  /**
   * A valid micro-credential with the EU mandatory elements and a random subset of the other fields.
   *
   * @param rnd the random source
   * @return the micro-credential
   */
  public static MicroCredential generatePartial(SplittableRandom rnd) {
    return build(rnd, false);
  }

  /**
   * A micro-credential with only a title.
   *
   * @param rnd the random source
   * @return the micro-credential
   */
  public static MicroCredential generateMinimal(SplittableRandom rnd) {
    return MicroCredential.builder(text(rnd, 1, 6)).build();
  }

  /**
   * An award of a generated micro-credential.
   *
   * @param rnd the random source
   * @return the award
   */
  public static Award generateAward(SplittableRandom rnd) {
    MicroCredential m = generate(rnd);
    LearnerIdentity who = rnd.nextBoolean()
        ? LearnerIdentity.did("did:example:" + Long.toHexString(rnd.nextLong()))
        : LearnerIdentity.hashedEmail("learner" + rnd.nextInt(10_000) + "@example.org", Long.toHexString(rnd.nextLong()));
    Instant issued = Instant.ofEpochSecond(1_600_000_000L + rnd.nextLong(300_000_000L));
    Award.Builder b = Award.builder(m, who, issued).id("urn:uuid:" + uuid(rnd));
    if (rnd.nextBoolean()) {
      b.validUntil(issued.plusSeconds(1 + rnd.nextLong(200_000_000L)));
    }
    if (rnd.nextBoolean()) {
      b.awardedDate(LocalDate.ofEpochDay(issued.getEpochSecond() / 86_400 - rnd.nextInt(30)));
    }
    if (rnd.nextBoolean()) {
      b.grade(pick(rnd, new String[] {"Pass", "Merit", "Distinction", "A", "7.5/10"}));
    }
    if (rnd.nextBoolean()) {
      b.learnerName(text(rnd, 2, 3));
    }
    for (int i = rnd.nextInt(3); i > 0; i--) {
      b.result(new Award.Result(text(rnd, 1, 3), Integer.toString(1 + rnd.nextInt(5))));
    }
    for (int i = rnd.nextInt(3); i > 0; i--) {
      b.evidence(new Award.Evidence("https://evidence.example.org/" + rnd.nextInt(1000), text(rnd, 1, 3), text(rnd, 3, 10)));
    }
    return b.build();
  }

  private static MicroCredential build(SplittableRandom rnd, boolean all) {
    MicroCredential.Builder b = MicroCredential.builder(text(rnd, 1, 8));
    String country = pick(rnd, COUNTRIES);
    b.issuerCountry(country);
    int bodies = 1 + rnd.nextInt(3);
    for (int i = 0; i < bodies; i++) {
      b.awardingBody(organization(rnd, i == 0 ? Organization.Role.ISSUER : Organization.Role.AWARDING_BODY));
    }
    for (int i = 1 + rnd.nextInt(5); i > 0; i--) {
      b.learningOutcome(text(rnd, 3, 15));
    }
    BigDecimal hours = BigDecimal.valueOf(1 + rnd.nextInt(1600));
    boolean withHours = all || rnd.nextBoolean();
    Workload w = withHours ? Workload.ofHours(hours) : Workload.NONE;
    List<CreditUnit> units = new ArrayList<>(EnumSet.complementOf(EnumSet.of(CreditUnit.HOUR)));
    int credits = withHours ? (all ? 1 + rnd.nextInt(3) : rnd.nextInt(3)) : 1 + rnd.nextInt(3);
    for (int i = 0; i < credits && !units.isEmpty(); i++) {
      CreditUnit u = units.remove(rnd.nextInt(units.size()));
      w = w.withCredit(new CreditValue(BigDecimal.valueOf(rnd.nextInt(6000) + 1, 2), u));
    }
    b.workload(w);
    b.level(Level.eqf(1 + rnd.nextInt(8)));
    if (all || rnd.nextBoolean()) {
      b.level(Level.isced(rnd.nextInt(9)));
    }
    if (all || rnd.nextBoolean()) {
      b.level(Level.national(pick(rnd, new String[] {"NZQCF", "AQF", "NFQ-IE", "RQF", "DQR"}), Integer.toString(1 + rnd.nextInt(10))));
    }
    Assessment as = Assessment.NONE;
    for (int i = 1 + rnd.nextInt(3); i > 0; i--) {
      AssessmentType t = pick(rnd, AssessmentType.values());
      as = as.withType(t);
    }
    b.participation(pick(rnd, ParticipationMode.values()));
    b.qualityAssurance(new QualityAssurance(pick(rnd, QualityAssuranceType.values()), rnd.nextBoolean() ? text(rnd, 2, 10) : "",
        rnd.nextBoolean() ? List.of(organization(rnd, Organization.Role.QA_BODY)) : List.of()));
    if (all || rnd.nextBoolean()) {
      b.id("https://credentials.example.org/mc/" + uuid(rnd));
    }
    if (all || rnd.nextBoolean()) {
      b.shortDescription(text(rnd, 3, 40));
    }
    if (all || rnd.nextBoolean()) {
      b.certifiedLearning(text(rnd, 5, 120));
    }
    if (all || rnd.nextBoolean()) {
      b.equivalentLevel(pick(rnd, EquivalentLevel.values()));
    }
    if (all || rnd.nextBoolean()) {
      as = as.withDescription(text(rnd, 3, 20));
    }
    if (all || rnd.nextBoolean()) {
      as = as.withComplexity(pick(rnd, AssessmentComplexity.values()));
    }
    if (all || rnd.nextBoolean()) {
      as = as.withRubric(rubric(rnd));
    }
    b.assessment(as);
    if (all || rnd.nextBoolean()) {
      for (int i = 1 + rnd.nextInt(2); i > 0; i--) {
        b.prerequisite(text(rnd, 2, 8));
      }
    }
    if (all || rnd.nextBoolean()) {
      b.identityVerification(pick(rnd, IdentityVerification.values()));
    }
    if (all || rnd.nextBoolean()) {
      b.grading(text(rnd, 2, 10));
    }
    if (all || rnd.nextBoolean()) {
      b.stackability(new Stackability(pick(rnd, StackabilityOption.values()),
          rnd.nextBoolean() ? List.of(text(rnd, 2, 6)) : List.of(), rnd.nextBoolean() ? text(rnd, 2, 8) : ""));
    }
    if (all || rnd.nextBoolean()) {
      b.furtherInformation("https://info.example.org/" + rnd.nextInt(10_000));
    }
    if (all || rnd.nextBoolean()) {
      b.creditBearing(rnd.nextBoolean());
    }
    if (rnd.nextInt(4) == 0) {
      b.kindOverride(pick(rnd, Kind.values()));
    }
    if (all || rnd.nextBoolean()) {
      for (int i = 1 + rnd.nextInt(3); i > 0; i--) {
        b.competency(competency(rnd));
      }
    }
    if (all || rnd.nextBoolean()) {
      List<String> langs = new ArrayList<>(List.of(LANGS));
      for (int i = 1 + rnd.nextInt(2); i > 0; i--) {
        b.language(langs.remove(rnd.nextInt(langs.size())));
      }
    }
    if (all || rnd.nextBoolean()) {
      b.validity(switch (rnd.nextInt(3)) {
        case 0 -> ValidityPolicy.noExpiry();
        case 1 -> ValidityPolicy.periodAfterAward(Period.of(rnd.nextInt(5), rnd.nextInt(12), 1 + rnd.nextInt(28)));
        default -> ValidityPolicy.until(LocalDate.of(2027 + rnd.nextInt(20), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)));
      });
    }
    if (all || rnd.nextBoolean()) {
      b.entryToDegree(pathway(rnd));
    }
    if (all || rnd.nextBoolean()) {
      b.creditForDegree(pathway(rnd));
    }
    // fields added later draw from their own generator, seeded by what was drawn above, so that the values every
    // earlier field gets (and every later model of a seeded sequence) stay those other modules' tests were run on
    // (strings only: enum hash codes differ from run to run)
    MicroCredential drawn = b.build();
    SplittableRandom more = new SplittableRandom(31L * (31L * drawn.title().hashCode() + drawn.learningOutcomes()
        .hashCode()) + drawn.shortDescription().orElse("").hashCode() + (all ? 1 : 0));
    if (all || more.nextBoolean()) {
      b.learningSetting(pick(more, LearningSetting.values()));
    }
    if (all || more.nextBoolean()) {
      for (int i = 1 + more.nextInt(3); i > 0; i--) {
        b.fieldOfEducation(FieldOfEducation.isced(pick(more, ISCED_F)));
      }
    }
    return b.build();
  }

  private static DegreePathway pathway(SplittableRandom rnd) {
    if (rnd.nextInt(3) == 0) {
      return DegreePathway.none();
    }
    return DegreePathway.of(true, List.of(text(rnd, 2, 6)),
        rnd.nextBoolean() ? CreditValue.of(1 + rnd.nextInt(30), CreditUnit.ECTS) : null);
  }

  private static Competency competency(SplittableRandom rnd) {
    String uri = switch (rnd.nextInt(4)) {
      case 0 -> "http://data.europa.eu/esco/skill/" + uuid(rnd);
      case 1 -> "https://www.onetonline.org/find/descriptor/result/2.A." + (1 + rnd.nextInt(9));
      case 2 -> "https://credentialengineregistry.org/resources/ce-" + uuid(rnd);
      default -> "";
    };
    return new Competency(text(rnd, 1, 5), uri);
  }

  private static Rubric rubric(SplittableRandom rnd) {
    int points = rnd.nextBoolean() ? 5 : 7;
    List<String> levels = new ArrayList<>();
    for (int i = 0; i < points; i++) {
      levels.add("Level " + (i + 1) + " " + text(rnd, 1, 3));
    }
    List<Rubric.Criterion> criteria = new ArrayList<>();
    for (int i = 1 + rnd.nextInt(4); i > 0; i--) {
      criteria.add(new Rubric.Criterion("c" + i, text(rnd, 1, 4), BigDecimal.valueOf(1 + rnd.nextInt(40), 1), levels,
          1 + rnd.nextInt(points)));
    }
    return new Rubric(text(rnd, 1, 4), points, criteria, BigDecimal.valueOf(rnd.nextInt(101), 2));
  }

  private static Organization organization(SplittableRandom rnd, Organization.Role role) {
    Organization.Builder b = Organization.builder(text(rnd, 1, 5)).role(role);
    if (rnd.nextBoolean()) {
      b.id("https://org.example.org/" + uuid(rnd));
    }
    if (rnd.nextBoolean()) {
      b.country(pick(rnd, COUNTRIES).substring(0, 2));
    }
    if (rnd.nextBoolean()) {
      b.url("https://www.example.org/" + rnd.nextInt(1000));
    }
    if (rnd.nextBoolean()) {
      b.email("office" + rnd.nextInt(100) + "@example.org");
    }
    return b.build();
  }

  /**
   * Random text of between {@code min} and {@code max} words, with unicode, quotes and escapes.
   *
   * @param rnd the random source
   * @param min the fewest words
   * @param max the most words
   * @return the text
   */
  public static String text(SplittableRandom rnd, int min, int max) {
    StringBuilder s = new StringBuilder();
    int n = min + rnd.nextInt(max - min + 1);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        s.append(' ');
      }
      s.append(pick(rnd, WORDS));
    }
    return s.toString();
  }

  private static String uuid(SplittableRandom rnd) {
    return new UUID(rnd.nextLong(), rnd.nextLong()).toString();
  }

  private static <T> T pick(SplittableRandom rnd, T[] values) {
    return values[rnd.nextInt(values.length)];
  }
}
