package io.github.microcred.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.internal.JsonCodec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The specification of a micro-credential offering: every standard element of the EU Council Recommendation
 * on micro-credentials (2022/C 243/02, Annex I, mandatory and optional) and every field of Oliver's critical
 * information summary (Oliver, B. (2019). <i>Making micro-credentials work for learners, employers and
 * providers</i>. Deakin University, p. 25).
 *
 * <p>Immutable; build with {@link #builder(String)}. Only the title is required to build one, so that drafts
 * can be represented; {@link MicroCredentialValidator} reports what a complete micro-credential lacks.
 * Awards of a micro-credential to a learner are {@link Award}s.
 */
public final class MicroCredential {
  private final String id;
  private final String title;
  private final String shortDescription;
  private final String certifiedLearning;
  private final String issuerCountry;
  private final List<Organization> awardingBodies;
  private final List<String> learningOutcomes;
  private final Workload workload;
  private final List<Level> levels;
  private final EquivalentLevel equivalentLevel;
  private final Assessment assessment;
  private final ParticipationMode participation;
  private final LearningSetting learningSetting;
  private final List<FieldOfEducation> fieldsOfEducation;
  private final QualityAssurance qualityAssurance;
  private final List<String> prerequisites;
  private final IdentityVerification identityVerification;
  private final String grading;
  private final Stackability stackability;
  private final String furtherInformation;
  private final Boolean creditBearing;
  private final Kind kindOverride;
  private final List<Competency> competencies;
  private final List<String> languages;
  private final ValidityPolicy validity;
  private final DegreePathway entryToDegree;
  private final DegreePathway creditForDegree;

  private MicroCredential(Builder b) {
    if (b.title == null || b.title.isBlank()) {
      throw new IllegalArgumentException("title must not be blank");
    }
    this.id = b.id;
    this.title = b.title;
    this.shortDescription = b.shortDescription;
    this.certifiedLearning = b.certifiedLearning;
    this.issuerCountry = b.issuerCountry;
    this.awardingBodies = List.copyOf(b.awardingBodies);
    this.learningOutcomes = List.copyOf(b.learningOutcomes);
    this.workload = b.workload;
    this.levels = List.copyOf(b.levels);
    this.equivalentLevel = b.equivalentLevel;
    this.assessment = b.assessment;
    this.participation = b.participation;
    this.learningSetting = b.learningSetting;
    this.fieldsOfEducation = List.copyOf(b.fieldsOfEducation);
    this.qualityAssurance = b.qualityAssurance;
    this.prerequisites = List.copyOf(b.prerequisites);
    this.identityVerification = b.identityVerification;
    this.grading = b.grading;
    this.stackability = b.stackability;
    this.furtherInformation = b.furtherInformation;
    this.creditBearing = b.creditBearing;
    this.kindOverride = b.kindOverride;
    this.competencies = List.copyOf(b.competencies);
    this.languages = List.copyOf(b.languages);
    this.validity = b.validity;
    this.entryToDegree = b.entryToDegree;
    this.creditForDegree = b.creditForDegree;
  }

  /**
   * A builder.
   *
   * @param title the title, not blank
   * @return the builder
   */
  public static Builder builder(String title) {
    return new Builder().title(title);
  }

  /**
   * A builder holding this micro-credential's values.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.title = title;
    b.shortDescription = shortDescription;
    b.certifiedLearning = certifiedLearning;
    b.issuerCountry = issuerCountry;
    b.awardingBodies.addAll(awardingBodies);
    b.learningOutcomes.addAll(learningOutcomes);
    b.workload = workload;
    b.levels.addAll(levels);
    b.equivalentLevel = equivalentLevel;
    b.assessment = assessment;
    b.participation = participation;
    b.learningSetting = learningSetting;
    b.fieldsOfEducation.addAll(fieldsOfEducation);
    b.qualityAssurance = qualityAssurance;
    b.prerequisites.addAll(prerequisites);
    b.identityVerification = identityVerification;
    b.grading = grading;
    b.stackability = stackability;
    b.furtherInformation = furtherInformation;
    b.creditBearing = creditBearing;
    b.kindOverride = kindOverride;
    b.competencies.addAll(competencies);
    b.languages.addAll(languages);
    b.validity = validity;
    b.entryToDegree = entryToDegree;
    b.creditForDegree = creditForDegree;
    return b;
  }

  /**
   * The identifier (a URI), if assigned.
   *
   * @return the value, if present
   */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /**
   * EU Annex I: the title of the micro-credential; Oliver: name of certificate.
   *
   * @return the value
   */
  public String title() {
    return title;
  }

  /**
   * Oliver: a short description (30 words or fewer recommended).
   *
   * @return the value, if present
   */
  public Optional<String> shortDescription() {
    return Optional.ofNullable(shortDescription);
  }

  /**
   * Oliver: what the successful learner knows and can do (100 words or fewer recommended).
   *
   * @return the value, if present
   */
  public Optional<String> certifiedLearning() {
    return Optional.ofNullable(certifiedLearning);
  }

  /**
   * EU Annex I: country/region of the issuer, as ISO 3166-1 alpha-2 (e.g. {@code IE}) or ISO 3166-2 (e.g. {@code DE-BY}).
   *
   * @return the value, if present
   */
  public Optional<String> issuerCountry() {
    return Optional.ofNullable(issuerCountry);
  }

  /**
   * EU Annex I: the awarding body or bodies.
   *
   * @return the values, unmodifiable, possibly empty
   */
  public List<Organization> awardingBodies() {
    return awardingBodies;
  }

  /**
   * EU Annex I: the learning outcomes.
   *
   * @return the values, unmodifiable, possibly empty
   */
  public List<String> learningOutcomes() {
    return learningOutcomes;
  }

  /**
   * EU Annex I: the notional workload, in hours and/or credit (ECTS where possible); Oliver: effort required,
   * including assessment, for a typical learner with no prior learning. The JSON {@code workload}.
   *
   * @return the workload, {@link Workload#NONE} when not stated
   */
  public Workload workload() {
    return workload;
  }

  /**
   * EU Annex I: level (EQF and/or national framework) of the learning experience.
   *
   * @return the values, unmodifiable, possibly empty
   */
  public List<Level> levels() {
    return levels;
  }

  /**
   * Oliver: if assessed, the equivalent level of the main task.
   *
   * @return the value, if present
   */
  public Optional<EquivalentLevel> equivalentLevel() {
    return Optional.ofNullable(equivalentLevel);
  }

  /**
   * EU Annex I: type(s) of assessment, with a description, Oliver's complexity of the main task and the rubric of
   * a rubric-based assessment. The JSON {@code assessment}.
   *
   * @return the assessment, {@link Assessment#NONE} when not stated
   */
  public Assessment assessment() {
    return assessment;
  }

  /**
   * EU Annex I: form of participation.
   *
   * @return the value, if present
   */
  public Optional<ParticipationMode> participation() {
    return Optional.ofNullable(participation);
  }

  /**
   * ELM: the learning setting, formal or non-formal ({@code learningSetting} of an ELM learning achievement
   * specification).
   *
   * @return the value, if present
   */
  public Optional<LearningSetting> learningSetting() {
    return Optional.ofNullable(learningSetting);
  }

  /**
   * ELM: the field(s) of education and training, as ISCED-F 2013 codes ({@code thematicArea} of an ELM learning
   * achievement specification).
   *
   * @return the values, unmodifiable, possibly empty
   */
  public List<FieldOfEducation> fieldsOfEducation() {
    return fieldsOfEducation;
  }

  /**
   * EU Annex I: type of quality assurance, with Oliver's QA bodies.
   *
   * @return the value, if present
   */
  public Optional<QualityAssurance> qualityAssurance() {
    return Optional.ofNullable(qualityAssurance);
  }

  /**
   * EU optional: prerequisites needed to enrol.
   *
   * @return the values, unmodifiable, possibly empty
   */
  public List<String> prerequisites() {
    return prerequisites;
  }

  /**
   * EU optional supervision and identity verification; Oliver's auditing and competency verification scale.
   *
   * @return the value, if present
   */
  public Optional<IdentityVerification> identityVerification() {
    return Optional.ofNullable(identityVerification);
  }

  /**
   * EU optional: grade or grading scheme.
   *
   * @return the value, if present
   */
  public Optional<String> grading() {
    return Optional.ofNullable(grading);
  }

  /**
   * EU optional: integration / stackability options.
   *
   * @return the value, if present
   */
  public Optional<Stackability> stackability() {
    return Optional.ofNullable(stackability);
  }

  /**
   * EU optional: further information (a URL or text).
   *
   * @return the value, if present
   */
  public Optional<String> furtherInformation() {
    return Optional.ofNullable(furtherInformation);
  }

  /**
   * A kind set explicitly, overriding the one derived from hours (the validator warns).
   *
   * @return the value, if present
   */
  public Optional<Kind> kindOverride() {
    return Optional.ofNullable(kindOverride);
  }

  /**
   * Competencies and skills, aligned to frameworks (ESCO, O*NET, CTDL-ASN).
   *
   * @return the values, unmodifiable, possibly empty
   */
  public List<Competency> competencies() {
    return competencies;
  }

  /**
   * Language(s) of instruction and assessment, as BCP 47 tags.
   *
   * @return the values, unmodifiable, possibly empty
   */
  public List<String> languages() {
    return languages;
  }

  /**
   * The validity period or expiry policy of awards.
   *
   * @return the value, if present
   */
  public Optional<ValidityPolicy> validity() {
    return Optional.ofNullable(validity);
  }

  /**
   * Oliver: entry to a degree programme (yes/no, which).
   *
   * @return the value, if present
   */
  public Optional<DegreePathway> entryToDegree() {
    return Optional.ofNullable(entryToDegree);
  }

  /**
   * Oliver: credit for a degree programme (yes/no, how much).
   *
   * @return the value, if present
   */
  public Optional<DegreePathway> creditForDegree() {
    return Optional.ofNullable(creditForDegree);
  }

  /**
   * Oliver Table 4: whether the micro-credential is credit-bearing, as stated explicitly.
   *
   * @return the stated value, if present
   */
  public Optional<Boolean> creditBearingStated() {
    return Optional.ofNullable(creditBearing);
  }

  /**
   * Whether the micro-credential is credit-bearing: the stated value, otherwise whether any credit is given.
   *
   * @return true if credit-bearing
   */
  public boolean isCreditBearing() {
    return creditBearing != null ? creditBearing : !workload.credits().isEmpty();
  }

  /**
   * The kind derived from the workload's hours (see {@link Kind#fromHours(java.math.BigDecimal)}).
   *
   * @return the derived kind, empty without hours or when they fall outside every band
   */
  public Optional<Kind> derivedKind() {
    return workload.hours().flatMap(Kind::fromHours);
  }

  /**
   * The kind: the override if set, otherwise the derived kind.
   *
   * @return the kind
   */
  public Optional<Kind> kind() {
    return kindOverride != null ? Optional.of(kindOverride) : derivedKind();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof MicroCredential m)) {
      return false;
    }
    return Objects.equals(id, m.id)
        && Objects.equals(title, m.title)
        && Objects.equals(shortDescription, m.shortDescription)
        && Objects.equals(certifiedLearning, m.certifiedLearning)
        && Objects.equals(issuerCountry, m.issuerCountry)
        && Objects.equals(awardingBodies, m.awardingBodies)
        && Objects.equals(learningOutcomes, m.learningOutcomes)
        && Objects.equals(workload, m.workload)
        && Objects.equals(levels, m.levels)
        && Objects.equals(equivalentLevel, m.equivalentLevel)
        && Objects.equals(assessment, m.assessment)
        && Objects.equals(participation, m.participation)
        && Objects.equals(learningSetting, m.learningSetting)
        && Objects.equals(fieldsOfEducation, m.fieldsOfEducation)
        && Objects.equals(qualityAssurance, m.qualityAssurance)
        && Objects.equals(prerequisites, m.prerequisites)
        && Objects.equals(identityVerification, m.identityVerification)
        && Objects.equals(grading, m.grading)
        && Objects.equals(stackability, m.stackability)
        && Objects.equals(furtherInformation, m.furtherInformation)
        && Objects.equals(creditBearing, m.creditBearing)
        && Objects.equals(kindOverride, m.kindOverride)
        && Objects.equals(competencies, m.competencies)
        && Objects.equals(languages, m.languages)
        && Objects.equals(validity, m.validity)
        && Objects.equals(entryToDegree, m.entryToDegree)
        && Objects.equals(creditForDegree, m.creditForDegree);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, title, awardingBodies, learningOutcomes, workload, levels);
  }

  @Override
  public String toString() {
    return "MicroCredential[" + title + (id == null ? "" : ", " + id) + "]";
  }

  /** Builds a {@link MicroCredential}. Setting a single value to null clears it. */
  public static final class Builder {
    private String id;
    private String title;
    private String shortDescription;
    private String certifiedLearning;
    private String issuerCountry;
    private final List<Organization> awardingBodies = new ArrayList<>();
    private final List<String> learningOutcomes = new ArrayList<>();
    private Workload workload = Workload.NONE;
    private final List<Level> levels = new ArrayList<>();
    private EquivalentLevel equivalentLevel;
    private Assessment assessment = Assessment.NONE;
    private ParticipationMode participation;
    private LearningSetting learningSetting;
    private final List<FieldOfEducation> fieldsOfEducation = new ArrayList<>();
    private QualityAssurance qualityAssurance;
    private final List<String> prerequisites = new ArrayList<>();
    private IdentityVerification identityVerification;
    private String grading;
    private Stackability stackability;
    private String furtherInformation;
    private Boolean creditBearing;
    private Kind kindOverride;
    private final List<Competency> competencies = new ArrayList<>();
    private final List<String> languages = new ArrayList<>();
    private ValidityPolicy validity;
    private DegreePathway entryToDegree;
    private DegreePathway creditForDegree;

    private Builder() {}

    /**
     * Sets: The identifier (a URI), if assigned.
     *
     * @param value the value, or null to clear
     * @return this
     */
    public Builder id(String value) {
      this.id = value;
      return this;
    }

    /**
     * Sets: EU Annex I: the title of the micro-credential; Oliver: name of certificate.
     *
     * @param value the value, or null to clear
     * @return this
     */
    public Builder title(String value) {
      this.title = value;
      return this;
    }

    /**
     * Sets: Oliver: a short description (30 words or fewer recommended).
     *
     * @param value the value, or null to clear
     * @return this
     */
    public Builder shortDescription(String value) {
      this.shortDescription = value;
      return this;
    }

    /**
     * Sets: Oliver: what the successful learner knows and can do (100 words or fewer recommended).
     *
     * @param value the value, or null to clear
     * @return this
     */
    public Builder certifiedLearning(String value) {
      this.certifiedLearning = value;
      return this;
    }

    /**
     * Sets: EU Annex I: country/region of the issuer, as ISO 3166-1 alpha-2 (e.g. {@code IE}) or ISO 3166-2 (e.g. {@code DE-BY}).
     *
     * @param value the value, or null to clear
     * @return this
     */
    public Builder issuerCountry(String value) {
      this.issuerCountry = value;
      return this;
    }

    /**
     * Adds to: EU Annex I: the awarding body or bodies.
     *
     * @param values the values to add
     * @return this
     */
    public Builder awardingBody(Organization... values) {
      for (Organization v : values) {
        this.awardingBodies.add(Objects.requireNonNull(v, "awardingBodies"));
      }
      return this;
    }

    /**
     * Replaces: EU Annex I: the awarding body or bodies.
     *
     * @param values the values
     * @return this
     */
    public Builder awardingBodies(Collection<? extends Organization> values) {
      this.awardingBodies.clear();
      values.forEach(v -> this.awardingBodies.add(Objects.requireNonNull(v, "awardingBodies")));
      return this;
    }

    /**
     * Adds to: EU Annex I: the learning outcomes.
     *
     * @param values the values to add
     * @return this
     */
    public Builder learningOutcome(String... values) {
      for (String v : values) {
        this.learningOutcomes.add(Objects.requireNonNull(v, "learningOutcomes"));
      }
      return this;
    }

    /**
     * Replaces: EU Annex I: the learning outcomes.
     *
     * @param values the values
     * @return this
     */
    public Builder learningOutcomes(Collection<? extends String> values) {
      this.learningOutcomes.clear();
      values.forEach(v -> this.learningOutcomes.add(Objects.requireNonNull(v, "learningOutcomes")));
      return this;
    }

    /**
     * Sets: EU Annex I notional workload, in hours and/or credit.
     *
     * @param value the workload, or null to clear it
     * @return this
     */
    public Builder workload(Workload value) {
      this.workload = value == null ? Workload.NONE : value;
      return this;
    }

    /**
     * Adds to: EU Annex I: level (EQF and/or national framework) of the learning experience.
     *
     * @param values the values to add
     * @return this
     */
    public Builder level(Level... values) {
      for (Level v : values) {
        this.levels.add(Objects.requireNonNull(v, "levels"));
      }
      return this;
    }

    /**
     * Replaces: EU Annex I: level (EQF and/or national framework) of the learning experience.
     *
     * @param values the values
     * @return this
     */
    public Builder levels(Collection<? extends Level> values) {
      this.levels.clear();
      values.forEach(v -> this.levels.add(Objects.requireNonNull(v, "levels")));
      return this;
    }

    /**
     * Sets: Oliver: if assessed, the equivalent level of the main task.
     *
     * @param value the value, or null to clear
     * @return this
     */
    public Builder equivalentLevel(EquivalentLevel value) {
      this.equivalentLevel = value;
      return this;
    }

    /**
     * Sets: EU Annex I type(s) of assessment, with a description, complexity and rubric.
     *
     * @param value the assessment, or null to clear it
     * @return this
     */
    public Builder assessment(Assessment value) {
      this.assessment = value == null ? Assessment.NONE : value;
      return this;
    }

    /**
     * Sets: EU Annex I: form of participation.
     *
     * @param value the value, or null to clear
     * @return this
     */
    public Builder participation(ParticipationMode value) {
      this.participation = value;
      return this;
    }

    /**
     * Sets: ELM: the learning setting, formal or non-formal.
     *
     * @param value the value, or null to clear
     * @return this
     */
    public Builder learningSetting(LearningSetting value) {
      this.learningSetting = value;
      return this;
    }

    /**
     * Adds to: ELM: the field(s) of education and training (ISCED-F 2013).
     *
     * @param values the values to add
     * @return this
     */
    public Builder fieldOfEducation(FieldOfEducation... values) {
      for (FieldOfEducation v : values) {
        this.fieldsOfEducation.add(Objects.requireNonNull(v, "fieldsOfEducation"));
      }
      return this;
    }

    /**
     * Replaces: ELM: the field(s) of education and training (ISCED-F 2013).
     *
     * @param values the values
     * @return this
     */
    public Builder fieldsOfEducation(Collection<? extends FieldOfEducation> values) {
      this.fieldsOfEducation.clear();
      values.forEach(v -> this.fieldsOfEducation.add(Objects.requireNonNull(v, "fieldsOfEducation")));
      return this;
    }

    /**
     * Sets: EU Annex I: type of quality assurance, with Oliver's QA bodies.
     *
     * @param value the value, or null to clear
     * @return this
     */
    public Builder qualityAssurance(QualityAssurance value) {
      this.qualityAssurance = value;
      return this;
    }

    /**
     * Adds to: EU optional: prerequisites needed to enrol.
     *
     * @param values the values to add
     * @return this
     */
    public Builder prerequisite(String... values) {
      for (String v : values) {
        this.prerequisites.add(Objects.requireNonNull(v, "prerequisites"));
      }
      return this;
    }

    /**
     * Replaces: EU optional: prerequisites needed to enrol.
     *
     * @param values the values
     * @return this
     */
    public Builder prerequisites(Collection<? extends String> values) {
      this.prerequisites.clear();
      values.forEach(v -> this.prerequisites.add(Objects.requireNonNull(v, "prerequisites")));
      return this;
    }

    /**
     * Sets: EU optional supervision and identity verification; Oliver's auditing and competency verification scale.
     *
     * @param value the value, or null to clear
     * @return this
     */
    public Builder identityVerification(IdentityVerification value) {
      this.identityVerification = value;
      return this;
    }

    /**
     * Sets: EU optional: grade or grading scheme.
     *
     * @param value the value, or null to clear
     * @return this
     */
    public Builder grading(String value) {
      this.grading = value;
      return this;
    }

    /**
     * Sets: EU optional: integration / stackability options.
     *
     * @param value the value, or null to clear
     * @return this
     */
    public Builder stackability(Stackability value) {
      this.stackability = value;
      return this;
    }

    /**
     * Sets: EU optional: further information (a URL or text).
     *
     * @param value the value, or null to clear
     * @return this
     */
    public Builder furtherInformation(String value) {
      this.furtherInformation = value;
      return this;
    }

    /**
     * Sets: Oliver Table 4: whether the micro-credential is credit-bearing, when stated explicitly.
     *
     * @param value the value, or null to clear
     * @return this
     */
    public Builder creditBearing(Boolean value) {
      this.creditBearing = value;
      return this;
    }

    /**
     * Sets: A kind set explicitly, overriding the one derived from hours (the validator warns).
     *
     * @param value the value, or null to clear
     * @return this
     */
    public Builder kindOverride(Kind value) {
      this.kindOverride = value;
      return this;
    }

    /**
     * Adds to: Competencies and skills, aligned to frameworks (ESCO, O*NET, CTDL-ASN).
     *
     * @param values the values to add
     * @return this
     */
    public Builder competency(Competency... values) {
      for (Competency v : values) {
        this.competencies.add(Objects.requireNonNull(v, "competencies"));
      }
      return this;
    }

    /**
     * Replaces: Competencies and skills, aligned to frameworks (ESCO, O*NET, CTDL-ASN).
     *
     * @param values the values
     * @return this
     */
    public Builder competencies(Collection<? extends Competency> values) {
      this.competencies.clear();
      values.forEach(v -> this.competencies.add(Objects.requireNonNull(v, "competencies")));
      return this;
    }

    /**
     * Adds to: Language(s) of instruction and assessment, as BCP 47 tags.
     *
     * @param values the values to add
     * @return this
     */
    public Builder language(String... values) {
      for (String v : values) {
        this.languages.add(Objects.requireNonNull(v, "languages"));
      }
      return this;
    }

    /**
     * Replaces: Language(s) of instruction and assessment, as BCP 47 tags.
     *
     * @param values the values
     * @return this
     */
    public Builder languages(Collection<? extends String> values) {
      this.languages.clear();
      values.forEach(v -> this.languages.add(Objects.requireNonNull(v, "languages")));
      return this;
    }

    /**
     * Sets: The validity period or expiry policy of awards.
     *
     * @param value the value, or null to clear
     * @return this
     */
    public Builder validity(ValidityPolicy value) {
      this.validity = value;
      return this;
    }

    /**
     * Sets: Oliver: entry to a degree programme (yes/no, which).
     *
     * @param value the value, or null to clear
     * @return this
     */
    public Builder entryToDegree(DegreePathway value) {
      this.entryToDegree = value;
      return this;
    }

    /**
     * Sets: Oliver: credit for a degree programme (yes/no, how much).
     *
     * @param value the value, or null to clear
     * @return this
     */
    public Builder creditForDegree(DegreePathway value) {
      this.creditForDegree = value;
      return this;
    }

    /**
     * Builds.
     *
     * @return the micro-credential
     * @throws IllegalArgumentException when the title is blank
     */
    public MicroCredential build() {
      return new MicroCredential(this);
    }
  }

  /**
   * The JSON form of this micro-credential: camelCase properties, decimals as exact JSON numbers, enum values by
   * name, dates in ISO 8601 (the format of {@code examples/}). {@code toPrettyString()} of the tree is the indented
   * text, {@code toString()} the compact one.
   *
   * @return a new tree, owned by the caller
   */
  public ObjectNode toJson() {
    return JsonCodec.write(this);
  }

  /**
   * Reads a micro-credential from its JSON text ({@link #toJson()}). Reading is strict: an unknown property, a duplicate key,
   * content after the document or a value of the wrong type is an error naming its JSON path; nothing is dropped or
   * defaulted silently.
   *
   * @param json the JSON text
   * @return the micro-credential
   * @throws CoreException {@link CoreErrorCode#MALFORMED_JSON} with line and column for a syntax error (and the path
   *     where the text nests deeper than 256 levels), {@link CoreErrorCode#INVALID_DOCUMENT} listing every path for
   *     a document that does not fit the model
   */
  public static MicroCredential fromJson(String json) throws CoreException {
    return MicroCredentialJson.read(json, (c, n) -> c.readMicroCredential(n, "$"));
  }

  /**
   * Reads a micro-credential from its JSON tree ({@link #toJson()}), as strictly as {@link #fromJson(String)}.
   *
   * @param json the tree
   * @return the micro-credential
   * @throws CoreException {@link CoreErrorCode#INVALID_DOCUMENT} listing every problem with its path
   */
  public static MicroCredential fromJson(JsonNode json) throws CoreException {
    return MicroCredentialJson.read(json, (c, n) -> c.readMicroCredential(n, "$"));
  }
}
